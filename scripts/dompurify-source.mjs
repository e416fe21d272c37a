// For the script-tag bundles only: DOMPurify compiled from the TypeScript source it ships
// (node_modules/dompurify/src), for the bundle's own target, instead of its dist file, which is
// transpiled for old browsers and carries Babel helpers (generators, sliced arrays) that an
// es2022 bundle does not need. Same version, same code; about 0.6 KB gzip smaller.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// dompurify's exports map hides package.json: go up from its main file (dist/purify.cjs.js).
const root = dirname(dirname(createRequire(import.meta.url).resolve('dompurify')));
const entry = join(root, 'src', 'purify.ts');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

export function dompurifySource() {
  return {
    name: 'lede-dompurify-source',
    enforce: 'pre',
    resolveId(source) {
      return source === 'dompurify' ? entry : null;
    },
    transform(code, id) {
      if (id !== entry) return null;
      // DOMPurify's own build defines VERSION; a source without that one use is not the source we know.
      const uses = code.match(/\bVERSION\b/g) ?? [];
      if (!code.includes('DOMPurify.version = VERSION;') || uses.length !== 2) {
        throw new Error(`dompurify-source: ${entry} no longer sets DOMPurify.version = VERSION as expected; check the plugin`);
      }
      return { code: code.replace('DOMPurify.version = VERSION;', `DOMPurify.version = ${JSON.stringify(version)};`), map: null };
    },
  };
}
