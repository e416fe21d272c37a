// Writes the script-tag test pages: the demo article, under the strict CSP, loading only
// dist/lede.css and dist/lede.js (as a module) or dist/lede.iife.js (as a classic script), as the
// CMS guide says. Plain static files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { demoPage } from '../../scripts/demo-pages.mjs';

export const PAGES = {
  module: { head: '<script type="module" src="/dist/lede.js"></script>' },
  classic: { end: '<script src="/dist/lede.iife.js"></script>' },
};

/**
 * Markup a comment section could hold: ids and names that shadow Lit's globals and the document
 * members Lit and Lede call, and a fallback form with fields named like its methods.
 */
export const CLOBBERING = `<div hidden>
  ${[
    'litHtmlVersions',
    'reactiveElementVersions',
    'litElementVersions',
    'litHtmlPolyfillSupport',
    'reactiveElementPolyfillSupport',
    'litElementPolyfillSupport',
    'litElementHydrateSupport',
    'ShadyCSS',
  ]
    .map((id) => `<img id="${id}" alt="">`)
    .join('')}
  ${[
    'createElement',
    'importNode',
    'createTreeWalker',
    'createComment',
    'title',
    'querySelector',
    'baseURI',
    'getElementById',
  ]
    .map((name) => `<img name="${name}" alt="">`)
    .join('')}
</div>
<lede-newsletter id="clobbered-form"><form action="/api/signup" method="post"><input name="querySelector"><input name="getAttribute"><label>Email <input type="email" name="email"></label><button>Subscribe</button></form></lede-newsletter>`;

export function writeBundlePages(dir = 'test/bundle/pages') {
  mkdirSync(dir, { recursive: true });
  for (const [name, scripts] of Object.entries(PAGES)) {
    const head = `<link rel="stylesheet" href="/dist/lede.css" />\n    <script src="/test/bundle/record-errors.js"></script>\n    ${scripts.head ?? ''}`;
    writeFileSync(
      `${dir}/${name}.html`,
      demoPage({ title: `Lede script tag: ${name}`, csp: true, head, end: scripts.end ?? '' }),
    );
  }
  // A hostile page: Object.prototype polluted before Lede loads, and clobbering markup.
  for (const [name, scripts] of Object.entries(PAGES)) {
    const head = `<link rel="stylesheet" href="/dist/lede.css" />\n    <script src="/test/bundle/record-errors.js"></script>\n    <script src="/test/bundle/hostile-setup.js"></script>\n    ${scripts.head ?? ''}`;
    writeFileSync(
      `${dir}/hostile-${name}.html`,
      demoPage({ title: `Lede on a hostile page: ${name}`, csp: true, head, end: CLOBBERING + (scripts.end ?? '') }),
    );
  }
  // Two copies of the bundle under enforced Trusted Types: the second must be a quiet no-op.
  const twice = {
    module: { head: `${PAGES.module.head}<script type="module" src="/dist/lede.js?copy=2"></script>` },
    classic: { end: `${PAGES.classic.end}<script src="/dist/lede.iife.js?copy=2"></script>` },
  };
  for (const [name, scripts] of Object.entries(twice)) {
    const head = `<link rel="stylesheet" href="/dist/lede.css" />\n    <script src="/test/bundle/record-errors.js"></script>\n    ${scripts.head ?? ''}`;
    writeFileSync(
      `${dir}/twice-${name}.html`,
      demoPage({ title: `Lede loaded twice: ${name}`, csp: true, head, end: scripts.end ?? '' }),
    );
  }
  // The XSS corpus against the bundle's own DOMPurify build: no CSP, so a payload that survived would run.
  writeFileSync(
    `${dir}/empty.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lede bundle</title>${PAGES.module.head}</head><body></body></html>\n`,
  );
}
