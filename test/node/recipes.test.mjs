// The framework recipes of docs/recipes.md: each tested snippet is a file in docs/recipes/, shown
// in the page verbatim, and compiled (and where the framework can, server-rendered) here with the
// framework's own compiler. Offline and fast; run after the build (the snippets import `lede/*`).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, it, after } from 'node:test';
import { pathToFileURL } from 'node:url';

const page = readFileSync('docs/recipes.md', 'utf8');
const snippet = (name) => readFileSync(`docs/recipes/${name}`, 'utf8');
const points = [
  { title: 'Jobs', text: 'About 4,200 people work at the two ports.' },
  { title: 'Debt', text: 'The channel loan runs until 2044.' },
];
const scenarios = [{ id: 'rival-hubs', title: 'Rival hubs', summary: 'Greyhaven builds alone.' }];

// Compiled modules are written inside the package, so that `lede/*`, `react` and `svelte` resolve.
const tmp = mkdtempSync('test/node/.recipes-');
after(() => rmSync(tmp, { recursive: true, force: true }));
async function importCode(name, code) {
  const path = `${tmp}/${name}.mjs`;
  writeFileSync(path, code);
  return import(pathToFileURL(path).href);
}

describe('docs/recipes.md', () => {
  for (const name of ['ArticleExtras.tsx', 'ArticleExtras.vue', 'ArticleExtras.svelte']) {
    it(`shows docs/recipes/${name} verbatim`, () => {
      assert.ok(page.includes(snippet(name).trim()), `the page holds ${name} as it is tested`);
    });
  }

  it("Next.js: a 'use client' component whose key points are in the server-rendered HTML", async () => {
    const source = snippet('ArticleExtras.tsx');
    assert.match(source, /^'use client';/);
    const { transform } = await import('esbuild');
    const { code } = await transform(source, { loader: 'tsx', jsx: 'automatic', format: 'esm' });
    const { default: ArticleExtras } = await importCode('next', code);
    const { renderToString } = await import('react-dom/server');
    const { createElement } = await import('react');
    const html = renderToString(createElement(ArticleExtras, { points, scenarios }));
    assert.match(html, /<lede-key-points[^>]*><ul><li><strong>Jobs<!-- -->:<\/strong> <!-- -->About 4,200/);
    assert.match(html, /<lede-scenarios[^>]*><\/lede-scenarios>/);
  });

  it('Vue: lede-* tags stay custom elements, data goes in as properties, lede-voted is listened to', async () => {
    const { parse, compileScript, compileTemplate } = await import('@vue/compiler-sfc');
    const { descriptor, errors } = parse(snippet('ArticleExtras.vue'));
    assert.deepEqual(errors, []);
    compileScript(descriptor, { id: 'recipe' }); // throws on an invalid <script setup>
    const compilerOptions = { isCustomElement: (tag) => tag.startsWith('lede-') };
    const client = compileTemplate({
      source: descriptor.template.content,
      filename: 'a.vue',
      id: 'a',
      compilerOptions,
    });
    assert.deepEqual(client.errors, []);
    assert.doesNotMatch(client.code, /resolveComponent/);
    assert.match(client.code, /createElementVNode\("lede-key-points", \{[^}]*"\.points": _ctx\.points/);
    assert.match(client.code, /"\.scenarios": _ctx\.scenarios/);
    assert.match(client.code, /onLedeVoted:/); // Vue listens to `lede-voted` for it
  });

  it('Svelte: server-renders the lists as children, sets the listener in the browser', async () => {
    const { compile } = await import('svelte/compiler');
    const source = snippet('ArticleExtras.svelte');
    const client = compile(source, { generate: 'client', filename: 'ArticleExtras.svelte' });
    assert.match(client.js.code, /\$\.event\('lede-voted', lede_scenarios, onVoted\)/);
    const server = compile(source, { generate: 'server', filename: 'ArticleExtras.svelte' });
    const { default: ArticleExtras } = await importCode('svelte', server.js.code);
    const { render } = await import('svelte/server');
    const { body } = render(ArticleExtras, { props: { points, scenarios } });
    assert.match(body, /<lede-key-points heading="Why this matters">\s*<ul>(<!--\[-->)?\s*<li><strong>Jobs:<\/strong>/);
    assert.match(body, /<lede-scenarios [^>]*>\s*<ul>(<!--\[-->)?\s*<li><strong>Rival hubs:<\/strong> Greyhaven/);
  });
});
