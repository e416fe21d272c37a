import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { standInServiceVitePlugin } from './demo/stand-in-service.mjs';
import { entries, external, loaderEntries, loaderTags, LOADER_DIR, singleFileBundles } from './scripts/entries.mjs';
import { minifyTemplateLiterals } from './scripts/minify/index.mjs';
import { dompurifySource, staticDompurify } from './scripts/dompurify-source.mjs';
import { hostilePageBuild } from './scripts/hostile-page-build.mjs';
import { loaderChunkGroups, loaderChunks } from './scripts/loader-chunks.mjs';

/** Serves `/lede.css` in the demo: every element's pre-upgrade styles, as `dist/lede.css` holds them. */
function fallbackCss(): Plugin {
  return {
    name: 'lede-fallback-css',
    configureServer(server) {
      server.middlewares.use('/lede.css', (_req, res) => {
        const css = readdirSync('src')
          .map((name) => `src/${name}/${name}.fallback.css`)
          .filter((path) => existsSync(path))
          .map((path) => readFileSync(path, 'utf8'));
        res.setHeader('Content-Type', 'text/css');
        res.end(css.join('\n'));
      });
    },
  };
}

const openBrowser = !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY));

export default defineConfig(({ command, mode }): UserConfig => {
  if (command === 'serve') {
    // `npm start` (scripts/start-demo.mjs) adds the proxy to lede-server and the local inbox.
    return {
      root: 'demo',
      plugins: [fallbackCss(), standInServiceVitePlugin()],
      server: { open: openBrowser, fs: { allow: [resolve('.')] } },
    };
  }
  // The script-tag files hold Lit and DOMPurify (built from its source, for this target), minified,
  // without annotation comments (`/* @__PURE__ */` has done its work once the bundle is built).
  // hostilePageBuild: they start on pages that extend Object.prototype or clobber Lit's globals and document members.
  const scriptTagPlugins = (): Plugin[] => [dompurifySource(), ...minifyTemplateLiterals(), hostilePageBuild()];
  const scriptTagOutput = { minify: true, comments: false } as const;
  if (mode === 'bundle') {
    // The single-file builds, for hosts that can serve only one file: everything inlined
    // (DOMPurify's dynamic import too), one ES module and one classic script.
    return {
      plugins: [...scriptTagPlugins(), staticDompurify()],
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: {
          entry: 'src/index.ts',
          name: 'Lede',
          formats: ['es', 'iife'],
          fileName: (format) => (format === 'es' ? singleFileBundles.es : singleFileBundles.iife),
        },
        rolldownOptions: { output: { ...scriptTagOutput, codeSplitting: false } },
      },
    };
  }
  if (mode === 'loader') {
    // dist/lede.js, the loader, and dist/lede/: a chunk per element, the shared chunks, DOMPurify's own.
    return {
      plugins: [
        ...scriptTagPlugins(),
        loaderChunks({
          loader: 'lede',
          dir: `${LOADER_DIR}/`,
          elements: loaderTags,
          sanitizer: /[\\/]dompurify[\\/]src[\\/]purify\.ts$/,
        }),
      ],
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: loaderEntries, formats: ['es'] },
        rolldownOptions: {
          output: {
            ...scriptTagOutput,
            entryFileNames: '[name].js',
            chunkFileNames: `${LOADER_DIR}/[name].js`,
            codeSplitting: { groups: loaderChunkGroups },
          },
        },
      },
    };
  }
  // The npm entries: ES modules with Lit and DOMPurify left to the consumer's bundler.
  return {
    plugins: [minifyTemplateLiterals()],
    build: {
      target: 'es2022',
      sourcemap: true,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: { external, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
});
