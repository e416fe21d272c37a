// The script-tag files on a hostile page (see test/hostile.test.ts for the source build):
// Object.prototype polluted before Lede loads and clobbering markup (test/bundle/pages.mjs), and
// two copies of the bundle under enforced Trusted Types. Every element upgrades and renders.
import { expect } from '@open-wc/testing';
import { openPage as openPageOf } from './open-page.js';
import { until } from '../helpers/endpoint.js';

type PageWindow = Window & typeof globalThis & { __problems: string[]; __warnings: string[] };
interface LedeLike extends HTMLElement {
  updateComplete?: Promise<unknown>;
}

const TAGS = ['lede-article', 'lede-key-points', 'lede-scenarios', 'lede-comment-prompt', 'lede-newsletter'];

const openPage = (name: string) => openPageOf<PageWindow>(name);

async function expectEveryElementRendered(win: PageWindow): Promise<void> {
  for (const tag of TAGS) {
    const elements = [...win.Document.prototype.querySelectorAll.call(win.document, tag)] as LedeLike[];
    expect(elements.length, `<${tag}> is on the page`).to.be.greaterThan(0);
    // The loader imports each element's code once its tag is on the page.
    await Promise.race([win.customElements.whenDefined(tag), new Promise((resolve) => setTimeout(resolve, 5000))]);
    expect(win.customElements.get(tag), `<${tag}> is registered`).to.exist;
    for (const element of elements) {
      await element.updateComplete;
      expect(element.shadowRoot?.querySelector(':not(style)'), `<${tag}> renders into its shadow root`).to.exist;
    }
  }
}

const FILES = { module: 'lede.js (the loader)', bundle: 'lede.bundle.js', classic: 'lede.iife.js' };

for (const [page, file] of Object.entries(FILES)) {
  describe(`dist/${file} on a hostile page`, () => {
    after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

    it('with Object.prototype polluted before it loads and clobbering markup, renders every element', async () => {
      const win = await openPage(`hostile-${page}`);
      expect((win.Object.prototype as Record<string, unknown>).isAdmin).to.equal(true);
      await expectEveryElementRendered(win);
      // The fallback form's fields named querySelector and getAttribute do not stop the newsletter.
      // (The page's own document.getElementById is an <img> here.)
      const newsletter = win.Document.prototype.getElementById.call(win.document, 'clobbered-form') as LedeLike;
      expect(newsletter.shadowRoot!.querySelector('input[type=email]')).to.exist;
      // Its untrusted HTML is sanitized into elements (DOMPurify does not read the page's document).
      const article = win.Document.prototype.getElementById.call(win.document, 'clobbered-content') as LedeLike;
      await until(() => Boolean(article.shadowRoot!.querySelector('[part=body] p')), 'the sanitized body');
      expect(article.shadowRoot!.querySelector('[part=body]')!.textContent).not.to.contain('<p>');
      await new Promise((resolve) => win.requestAnimationFrame(resolve));
      expect(win.__problems).to.deep.equal([]);
    });

    it('in a browser without Trusted Types, with <img id="trustedTypes"> on the page, renders every element', async () => {
      const win = await openPage(`hostile-no-trusted-types-${page}`);
      expect('trustedTypes' in win && Object.hasOwn(win, 'trustedTypes'), 'the browser has no Trusted Types').to.be
        .false;
      await expectEveryElementRendered(win);
      const article = win.Document.prototype.getElementById.call(win.document, 'clobbered-content') as LedeLike;
      await until(() => Boolean(article.shadowRoot!.querySelector('[part=body] p')), 'the sanitized body');
      await new Promise((resolve) => win.requestAnimationFrame(resolve));
      expect(win.__problems).to.deep.equal([]);
    });

    it('loaded twice under enforced Trusted Types, the second copy is a quiet no-op that warns once', async () => {
      const win = await openPage(`twice-${page}`);
      await expectEveryElementRendered(win);
      await new Promise((resolve) => win.requestAnimationFrame(resolve));
      expect(win.__problems).to.deep.equal([]);
      expect(win.__warnings.filter((w) => w.startsWith('[lede]'))).to.have.length(1);
    });
  });
}
