import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { registerTranslation } from '../../src/classes.js';
import { EndpointSession } from '../helpers/endpoint.js';
import { axTree } from '../helpers/a11y.js';
import ar from '../../src/translations/ar.js';
import de from '../../src/translations/de.js';
import pl from '../../src/translations/pl.js';
import { captureLedeErrors } from '../helpers/errors.js';

// The shipped languages, picked by each element's resolved lang: a page in German, Polish or
// Arabic gets no English fallback text in the middle of its own language.

registerTranslation(de, pl, ar);

type Upgradable = HTMLElement & { updateComplete: Promise<unknown> };
const shadowText = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();

async function page(lang: string, dir = 'ltr') {
  const root = await fixture(
    html`<div lang=${lang} dir=${dir}>
      <lede-article
        headline="H"
        byline="Ada"
        published="2026-11-18"
        reading-time
        .content=${'<p>Wort.</p>'}
      ></lede-article>
      <lede-comment-prompt count="3" comments-href="#c"></lede-comment-prompt>
      <lede-newsletter action="/x"></lede-newsletter>
    </div>`,
  );
  await Promise.all([...root.children].map((el) => (el as Upgradable).updateComplete));
  await Promise.all([...root.children].map((el) => (el as Upgradable).updateComplete));
  return (tag: string) => root.querySelector(tag)!;
}

