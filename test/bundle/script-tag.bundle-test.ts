// The script-tag path: plain HTML pages (the demo article, strict CSP) that load only dist/lede.js
// (the loader), dist/lede.bundle.js or dist/lede.iife.js, served as static files. Every element
// that the manifest registers must upgrade and render; a page pays only for the elements it has;
// a second copy of Lede warns and defines nothing twice. Runs after `npm run build`.
import { expect } from '@open-wc/testing';
import { openPage as openPageOf } from './open-page.js';

interface ManifestExport {
  kind: string;
  name: string;
  declaration: { name: string };
}
interface LedeLike extends HTMLElement {
  updateComplete?: Promise<unknown>;
}
type PageWindow = Window &
  typeof globalThis & { __problems: string[]; __warnings: string[]; Lede?: Record<string, unknown> };

const manifest = (await (await fetch('/__lede/manifest')).json()) as { modules: { exports?: ManifestExport[] }[] };
const definitions = manifest.modules
  .flatMap((module) => module.exports ?? [])
  .filter((exported) => exported.kind === 'custom-element-definition');
const tags = definitions.map((definition) => definition.name);

const openPage = (name: string) => openPageOf<PageWindow>(name);

/** Resolves when `check` holds (polled); the test's timeout ends the wait otherwise. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const closeFrames = () => document.querySelectorAll('iframe').forEach((frame) => frame.remove());
const nextFrame = (win: Window) => new Promise((resolve) => win.requestAnimationFrame(resolve));

/** The JavaScript files the page fetched (scripts, dynamic imports and module preloads), by path. */
const scriptsFetched = (win: PageWindow) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js') && path.startsWith('/dist/'));

for (const [page, file] of [
  ['module', 'lede.js'],
  ['bundle', 'lede.bundle.js'],
  ['classic', 'lede.iife.js'],
] as const) {
  describe(`script tag: dist/${file} in a plain page`, () => {
    let win: PageWindow;
    before(async () => {
      win = await openPage(page);
    });
    after(closeFrames);

    it('the manifest registers at least one element', () => {
      expect(definitions.length).to.be.greaterThan(0);
    });

    if (page === 'module')
      it('the article rendered from its children fetches no DOMPurify', async () => {
        const article = win.document.querySelector<LedeLike>('lede-article')!;
        await win.customElements.whenDefined('lede-article');
        await article.updateComplete;
        expect(scriptsFetched(win).filter((path) => /purify/.test(path))).to.deep.equal([]);
      });

    for (const { name: tag, declaration } of definitions) {
      it(`registers <${tag}>, and upgrades and renders every one on the page`, async () => {
        const elements = [...win.document.querySelectorAll<LedeLike>(tag)];
        if (elements.length === 0) {
          // Not in demo/index.html (such as <lede-story>, which needs a document): it must still
          // upgrade when created, with its shadow root; what it renders without data is its own affair.
          const created = win.document.createElement(tag) as LedeLike;
          win.document.body.append(created);
          await win.customElements.whenDefined(tag);
          await created.updateComplete;
          expect(created instanceof win.customElements.get(tag)!, `<${tag}> is upgraded`).to.be.true;
          expect(created.shadowRoot, `<${tag}> has a shadow root`).to.exist;
          created.remove();
        }
        const registered = await win.customElements.whenDefined(tag);
        for (const element of elements) {
          expect(element instanceof registered, `<${tag}> is upgraded`).to.be.true;
          await element.updateComplete;
          const rendered = element.shadowRoot?.querySelector(':not(style)');
          expect(rendered, `<${tag}> renders into its shadow root`).to.exist;
          expect(element.getBoundingClientRect().height, `<${tag}> takes space on the page`).to.be.greaterThan(0);
        }
        if (page === 'classic')
          expect(win.Lede?.[declaration.name], `window.Lede.${declaration.name}`).to.equal(registered);
      });
    }

    it('works under the strict CSP with no error, violation, warning or lede-error', async () => {
      await nextFrame(win);
      expect(win.__problems).to.deep.equal([]);
      expect(win.__warnings).to.deep.equal([]);
    });
  });
}

