import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLedeEndpoint } from './server/endpoint.mjs';
import { seedDemo } from './demo/seed.mjs';
import { entries, external } from './scripts/entries.mjs';
import { minifyTemplateLiterals } from './scripts/minify-css-literals.mjs';
import { dompurifySource } from './scripts/dompurify-source.mjs';
import { hostilePageBuild } from './scripts/hostile-page-build.mjs';

/** The demo's local endpoint, so signup, votes and comment counts work with no outside service. */
function ledeEndpoint(): Plugin {
  const endpoint = createLedeEndpoint({ seed: seedDemo });
  return {
    name: 'lede-endpoint',
    configureServer(server) {
      server.middlewares.use((req, res, next) => void endpoint(req, res, next));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => void endpoint(req, res, next));
    },
  };
}

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
    return {
      root: 'demo',
      plugins: [ledeEndpoint(), fallbackCss()],
      server: { open: openBrowser, fs: { allow: [resolve('.')] } },
    };
  }
  if (mode === 'bundle') {
    // The script-tag files: everything inlined, one ES module and one classic script.
    return {
      plugins: [dompurifySource(), minifyTemplateLiterals(), hostilePageBuild()],
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: {
          entry: 'src/index.ts',
          name: 'Lede',
          formats: ['es', 'iife'],
          fileName: (format) => (format === 'es' ? 'lede.js' : 'lede.iife.js'),
        },
        // Annotation comments (`/* @__PURE__ */`) have done their work once the bundle is built.
        rolldownOptions: { output: { minify: true, comments: false } },
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