describe('translations', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => (errors = captureLedeErrors()));
  afterEach(() => errors.stop());

  it('German on a German page, also for a regional code (de-AT)', async () => {
    const $ = await page('de-AT');
    expect(shadowText($('lede-article'), '.byline')).to.equal('Von Ada');
    expect(shadowText($('lede-article'), '.reading-time')).to.equal('1 Min. Lesezeit');
    expect(shadowText($('lede-comment-prompt'), '[part="count"]')).to.equal('3 Kommentare');
    expect(shadowText($('lede-newsletter'), '[part="button"]')).to.equal('Abonnieren');
    expect(shadowText($('lede-newsletter'), 'label')).to.equal('E-Mail (Pflichtfeld)');
  });

  it('Polish plural forms', async () => {
    const $ = await page('pl');
    const prompt = $('lede-comment-prompt') as Upgradable & { count: number };
    const counts: string[] = [];
    for (const n of [1, 3, 5, 22]) {
      prompt.count = n;
      await prompt.updateComplete;
      counts.push(shadowText(prompt, '[part="count"]'));
    }
    expect(counts).to.deep.equal(['1 komentarz', '3 komentarze', '5 komentarzy', '22 komentarze']);
  });

  it('Arabic, right to left, reads in its own order', async () => {
    const $ = await page('ar', 'rtl');
    const minutes = new Intl.NumberFormat('ar').format(1);
    expect(shadowText($('lede-article'), '.reading-time')).to.equal(`القراءة في ${minutes} دقيقة`);
    expect(shadowText($('lede-newsletter'), '[part="button"]')).to.equal('اشترك');
    expect(getComputedStyle($('lede-newsletter').shadowRoot!.querySelector('form')!).direction).to.equal('rtl');
  });

  it('keeps English where no translation is registered, and the page’s own strings over a translation', async () => {
    const $ = await page('fr');
    expect(shadowText($('lede-newsletter'), '[part="button"]')).to.equal('Subscribe');
    const el = await fixture<Upgradable & { strings: object }>(
      html`<lede-newsletter lang="de" action="/x" .strings=${{ button: 'Jetzt abonnieren' }}></lede-newsletter>`,
    );
    expect(shadowText(el, '[part="button"]')).to.equal('Jetzt abonnieren');
    expect(shadowText(el, 'h2')).to.equal('Newsletter');
  });

  it('marks English fallback text lang="en" dir="ltr" on a page in a language without a translation', async () => {
    const $ = await page('he', 'rtl');
    const english = (tag: string) =>
      [...$(tag).shadowRoot!.querySelectorAll('[lang="en"]')].map((span) => {
        expect(span.getAttribute('dir'), span.textContent!).to.equal('ltr');
        return span.textContent!.replace(/\s+/g, ' ').trim();
      });
    expect(english('lede-article')).to.include.members(['By Ada', 'Published', '1 min read']);
    expect(english('lede-comment-prompt')).to.include.members(['Join the conversation', '3 comments']);
    expect(english('lede-newsletter')).to.include.members(['Newsletter', 'Email', '(required)', 'Subscribe']);
    // Not reordered in the right-to-left page ("min read 1").
    const readingTime = $('lede-article').shadowRoot!.querySelector('.reading-time [lang="en"]')!;
    expect(getComputedStyle(readingTime).direction).to.equal('ltr');
    expect(getComputedStyle(readingTime).unicodeBidi).to.equal('isolate');
    // The publisher's own text (the headline) and the page-language date are not marked.
    expect(!!$('lede-article').shadowRoot!.querySelector('[part="headline"]')!.closest('[lang]')).to.be.false;
    expect(!!$('lede-article').shadowRoot!.querySelector('time')!.closest('[lang]')).to.be.false;
  });

  it('gives English accessible names from marked text nodes, not from attributes, on a page in a language without a translation', async () => {
    // An attribute (aria-label, title …) cannot carry a language: names with English words are
    // built from elements marked lang="en" in the same shadow root, referenced by aria-labelledby.
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
      configurable: true,
    });
    try {
      const root = await fixture(
        html`<div lang="he" dir="rtl">
          <lede-scenarios
            vote-endpoint=${new EndpointSession().url('votes')}
            article-id="names-${Math.random()}"
            .scenarios=${[{ id: 'a', title: 'נמלים יריבים', summary: 'הם מתחרים.' }]}
          ></lede-scenarios>
          <lede-comment-prompt share="bluesky copy" url="https://example.org/a"></lede-comment-prompt>
        </div>`,
      );
      const [scenarios, prompt] = [...root.children] as Upgradable[];
      await Promise.all([scenarios!.updateComplete, prompt!.updateComplete]);
      prompt!.shadowRoot!.querySelector<HTMLElement>('[data-network="copy"]')!.click();
      await waitUntil(() => prompt!.shadowRoot!.querySelector('[part="copy-input"]'), 'the copy field shows');

      for (const el of [scenarios!, prompt!])
        expect(
          [...el.shadowRoot!.querySelectorAll('[aria-label], [title], [aria-description], [placeholder], [alt]')].map(
            (e) => e.outerHTML,
          ),
          `no name in an attribute in <${el.localName}>`,
        ).to.deep.equal([]);

      // Each name: what the tree gives, and which of its words are marked English.
      const named = (el: Element, selector: string) => {
        const node = el.shadowRoot!.querySelector(selector)!;
        const labels = node
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((id) => el.shadowRoot!.getElementById(id)!);
        return labels.flatMap((label) =>
          [...label.querySelectorAll('[lang]')].map((span) => {
            expect([span.getAttribute('lang'), span.getAttribute('dir')]).to.deep.equal(['en', 'ltr']);
            return span.textContent!.trim();
          }),
        );
      };
      expect(named(scenarios!, '[part="vote"]')).to.deep.equal(['Most likely']);
      expect(named(prompt!, '[data-network="bluesky"]')).to.deep.equal(['Share on']);
      expect(named(prompt!, '[part="share-list"]')).to.deep.equal(['Share']);
      expect(named(prompt!, '[part="copy-input"]')).to.deep.equal(['Copy link']);
      const tree = (await axTree()).map((n) => `${n.role} ${n.name}`);
      expect(tree).to.include.members([
        'button Most likely: נמלים יריבים',
        'link Share on Bluesky',
        'list Share',
        'textbox Copy link',
      ]);
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it('marks nothing in a translated page, nor in an English one', async () => {
    for (const lang of ['de', 'en-GB']) {
      const $ = await page(lang);
      for (const tag of ['lede-article', 'lede-comment-prompt', 'lede-newsletter'])
        expect(
          [...$(tag).shadowRoot!.querySelectorAll('[lang]')].map((e) => e.textContent),
          `${tag} in ${lang}`,
        ).to.deep.equal([]);
    }
  });
});
