// Server rendering: every npm entry imports in Node (no `window` at module load), and
// @lit-labs/ssr renders each element as declarative shadow DOM from its properties. Run after the build.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { entries } from '../../scripts/entries.mjs';
import { readElements } from '../../scripts/manifest.mjs';

const dist = (name) => pathToFileURL(`dist/${name}.js`).href;

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

  it('renders every element in the manifest to a declarative shadow root without throwing', async () => {
    for (const { tagName } of readElements()) {
      const tag = unsafeStatic(tagName);
      const out = await collectResult(render(staticHtml`<${tag}></${tag}>`));
      assert.match(out, /<template shadowroot="open" shadowrootmode="open">/, tagName);
    }
  });

  it('renders <lede-key-points> from its points property: heading, list and lead-ins', async () => {
    const points = [{ title: 'Jobs', text: 'About 4,200 people work at the ports.' }, { text: 'A point without lead-in.' }];
    const out = await collectResult(render(html`<lede-key-points heading="Why this matters" .points=${points}></lede-key-points>`));
    assert.match(out, /<h2 [^>]*part="heading"><!--lit-part-->Why this matters/);
    assert.match(out, /<strong part="lead-in"><!--lit-part-->Jobs<!--\/lit-part-->:<\/strong>/);
    assert.match(out, /A point without lead-in\./);
  });

  it('renders <lede-key-points> from its points attribute', async () => {
    const out = await collectResult(render(html`<lede-key-points ordered points='[{"text":"From the attribute"}]'></lede-key-points>`));
    assert.match(out, /<ol part="list">.*From the attribute/s);
  });

  it('keeps HTML children visible through a slot: the server cannot read them', async () => {
    const out = await collectResult(render(html`<lede-key-points><ul><li>From a child</li></ul></lede-key-points>`));
    assert.match(out, /<slot><\/slot>/);
    assert.match(out, /<\/template><ul><li>From a child<\/li><\/ul><\/lede-key-points>/);
  });
});
