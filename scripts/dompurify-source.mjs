// For the script-tag bundles only: DOMPurify compiled from the TypeScript source it ships
// (node_modules/dompurify/src), for the bundle's own target, instead of its dist file, which is
// transpiled for old browsers and carries Babel helpers that an es2022 bundle does not need.
//
// Three changes to that source, all about weight, none letting more through the sanitizer:
// - The SVG and MathML lists are emptied. Lede sanitizes with the HTML profile only, so those tags
//   and attributes are never allowed. DOMPurify reads the tag lists once more, in its namespace
//   check: there an empty list only rejects more (an element in the SVG or MathML namespace is
//   dropped), and in the HTML namespace nothing changes (the only allowed tags those lists share
//   with HTML, `a`, `font` and `style`, are let through by DOMPurify's own common-elements list).
// - The HTML lists leave out what Lede forbids anyway (src/core/forbidden.json: forms, styles,
//   dialogs, popover triggers…), which the sanitizer's FORBID_TAGS / FORBID_ATTR still remove.
// - The module exports DOMPurify's factory instead of an instance built at import: Lede creates
//   its one instance on the first sanitize, so a page without untrusted HTML never builds one.
// The XSS corpus runs against this build (test/bundle/sanitize.bundle-test.ts).
//
// It was checked against DOMPurify 3.4.18, the exact version package.json pins: an update of the
// pin must come with a review of the source layout below. A different version, or a source whose
// statements are not all found, fails the build (fail closed) instead of shipping a half-edited
// sanitizer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// dompurify's exports map hides package.json: go up from its main file (dist/purify.cjs.js).
const root = dirname(dirname(createRequire(import.meta.url).resolve('dompurify')));
const src = join(root, 'src');
const entry = join(src, 'purify.ts');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const CHECKED_VERSION = '3.4.18';
if (version !== CHECKED_VERSION)
  throw new Error(
    `dompurify-source: DOMPurify ${version} is installed, but this plugin was checked against ${CHECKED_VERSION}; review the source it edits, then update CHECKED_VERSION and the exact version in package.json`,
  );
const forbidden = JSON.parse(readFileSync(new URL('../src/core/forbidden.json', import.meta.url), 'utf8'));

/** The lists each file must define, and the ones emptied. */
const LISTS = {
  [join(src, 'tags.ts')]: {
    all: ['html', 'svg', 'svgFilters', 'svgDisallowed', 'mathMl', 'mathMlDisallowed', 'text'],
    emptied: ['svg', 'svgFilters', 'svgDisallowed', 'mathMl', 'mathMlDisallowed'],
    forbidden: forbidden.tags,
  },
  [join(src, 'attrs.ts')]: {
    all: ['html', 'svg', 'mathMl', 'xml'],
    emptied: ['svg', 'mathMl', 'xml'],
    forbidden: forbidden.attributes,
  },
};

function fail(file, what) {
  throw new Error(
    `dompurify-source: ${file} ${what}; DOMPurify ${version} is not the source this plugin knows, check it`,
  );
}

/** Replaces every statement exactly once, or fails naming what it did not find. */
function replaceOnce(code, file, replacements) {
  for (const [from, to] of replacements) {
    const at = code.indexOf(from);
    if (at < 0 || code.indexOf(from, at + 1) >= 0) fail(file, `does not have exactly one "${from}"`);
    code = code.replace(from, to);
  }
  return code;
}

function trimLists(code, file) {
  const { all, emptied, forbidden } = LISTS[file];
  const found = [...code.matchAll(/^export const (\w+) = freeze\(\[/gm)].map((m) => m[1]);
  if (found.join() !== all.join()) fail(file, `exports ${found.join(', ')}, not ${all.join(', ')}`);
  return code.replace(/^export const (\w+) = freeze\(\[([^\]]*)\](?: as const)?\);/gm, (statement, name, list) => {
    if (emptied.includes(name)) return `export const ${name} = freeze([] as string[]);`;
    if (name !== 'html') return statement;
    const names = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const missing = forbidden.filter((forbiddenName) => !names.includes(forbiddenName));
    if (missing.length) fail(file, `html list has no ${missing.join(', ')}`);
    return `export const html = freeze(${JSON.stringify(names.filter((n) => !forbidden.includes(n)))});`;
  });
}

export function dompurifySource() {
  return {
    name: 'lede-dompurify-source',
    enforce: 'pre',
    resolveId(source) {
      return source === 'dompurify' ? entry : null;
    },
    transform(code, id) {
      if (LISTS[id]) return { code: trimLists(code, id), map: null };
      if (id !== entry) return null;
      // DOMPurify's own build defines VERSION; a source with another use of it is not the source we know.
      if ((code.match(/\bVERSION\b/g) ?? []).length !== 2) fail(id, 'uses VERSION in an unexpected way');
      return {
        code: replaceOnce(code, id, [
          ['DOMPurify.version = VERSION;', `DOMPurify.version = ${JSON.stringify(version)};`],
          ['export default createDOMPurify();', 'export default createDOMPurify;'],
        ]),
        map: null,
      };
    },
  };
}

/**
 * For the single-file builds only: the sanitizer's `import('dompurify')` (a chunk of its own in the
 * loader build) becomes a static import, so the one file does not carry a lazy-module wrapper and
 * a namespace object for DOMPurify. DOMPurify's instance is still made on the first sanitize.
 */
export function staticDompurify() {
  const dynamic = /\bimport\(\s*(['"])dompurify\1\s*\)/g;
  return {
    name: 'lede-static-dompurify',
    transform(code, id) {
      if (!/[\\/]src[\\/]core[\\/]sanitize\.ts$/.test(id)) return null;
      const found = code.match(dynamic)?.length ?? 0;
      if (found !== 1) throw new Error(`static-dompurify: ${id} has ${found} import('dompurify'), not 1`);
      return {
        code: `import __ledeDompurify from 'dompurify';\n${code.replace(dynamic, 'Promise.resolve({ default: __ledeDompurify })')}`,
        map: null,
      };
    },
  };
}
