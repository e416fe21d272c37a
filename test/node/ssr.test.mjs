// Server rendering: every npm entry imports in Node (no `window` at module load), and
// @lit-labs/ssr renders each element as declarative shadow DOM (or, for the elements listed in
// SSR_UNSUPPORTED, is known not to). Run after the build.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { entries } from '../../scripts/entries.mjs';
import { readElements } from '../../scripts/manifest.mjs';

const dist = (name) => pathToFileURL(`dist/${name}.js`).href;

/** Elements that @lit-labs/ssr cannot render yet, and why (kept in step with docs/server-rendering.md). */
const SSR_UNSUPPORTED = {
  'lede-comment-prompt': 'render() reads `document` (the canonical URL and title to share)',
  'lede-newsletter': 'render() reads its fallback form with `this.querySelector`',
  'lede-article': 'willUpdate() reads its children with `querySelectorAll`',
};

describe('importing in Node', () => {
  assert.ok(existsSync('dist/index.js'), 'run `npm run build` first');
  for (const name of Object.keys(entries)) {
    it(`imports dist/${name}.js without a DOM`, async () => {
      assert.equal(globalThis.window, undefined);
      const module = await import(dist(name));
      assert.ok(Object.keys(module).length > 0, 'the entry exports something');
      assert.equal(globalThis.window, undefined, 'no window global is left behind');
    });
  }
  it('exports the class of every element in the manifest from the root entry', async () => {
    const root = await import(dist('index'));
    for (const element of readElements()) assert.equal(typeof root[element.className], 'function', element.className);
  });
});

describe('declarative shadow DOM with @lit-labs/ssr', async () => {
  const { render } = await import('@lit-labs/ssr');
  const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
  const { html } = await import('lit');
  const { unsafeStatic, html: staticHtml } = await import('lit/static-html.js');
  await import(dist('index'));

  for (const { tagName } of readElements()) {
    const tag = unsafeStatic(tagName);
    const renderIt = () => collectResult(render(staticHtml`<${tag}></${tag}>`));
    if (tagName in SSR_UNSUPPORTED) {
      it(`<${tagName}> cannot be server-rendered yet, as docs/server-rendering.md says`, async () => {
        await assert.rejects(renderIt, undefined, `<${tagName}> renders on the server now: move it to the supported rows of docs/server-rendering.md and out of SSR_UNSUPPORTED`);
      });
    } else {
      it(`renders <${tagName}> to a declarative shadow root without throwing`, async () => {
        assert.match(await renderIt(), /<template shadowroot="open" shadowrootmode="open">/);
      });
    }
  }

  it('renders <lede-key-points> from its points property: heading, list and lead-ins', async () => {
    const points = [{ title: 'Jobs', text: 'About 4,200 people work at the ports.' }, { text: 'A point without lead-in.' }];
    const out = await collectResult(render(html`<lede-key-points heading="Why this matters" .points=${points}></lede-key-points>`));
    assert.match(out, /<h2 [^>]*part="heading"><!--lit-part-->Why this matters/);
    // The build writes a static attribute value without quotes where HTML allows it (part=lead-in).
    assert.match(out, /<strong part="?lead-in"?><!--lit-part-->Jobs<!--\/lit-part-->:<\/strong>/);
    assert.match(out, /A point without lead-in\./);
  });

  it('renders <lede-key-points> from its points attribute', async () => {
    const out = await collectResult(render(html`<lede-key-points ordered points='[{"text":"From the attribute"}]'></lede-key-points>`));
    assert.match(out, /<ol part="?list"?>.*From the attribute/s);
  });

  it('keeps HTML children visible through a slot: the server cannot read them', async () => {
    const out = await collectResult(render(html`<lede-key-points><ul><li>From a child</li></ul></lede-key-points>`));
    assert.match(out, /<slot><\/slot>/);
    assert.match(out, /<\/template><ul><li>From a child<\/li><\/ul><\/lede-key-points>/);
  });
});
