// The script-tag path: a plain HTML page (the demo article, strict CSP) that loads only
// dist/lede.js or dist/lede.iife.js, served as static files. Every element that the manifest
// registers must upgrade and render. Runs after `npm run build` (npm run test:bundle).
import { expect } from '@open-wc/testing';

interface ManifestExport {
  kind: string;
  name: string;
  declaration: { name: string };
}
interface LedeLike extends HTMLElement {
  updateComplete?: Promise<unknown>;
}
type PageWindow = Window & typeof globalThis & { __problems: string[]; Lede?: Record<string, unknown> };

const manifest = (await (await fetch('/__lede/manifest')).json()) as { modules: { exports?: ManifestExport[] }[] };
const definitions = manifest.modules
  .flatMap((module) => module.exports ?? [])
  .filter((exported) => exported.kind === 'custom-element-definition');

async function openPage(name: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/bundle/pages/${name}.html`;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

for (const page of ['module', 'classic']) {
  describe(`script tag: dist/${page === 'module' ? 'lede.js' : 'lede.iife.js'} in a plain page`, () => {
    let win: PageWindow;
    before(async () => {
      win = await openPage(page);
    });
    after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

    it('the manifest registers at least one element', () => {
      expect(definitions.length).to.be.greaterThan(0);
    });

    for (const { name: tag, declaration } of definitions) {
      it(`registers <${tag}>, and upgrades and renders every one on the page`, async () => {
        const registered = win.customElements.get(tag);
        expect(registered, `<${tag}> is registered`).to.exist;
        const elements = [...win.document.querySelectorAll<LedeLike>(tag)];
        if (elements.length === 0) {
          // Not in demo/index.html (such as <lede-story>, which needs a document): it must still
          // upgrade when created, with its shadow root; what it renders without data is its own affair.
          const created = win.document.createElement(tag) as LedeLike;
          win.document.body.append(created);
          await created.updateComplete;
          expect(created instanceof registered!, `<${tag}> is upgraded`).to.be.true;
          expect(created.shadowRoot, `<${tag}> has a shadow root`).to.exist;
          created.remove();
        }
        for (const element of elements) {
          expect(element instanceof registered!, `<${tag}> is upgraded`).to.be.true;
          await element.updateComplete;
          const rendered = element.shadowRoot?.querySelector(':not(style)');
          expect(rendered, `<${tag}> renders into its shadow root`).to.exist;
          expect(element.getBoundingClientRect().height, `<${tag}> takes space on the page`).to.be.greaterThan(0);
        }
        if (page === 'classic')
          expect(win.Lede?.[declaration.name], `window.Lede.${declaration.name}`).to.equal(registered);
      });
    }

    it('works under the strict CSP with no error, violation or lede-error', async () => {
      await new Promise((resolve) => win.requestAnimationFrame(resolve));
      expect(win.__problems).to.deep.equal([]);
    });
  });
}
