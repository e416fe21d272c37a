// Writes the script-tag test pages: plain static files that load only what the CMS guide says
// (dist/lede.css and one of the script-tag files), most of them the demo article under the strict
// CSP, as a publisher would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { demoPage } from '../../scripts/demo-pages.mjs';

const LOADER = '<script type="module" src="/dist/lede.js"></script>';
const BUNDLE = '<script type="module" src="/dist/lede.bundle.js"></script>';
const CLASSIC = '<script src="/dist/lede.iife.js"></script>';

/** The demo article with every element, loaded by each script-tag file. */
export const PAGES = {
  module: { head: LOADER, file: 'lede.js' },
  bundle: { head: BUNDLE, file: 'lede.bundle.js' },
  classic: { end: CLASSIC, file: 'lede.iife.js' },
};

const KEY_POINTS = `<main><lede-key-points heading="Why this matters"><ul>
  <li><strong>Jobs:</strong> About 4,200 people work in port operations.</li>
  <li><strong>Shared debt:</strong> The channel loan runs until 2044.</li>
</ul></lede-key-points></main>`;

/** Pages for one question each. */
export const SPECIAL_PAGES = {
  // What a page with key points only downloads.
  'key-points-only': { head: LOADER, main: KEY_POINTS },
  // A story from a document: its parts are found in its shadow root.
  story: { head: LOADER, main: '<main><lede-story src="/__lede/demo-document"></lede-story></main>' },
  // Two copies of the loader (two URLs), and the loader with the single-file classic bundle.
  twice: { head: `${LOADER}\n<script type="module" src="/dist/lede.js?copy"></script>` },
  'loader-and-bundle': { head: LOADER, end: CLASSIC },
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
    // Read by lit-html as it starts: only an element where the browser has no Trusted Types.
    'trustedTypes',
  ]
    .map((id) => `<img id="${id}" alt="">`)
    .join('')}
  ${[
    'createElement',
    'importNode',
    'createTreeWalker',
    'createComment',
    'createTextNode',
    'title',
    'querySelector',
    'baseURI',
    'getElementById',
    'querySelectorAll',
    'head',
    // What DOMPurify reads of the document as it starts.
    'implementation',
    'currentScript',
    'nodeType',
    'cookie',
    'documentElement',
    'createNodeIterator',
    'createDocumentFragment',
    'getElementsByTagName',
    // What Lede listens on (an img name shadows the window's members too).
    'addEventListener',
    'removeEventListener',
  ]
    .map((name) => `<img name="${name}" alt="">`)
    .join('')}
</div>
<lede-article id="clobbered-content" src="/__lede/demo-document"></lede-article>
<lede-newsletter id="clobbered-form"><form action="/api/signup" method="post"><input name="querySelector"><input name="getAttribute"><label>Email <input type="email" name="email"></label><button>Subscribe</button></form></lede-newsletter>`;

export function writeBundlePages(dir = 'test/bundle/pages') {
  mkdirSync(dir, { recursive: true });
  const write = (name, { head = '', end = '', main, csp = true }) =>
    writeFileSync(
      `${dir}/${name}.html`,
      demoPage({
        title: `Lede script tag: ${name}`,
        csp,
        head: `<link rel="stylesheet" href="/dist/lede.css" />\n    <script src="/test/bundle/record-errors.js"></script>\n    ${head}`,
        end,
        ...(main ? { main } : {}),
      }),
    );
  for (const [name, page] of Object.entries({ ...PAGES, ...SPECIAL_PAGES })) write(name, page);
  for (const [name, page] of Object.entries(PAGES)) {
    // A hostile page: Object.prototype polluted before Lede loads, and clobbering markup.
    const { head = '', end = '' } = page;
    write(`hostile-${name}`, {
      head: `<script src="/test/bundle/hostile-setup.js"></script>\n    ${head}`,
      end: CLOBBERING + end,
    });
    // The same in a browser without Trusted Types (and so no policy to require): there the page's
    // <img id="trustedTypes"> is what window.trustedTypes names.
    write(`hostile-no-trusted-types-${name}`, {
      head: `<script src="/test/bundle/no-trusted-types.js"></script>\n    <script src="/test/bundle/hostile-setup.js"></script>\n    ${head}`,
      end: CLOBBERING + end,
      csp: false,
    });
    // Two copies of the same file (two URLs) under enforced Trusted Types: the second is a quiet no-op.
    const copy = (tags) => tags.replace(/(\/dist\/[\w.]+\.js)/, '$1?copy=2');
    write(`twice-${name}`, { head: head && head + copy(head), end: end && end + copy(end) });
  }
  // The XSS corpus against the loader's DOMPurify chunk: no CSP, so a payload that survived would run.
  writeFileSync(
    `${dir}/empty.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lede bundle</title>${LOADER}</head><body></body></html>\n`,
  );
}
