import { expect, waitUntil } from '@open-wc/testing';
import { axTree, emulateMedia, textContrast } from '../helpers/a11y.js';
import { captureLedeErrors } from '../helpers/errors.js';

// The demo page is what a publisher copies: its outline, its own log and its own link must hold
// up too. Its <main> is put in this page with the demo's styles and script.

type Upgradable = HTMLElement & { updateComplete: Promise<unknown> };

describe('the demo page', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  let main: HTMLElement;
  let link: HTMLLinkElement;

  before(async () => {
    errors = captureLedeErrors();
    const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/demo.css' });
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    document.head.append(link);
    await loaded;
    main = document.importNode(page.querySelector('main')!, true);
    document.body.append(document.importNode(page.querySelector('.site-header')!, true), main);
    await import('../../demo/main.js');
    const elements = [...main.querySelectorAll<Upgradable>('*')].filter((el) => el.localName.startsWith('lede-'));
    await Promise.all(elements.map((el) => el.updateComplete));
  });

  after(async () => {
    errors.stop();
    await emulateMedia({});
    document.documentElement.removeAttribute('data-theme');
    main.remove();
    document.querySelector('.site-header')?.remove();
    link.remove();
  });

  it('has exactly one h1, the headline, with the article’s sections and the parts at h2', async () => {
    const headings = (await axTree()).filter((n) => n.role === 'heading');
    expect(headings.filter((n) => n.level === 1).map((n) => n.name)).to.deep.equal([
      'The Aldermouth–Greyhaven port pact is fraying',
    ]);
    expect(headings.filter((n) => n.level! > 2).every((n) => n.level === 3)).to.be.true;
  });

  it('logs its events in a list that is no live region (the element announces each outcome itself)', async () => {
    const log = document.querySelector('#demo-log')!;
    document.dispatchEvent(new CustomEvent('lede-subscribed', { detail: { email: 'a@example.com' } }));
    document.dispatchEvent(new CustomEvent('lede-subscribed', { detail: { email: 'b@example.com' } }));
    await waitUntil(() => log.children.length >= 2);
    expect(log.firstElementChild!.textContent).to.contain('b@example.com');
    expect(log.closest('[aria-live], [role="status"], [role="log"], output')).to.equal(null);
    const live = (await axTree()).filter((n) => n.live && n.live !== 'off' && /example\.com/.test(n.name));
    expect(live).to.deep.equal([]);
  });

  for (const [theme, system] of [
    ['light', 'dark'],
    ['dark', 'light'],
    ['', 'dark'],
    ['', 'light'],
  ] as const)
    it(`keeps its own link readable with the picker at "${theme || 'page'}" and a ${system} system`, async () => {
      await emulateMedia({ 'prefers-color-scheme': system });
      if (theme) document.documentElement.dataset.theme = theme;
      else document.documentElement.removeAttribute('data-theme');
      const stored = document.querySelector<HTMLAnchorElement>('a[href="/inbox/"]')!;
      expect(textContrast(stored)).to.be.at.least(4.5);
    });
});
