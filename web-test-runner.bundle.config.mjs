// Tests that run after the build (npm run test:bundle): the script-tag pages, which load only the
// built script-tag files (the loader dist/lede.js, dist/lede.bundle.js, dist/lede.iife.js), and the
// React wrappers rendered with react-dom.
// Test files are named *.bundle-test.ts so the main run (web-test-runner.config.mjs) skips them.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import base from './web-test-runner.config.mjs';
import { writeBundlePages } from './test/bundle/pages.mjs';
import { demoDocument } from './scripts/demo-pages.mjs';

writeBundlePages();

/** React ships CommonJS only: test files under test/react/ are served bundled by esbuild. */
function bundleReactTests() {
  return {
    name: 'lede-bundle-react-tests',
    async serve(context) {
      if (!/^\/test\/react\/[^/]+\.bundle-test\.ts$/.test(context.path)) return undefined;
      const result = await build({
        entryPoints: [`.${context.path}`],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        tsconfig: './tsconfig.json',
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

/** The manifest and the demo document as plain JSON: the base config turns `.json` paths into modules. */
function serveManifest() {
  return {
    name: 'lede-serve-manifest',
    serve(context) {
      if (context.path === '/__lede/manifest')
        return { body: readFileSync('custom-elements.json', 'utf8'), type: 'application/json' };
      // The demo's Lede document, for the story page's `src` (its endpoints on the test endpoint).
      if (context.path === '/__lede/demo-document') return { body: demoDocument(), type: 'application/json' };
      return undefined;
    },
  };
}

export default {
  ...base,
  files: ['test/bundle/**/*.bundle-test.ts', 'test/react/**/*.bundle-test.ts'],
  plugins: [serveManifest(), bundleReactTests(), ...base.plugins],
};