describe('script tag: the loader fetches only what the page uses', () => {
  after(closeFrames);

  it('a page with key points only requests their chunk and its imports: no DOMPurify, no other element', async () => {
    const win = await openPage('key-points-only');
    const element = win.document.querySelector<LedeLike>('lede-key-points')!;
    await win.customElements.whenDefined('lede-key-points');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(2);
    const fetched = scriptsFetched(win);
    expect(fetched).to.include.members(['/dist/lede.js', '/dist/lede/key-points.js']);
    const preloaded = [...win.document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
      (link) => new URL(link.href).pathname,
    );
    expect(preloaded.length, 'the chunks key points imports are preloaded').to.be.greaterThan(0);
    expect(fetched).to.include.members(preloaded);
    const otherElements = tags.filter((tag) => tag !== 'lede-key-points').map((tag) => `/dist/lede/${tag.slice(5)}.js`);
    expect(fetched.filter((path) => otherElements.includes(path) || /purify/.test(path))).to.deep.equal([]);
    expect(fetched.filter((path) => !['/dist/lede.js', '/dist/lede/key-points.js', ...preloaded].includes(path))).to.be
      .empty;
    expect(win.__problems).to.deep.equal([]);
  });

  it('a story from src: the loader finds its parts in its shadow root and every one upgrades', async () => {
    const win = await openPage('story');
    const story = win.document.querySelector<LedeLike>('lede-story')!;
    await win.customElements.whenDefined('lede-story');
    await until(() => story.shadowRoot!.querySelectorAll('[part="base"] > *').length > 0);
    const parts = [...story.shadowRoot!.querySelectorAll<LedeLike>('[part="base"] > *')];
    expect(parts.length).to.be.greaterThan(2);
    for (const part of parts) {
      await win.customElements.whenDefined(part.localName);
      await part.updateComplete;
      expect(part.shadowRoot, `<${part.localName}> upgraded in the story`).to.exist;
    }
    const article = story.shadowRoot!.querySelector<LedeLike>('lede-article')!;
    expect(article.shadowRoot!.querySelector('[part="body"] p'), 'the sanitized body').to.exist;
    expect(
      scriptsFetched(win).some((path) => /purify/.test(path)),
      'DOMPurify, for the body',
    ).to.be.true;
    await nextFrame(win);
    expect(win.__problems).to.deep.equal([]);
  });
});

describe('script tag: Lede on the page twice', () => {
  after(closeFrames);

  it('the loader from two URLs: every tag defined once, and a warning', async () => {
    const win = await openPage('twice');
    for (const tag of tags.filter((tag) => win.document.querySelector(tag))) await win.customElements.whenDefined(tag);
    await nextFrame(win);
    expect(win.__problems).to.deep.equal([]);
    expect(win.__warnings.filter((w) => w.includes('loader is on the page twice'))).to.have.length(1);
  });

  it('the loader with the single-file bundle: the first definition stays, with a warning per tag', async () => {
    const win = await openPage('loader-and-bundle');
    const present = tags.filter((tag) => win.document.querySelector(tag));
    expect(present.length).to.be.greaterThan(2);
    for (const tag of present) {
      expect(win.customElements.get(tag), `<${tag}> is the classic bundle's`).to.equal(
        Object.values(win.Lede ?? {}).find((value) => value === win.customElements.get(tag)),
      );
      expect(win.__warnings.filter((w) => w.includes(`<${tag}> is already defined`))).to.have.length(1);
    }
    await nextFrame(win);
    expect(win.__problems).to.deep.equal([]);
    expect(
      scriptsFetched(win).filter((path) => path.startsWith('/dist/lede/')),
      'no chunk fetched',
    ).to.deep.equal([]);
  });
});
