import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { EndpointSession, goOffline, type Fault } from '../../test/helpers/endpoint.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import type { LedeErrorDetail } from '../core/events.js';
import type { LedeCommentPrompt } from './comment-prompt.js';
import './index.js';

// ---- helpers -------------------------------------------------------------------------------

const $ = <T extends Element = HTMLElement>(el: LedeCommentPrompt, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const text = (el: LedeCommentPrompt, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
const shareLink = (el: LedeCommentPrompt, network: string) =>
  $<HTMLAnchorElement>(el, `[part="share-link"][data-network="${network}"]`)!;
const countText = (el: LedeCommentPrompt) => text(el, '[part="count"]');
/** The accessible name given by `aria-labelledby` (elements in the same shadow root). */
const labelOf = (el: LedeCommentPrompt, node: Element) =>
  node
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())
    .join(' ');

/** A fresh endpoint session, so that faults and logs belong to this test only. */
function endpointSession() {
  const session = new EndpointSession();
  return {
    countSrc: `${session.url('comments/count')}?articleId=port-pact`,
    faults: (...faults: Fault[]) => session.fail('count', ...faults),
    requests: () => session.requests('count'),
  };
}

const nextError = (el: EventTarget) => oneEvent(el, 'lede-error') as Promise<CustomEvent<LedeErrorDetail>>;

/** Replaces a navigator member for one test; returns the function that puts it back. */
function replaceNavigator(name: 'clipboard' | 'share', value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, name);
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(navigator, name, own);
    else delete (navigator as unknown as Record<string, unknown>)[name];
  };
}

const enc = encodeURIComponent;
const URL_ = 'https://example.org/news/port pact?ref=a&b=c';
const TITLE = 'Ports & harbours: is the 50/50 pact over?';

// ---- tests ---------------------------------------------------------------------------------

describe('<lede-comment-prompt>', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    errors = captureLedeErrors();
    localStorage.removeItem('lede-mastodon');
  });
  afterEach(() => {
    errors.stop();
    localStorage.removeItem('lede-mastodon');
  });

  describe('content', () => {
    it('shows the default heading, the prompt and a call to action to the comments', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          prompt="Should the ports stay together?"
          comments-href="/comments"
        ></lede-comment-prompt>`,
      );
      const heading = $(el, 'h2')!;
      expect(heading.textContent).to.equal('Join the conversation');
      expect($(el, 'section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(text(el, '[part="prompt"]')).to.equal('Should the ports stay together?');
      const cta = $<HTMLAnchorElement>(el, 'a[part="cta"]')!;
      expect(cta.getAttribute('href')).to.equal('/comments');
      expect(cta.textContent).to.equal('Read and write comments');
      expect(errors.details).to.have.length(0);
    });

    it('reads the heading and the link to the comments from its HTML children', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt>
          <h3>Talk to us</h3>
          <p>Join the conversation: <a href="#comments-x">read and write comments</a>.</p>
        </lede-comment-prompt>`,
      );
      expect(text(el, '[part="heading"]')).to.equal('Talk to us');
      const cta = $<HTMLAnchorElement>(el, 'a[part="cta"]')!;
      expect(cta.getAttribute('href')).to.equal('#comments-x');
      expect(cta.textContent).to.equal('read and write comments');
    });

    it('lets attributes and strings replace every visible text', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          heading="Votre avis"
          heading-level="3"
          count="0"
          comments-href="#c"
          share="copy"
          strings='{"cta":"Commenter","countNone":"Soyez le premier","copy":"Copier le lien"}'
        ></lede-comment-prompt>`,
      );
      expect(text(el, 'h3')).to.equal('Votre avis');
      expect(text(el, '[part="cta"]')).to.equal('Commenter');
      expect(countText(el)).to.equal('Soyez le premier');
      expect(text(el, '[data-network="copy"]')).to.equal('Copier le lien');
    });

    it('never makes a javascript: URL the call to action, and reports it', async () => {
      for (const href of [
        'javascript:alert(1)',
        ' JavaScript:alert(1)',
        'java\tscript:alert(1)',
        '\u0001javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
      ]) {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt comments-href=${href}></lede-comment-prompt>`,
        );
        expect($(el, '[part="cta"]'), href).to.be.null;
        expect(errors.details.at(-1)?.field).to.equal('comments-href');
      }
      const fromChildren = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          ><p><a href="javascript:alert(1)">comments</a></p></lede-comment-prompt
        >`,
      );
      expect($(fromChildren, '[part="cta"]')).to.be.null;
      for (const href of [
        '#comments',
        '/comments',
        'comments.html',
        'https://example.org/c',
        'mailto:desk@example.org',
      ]) {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt comments-href=${href}></lede-comment-prompt>`,
        );
        expect($(el, '[part="cta"]')?.getAttribute('href'), href).to.equal(href);
      }
    });

    it('renders nothing for the count, the call to action or the share list when they are not set', async () => {
      const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt></lede-comment-prompt>`);
      expect($(el, '[part="count"], [part="cta"], [part="share-list"]')).to.be.null;
      expect(errors.details).to.have.length(0);
    });
  });

  describe('count with plural rules', () => {
    const cases: [string, number, string][] = [
      ['en', 0, 'Be the first to comment'],
      ['en', 1, '1 comment'],
      ['en', 12, '12 comments'],
      ['en', 1234, '1,234 comments'],
    ];
    for (const [lang, count, expected] of cases) {
      it(`shows "${expected}" for ${count} in ${lang}`, async () => {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt lang=${lang} count=${count}></lede-comment-prompt>`,
        );
        expect(countText(el)).to.equal(expected);
      });
    }

    const polish =
      '{"countNone":"Nikt jeszcze nie skomentował","countOne":"{n} komentarz","countFew":"{n} komentarze","countMany":"{n} komentarzy","countOther":"{n} komentarza"}';
    const polishCases: [number, string | RegExp][] = [
      [0, 'Nikt jeszcze nie skomentował'],
      [1, '1 komentarz'],
      [3, '3 komentarze'],
      [5, '5 komentarzy'],
      [22, '22 komentarze'],
      [12345, /^12\s345 komentarzy$/],
    ];
    for (const [count, expected] of polishCases) {
      it(`uses the Polish plural category for ${count} with the language inherited from the page`, async () => {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div lang="pl"><lede-comment-prompt count=${count} strings=${polish}></lede-comment-prompt></div>`,
        );
        const shown = countText(wrapper.querySelector('lede-comment-prompt')!)!;
        if (expected instanceof RegExp) expect(shown).to.match(expected);
        else expect(shown).to.equal(expected);
      });
    }

    it('uses the two, few and many forms of Arabic', async () => {
      const strings = {
        countOne: 'تعليق واحد',
        countTwo: 'تعليقان',
        countFew: '{n} تعليقات',
        countMany: '{n} تعليقًا',
        countOther: '{n} تعليق',
      };
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt lang="ar-u-nu-latn" dir="rtl" count="2" .strings=${strings}></lede-comment-prompt>`,
      );
      expect(countText(el)).to.equal('تعليقان');
      el.count = 3;
      await el.updateComplete;
      expect(countText(el)).to.equal('3 تعليقات');
      el.count = 11;
      await el.updateComplete;
      expect(countText(el)).to.equal('11 تعليقًا');
      el.count = 100;
      await el.updateComplete;
      expect(countText(el)).to.equal('100 تعليق');
    });
  });

  describe('count from count-src (the real local endpoint)', () => {
    it('fetches the count once with GET and shows it', async () => {
      const api = endpointSession();
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      await waitUntil(() => countText(el) === '12 comments', 'the count never showed');
      const requests = await api.requests();
      expect(requests).to.have.length(1);
      expect(requests[0]).to.include({ route: 'count', method: 'GET' });
      expect(errors.details).to.have.length(0);
    });

    it('formats a fetched count with the plural rules (0 and 1)', async () => {
      const api = endpointSession();
      await api.faults({ status: 200, body: { count: 0 } }, { status: 200, body: { count: 1 } });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      await waitUntil(() => countText(el) === 'Be the first to comment');
      el.countSrc = `${api.countSrc}&again=1`;
      await waitUntil(() => countText(el) === '1 comment');
      expect(await api.requests()).to.have.length(2);
    });

    it('reads { counts } from a batched counts endpoint (…/counts?articleId=a), asked alone on a page without comment counts', async () => {
      const session = new EndpointSession();
      await session.comments({ 'port-pact': 5 });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          count-src=${`${session.url('comments/counts')}?articleId=port-pact`}
        ></lede-comment-prompt>`,
      );
      await waitUntil(() => countText(el) === '5 comments', 'the count never showed');
      const requests = await session.requests('counts');
      expect(requests.map((r) => new URL(r.url, location.origin).searchParams.getAll('articleId'))).to.deep.equal([
        ['port-pact'],
      ]);
      expect(errors.details).to.have.length(0);
    });

    it('fetches nothing without count-src', async () => {
      const calls: unknown[] = [];
      const original = window.fetch;
      window.fetch = (...args: Parameters<typeof fetch>) => {
        calls.push(args);
        return original(...args);
      };
      try {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt count="4" comments-href="#c" share="x bluesky copy"></lede-comment-prompt>`,
        );
        await el.updateComplete; // A count request would start in the update.
        expect(countText(el)).to.equal('4 comments');
        expect(calls).to.have.length(0);
      } finally {
        window.fetch = original;
      }
    });

    it('reports bad JSON, shows no count, and keeps working', async () => {
      const api = endpointSession();
      await api.faults({ status: 200, body: '{"count": 4' });
      const el = document.createElement('lede-comment-prompt');
      el.countSrc = api.countSrc;
      el.commentsHref = '#c';
      const error = nextError(el);
      document.body.append(el);
      try {
        const { detail } = await error;
        expect(detail).to.include({ code: 'invalid-json', field: 'count-src' });
        expect(detail.message).to.contain('<lede-comment-prompt> count-src');
        await el.updateComplete;
        expect(countText(el)).to.equal(undefined);
        expect($(el, '[part="cta"]')).to.exist;
        expect(await api.requests()).to.have.length(1);
      } finally {
        el.remove();
      }
    });

    it('reports an answer without a whole-number count', async () => {
      const api = endpointSession();
      await api.faults({ status: 200, body: { count: 'many' } });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      await waitUntil(() => errors.details.length === 1);
      expect(errors.details[0]).to.include({ code: 'invalid-json', field: 'count-src' });
      expect(countText(el)).to.equal(undefined);
    });

    it('reports a 404 and falls back to the count attribute', async () => {
      const api = endpointSession();
      await api.faults({ status: 404, body: { error: 'No such article.' } });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count="7" count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      await waitUntil(() => errors.details.length === 1);
      expect(errors.details[0]).to.include({ code: 'http', field: 'count-src' });
      expect(errors.details[0]!.message).to.contain('404');
      expect(countText(el)).to.equal('7 comments');
      expect(await api.requests()).to.have.length(1);
    });

    it('gives up on a slow answer after count-timeout, and shows the fallback meanwhile', async () => {
      const api = endpointSession();
      await api.faults({ delay: 3000, status: 200, body: { count: 99 } });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count="3" count-timeout="150" count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      expect(countText(el)).to.equal('3 comments');
      await waitUntil(() => errors.details.length === 1, 'no timeout was reported');
      expect(errors.details[0]).to.include({ code: 'timeout', field: 'count-src' });
      expect(countText(el)).to.equal('3 comments');
      expect(await api.requests()).to.have.length(1);
    });

    it('reserves the count line while loading, and reports an endpoint that never answers', async () => {
      const api = endpointSession();
      await api.faults({ hang: true });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-timeout="150" count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      const line = $(el, '[part="count"]')!;
      expect(line.textContent).to.equal('');
      expect(line.getBoundingClientRect().height).to.be.greaterThan(0);
      await expectNoAxeViolations(el);
      await waitUntil(() => errors.details.length === 1);
      expect(errors.details[0]!.code).to.equal('timeout');
    });

    it('reports a dropped connection (as when offline) without crashing', async () => {
      const api = endpointSession();
      await api.faults({ drop: true });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${api.countSrc} comments-href="#c"></lede-comment-prompt>`,
      );
      await waitUntil(() => errors.details.length === 1);
      expect(errors.details[0]).to.include({ code: 'network', field: 'count-src' });
      expect(countText(el)).to.equal(undefined);
      expect($(el, '[part="cta"]')).to.exist;
    });

    it('reports that it cannot reach count-src while the reader is offline, and sends nothing', async () => {
      const api = endpointSession();
      await goOffline(400);
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count="2" count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      await waitUntil(() => errors.details.length === 1);
      expect(errors.details[0]).to.include({ code: 'network', field: 'count-src' });
      expect(countText(el)).to.equal('2 comments');
      await waitUntil(() => navigator.onLine, 'the tab never came back online');
      expect(await api.requests()).to.have.length(0);
    });

    it('aborts its count request when it leaves the page, and reports nothing', async () => {
      const api = endpointSession();
      await api.faults({ delay: 300, status: 200, body: { count: 5 } });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${api.countSrc}></lede-comment-prompt>`,
      );
      await waitUntil(async () => (await api.requests()).length === 1, 'the request to reach the endpoint');
      el.remove();
      // The endpoint sees the connection closed before its (delayed) answer: the fetch was aborted.
      await waitUntil(async () => (await api.requests())[0]!.aborted === true, 'the endpoint to see the abort');
      expect(errors.details).to.have.length(0);
      expect(countText(el), 'the count line stays reserved and empty').to.equal('');
    });
  });

  describe('share links', () => {
    const all = 'x bluesky mastodon linkedin threads facebook reddit whatsapp telegram pinterest email copy native';

    it('renders one share link per network, in order, as plain intent links that open in a new tab', async () => {
      const restore = replaceNavigator('share', async () => {});
      try {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt share=${all} url=${URL_} title=${TITLE}></lede-comment-prompt>`,
        );
        const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="share-link"]')];
        expect(items.map((item) => item.dataset.network)).to.deep.equal(all.split(' '));
        for (const link of items.filter((item) => item.localName === 'a')) {
          expect(link.getAttribute('target')).to.equal('_blank');
          expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
        }
        expect(labelOf(el, shareLink(el, 'bluesky'))).to.equal('Share on Bluesky');
        expect(shareLink(el, 'x').textContent).to.equal('X');
        expect(labelOf(el, $(el, 'ul[part="share-list"]')!)).to.equal('Share');
      } finally {
        restore();
      }
    });

    it('gives every share link an inline icon in currentColor, hidden from assistive technology, beside its label', async () => {
      const restore = replaceNavigator('share', async () => {});
      try {
        const requestsBefore = performance.getEntriesByType('resource').length;
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt share=${all} url=${URL_} title=${TITLE}></lede-comment-prompt>`,
        );
        const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="share-link"]')];
        expect(items).to.have.length(all.split(' ').length);
        const paths = new Set<string>();
        for (const item of items) {
          const svgs = item.querySelectorAll('svg');
          expect(svgs, item.dataset.network).to.have.length(1);
          const svg = svgs[0]!;
          expect(svg.getAttribute('aria-hidden')).to.equal('true');
          expect(svg.querySelectorAll('image, use, foreignObject')).to.have.length(0);
          const d = svg.querySelector('path')!.getAttribute('d')!;
          expect(d.length).to.be.greaterThan(5);
          paths.add(d);
          const style = getComputedStyle(svg);
          expect(style.stroke).to.equal(getComputedStyle(item).color);
          expect(svg.getBoundingClientRect().width).to.be.greaterThan(8);
          expect(item.textContent!.trim()).not.to.equal(''); // the visible label stays
        }
        expect(paths.size, 'one icon per network').to.equal(items.length);
        expect(shareLink(el, 'whatsapp').textContent!.trim()).to.equal('WhatsApp');
        expect(labelOf(el, shareLink(el, 'telegram'))).to.equal('Share on Telegram');
        expect(shareLink(el, 'pinterest').textContent!.trim()).to.equal('Pinterest');
        // Nothing is requested for the icons.
        expect(performance.getEntriesByType('resource').length).to.equal(requestsBefore);
        await expectNoAxeViolations(el);
      } finally {
        restore();
      }
    });

    it('builds the exact current intent URL of every network, with hashtags and handle', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="x bluesky linkedin threads facebook reddit whatsapp telegram pinterest email"
          url=${URL_}
          title=${TITLE}
          hashtag="#TwinHarbours Ports"
          handle="@coastalledger"
        ></lede-comment-prompt>`,
      );
      const u = 'https%3A%2F%2Fexample.org%2Fnews%2Fport%20pact%3Fref%3Da%26b%3Dc';
      const t = 'Ports%20%26%20harbours%3A%20is%20the%2050%2F50%20pact%20over%3F';
      const href = (network: string) => shareLink(el, network).getAttribute('href');
      expect(href('x')).to.equal(
        `https://x.com/intent/post?text=${t}&url=${u}&hashtags=TwinHarbours%2CPorts&via=coastalledger`,
      );
      expect(href('bluesky')).to.equal(`https://bsky.app/intent/compose?text=${t}%20%23TwinHarbours%20%23Ports%20${u}`);
      expect(href('linkedin')).to.equal(`https://www.linkedin.com/sharing/share-offsite/?url=${u}`);
      expect(href('threads')).to.equal(`https://www.threads.com/intent/post?text=${t}&url=${u}&tag=TwinHarbours`);
      expect(href('facebook')).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${u}`);
      expect(href('reddit')).to.equal(`https://www.reddit.com/submit?url=${u}&title=${t}`);
      expect(href('whatsapp')).to.equal(`https://wa.me/?text=${t}%20%23TwinHarbours%20%23Ports%20${u}`);
      expect(href('telegram')).to.equal(`https://t.me/share/url?url=${u}&text=${t}`);
      expect(href('pinterest')).to.equal(`https://www.pinterest.com/pin/create/button/?url=${u}&description=${t}`);
      expect(href('email')).to.equal(`mailto:?subject=${t}&body=${t}%0A%0A${u}`);
      expect(u).to.equal(enc(URL_));
      expect(t).to.equal(enc(TITLE));
    });

    it('leaves out hashtags and via when there are none', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="x threads bluesky"
          url="https://example.org/a"
          title="A"
        ></lede-comment-prompt>`,
      );
      expect(shareLink(el, 'x').getAttribute('href')).to.equal(
        'https://x.com/intent/post?text=A&url=https%3A%2F%2Fexample.org%2Fa',
      );
      expect(shareLink(el, 'threads').getAttribute('href')).to.equal(
        'https://www.threads.com/intent/post?text=A&url=https%3A%2F%2Fexample.org%2Fa',
      );
      expect(shareLink(el, 'bluesky').getAttribute('href')).to.equal(
        'https://bsky.app/intent/compose?text=A%20https%3A%2F%2Fexample.org%2Fa',
      );
    });

    it('defaults url to the canonical link and title to the document title', async () => {
      const canonical = Object.assign(document.createElement('link'), {
        rel: 'canonical',
        href: 'https://example.org/canonical-story',
      });
      const previousTitle = document.title;
      document.head.append(canonical);
      document.title = 'The canonical story';
      try {
        const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt share="reddit"></lede-comment-prompt>`);
        expect(shareLink(el, 'reddit').getAttribute('href')).to.equal(
          'https://www.reddit.com/submit?url=https%3A%2F%2Fexample.org%2Fcanonical-story&title=The%20canonical%20story',
        );
      } finally {
        canonical.remove();
        document.title = previousTitle;
      }
    });

    it('keeps a Bluesky post within 300 characters by shortening the title, never the URL', async () => {
      const url = `https://example.org/${'long-path-'.repeat(8)}`;
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="bluesky"
          hashtag="Ports"
          url=${url}
          title=${'A very long headline. '.repeat(30)}
        ></lede-comment-prompt>`,
      );
      const post = new URL(shareLink(el, 'bluesky').href).searchParams.get('text')!;
      expect([...post].length).to.equal(300);
      expect(post.endsWith(` #Ports ${url}`)).to.be.true;
      expect(post.startsWith('A very long headline.')).to.be.true;
      expect(post).to.contain('… #Ports');
    });

    it('drops the title rather than cut a URL that fills the whole Bluesky post', async () => {
      const url = `https://example.org/${'x'.repeat(290)}`;
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt share="bluesky" url=${url} title="Title"></lede-comment-prompt>`,
      );
      expect(new URL(shareLink(el, 'bluesky').href).searchParams.get('text')).to.equal(url);
    });

    it('keeps a short Bluesky post whole', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt share="bluesky" url="https://example.org/a" title="Short"></lede-comment-prompt>`,
      );
      expect(new URL(shareLink(el, 'bluesky').href).searchParams.get('text')).to.equal('Short https://example.org/a');
    });

    it('fires a cancelable lede-share with the network when a share link is followed', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt share="x linkedin email" url="https://example.org/a"></lede-comment-prompt>`,
      );
      const seen: string[] = [];
      const onShare = (event: HTMLElementEventMap['lede-share']) => {
        seen.push(event.detail.network);
        expect(event.bubbles && event.composed && event.cancelable).to.be.true;
        event.preventDefault(); // The host takes over, so the test opens no tab.
      };
      document.addEventListener('lede-share', onShare);
      try {
        for (const network of ['x', 'linkedin', 'email']) shareLink(el, network).click();
      } finally {
        document.removeEventListener('lede-share', onShare);
      }
      expect(seen).to.deep.equal(['x', 'linkedin', 'email']);
    });
  });

  describe('Mastodon', () => {
    let opened: [string, string, string][];
    let originalOpen: typeof window.open;
    beforeEach(() => {
      opened = [];
      originalOpen = window.open;
      window.open = ((url: string, target: string, features: string) => {
        opened.push([url, target, features]);
        return null;
      }) as typeof window.open;
    });
    afterEach(() => {
      window.open = originalOpen;
    });

    const expectedUrl = (host: string) => `https://${host}/share?text=A%20%23Ports%20https%3A%2F%2Fexample.org%2Fa`;

    it('asks for the reader’s server once, by keyboard, validates it, opens its share page and remembers it', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="mastodon"
          url="https://example.org/a"
          title="A"
          hashtag="Ports"
        ></lede-comment-prompt>`,
      );
      const shares: string[] = [];
      el.addEventListener('lede-share', (event) => shares.push(event.detail.network));
      const toggle = shareLink(el, 'mastodon');
      expect(toggle.localName).to.equal('button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const input = $<HTMLInputElement>(el, 'form[part="mastodon-form"] input')!;
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(input.labels![0]!.textContent).to.contain('Mastodon server');
      await expectNoAxeViolations(el);

      await sendKeys({ type: 'not a server' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, `#${input.getAttribute('aria-describedby')}`)).to.equal(
        'Enter a server name, such as mastodon.social',
      );
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(opened).to.have.length(0);
      await expectNoAxeViolations(el);

      input.select();
      await sendKeys({ type: '@me@Mastodon.Social' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(opened).to.deep.equal([[expectedUrl('mastodon.social'), '_blank', 'noopener,noreferrer']]);
      expect(shares).to.deep.equal(['mastodon']);
      expect(localStorage.getItem('lede-mastodon')).to.equal('mastodon.social');
      expect($(el, 'form')).to.be.null;
      const link = shareLink(el, 'mastodon');
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal(expectedUrl('mastodon.social'));
      expect(el.shadowRoot!.activeElement).to.equal(link);

      const again = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="mastodon"
          url="https://example.org/a"
          title="A"
          hashtag="Ports"
        ></lede-comment-prompt>`,
      );
      expect(shareLink(again, 'mastodon').getAttribute('href')).to.equal(expectedUrl('mastodon.social'));
      await expectNoAxeViolations(again);
    });

    it('moves a server remembered under the old lede_mastodon key to lede-mastodon', async () => {
      localStorage.setItem('lede_mastodon', 'mastodon.social');
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt share="mastodon" url="https://example.org/a" title="A"></lede-comment-prompt>`,
      );
      expect(shareLink(el, 'mastodon').getAttribute('href')).to.contain('https://mastodon.social/');
      expect(localStorage.getItem('lede-mastodon')).to.equal('mastodon.social');
      expect(localStorage.getItem('lede_mastodon')).to.equal(null);
    });

    it('lets the reader change the remembered server', async () => {
      localStorage.setItem('lede-mastodon', 'mastodon.social');
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="mastodon"
          url="https://example.org/a"
          title="A"
          hashtag="Ports"
        ></lede-comment-prompt>`,
      );
      const change = $<HTMLButtonElement>(el, '[part="mastodon-server"]')!;
      expect(change.textContent?.trim()).to.equal('Change server (mastodon.social)');
      change.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(change.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ type: 'hachyderm.io' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(localStorage.getItem('lede-mastodon')).to.equal('hachyderm.io');
      expect(shareLink(el, 'mastodon').getAttribute('href')).to.equal(expectedUrl('hachyderm.io'));
      expect(opened[0]![0]).to.equal(expectedUrl('hachyderm.io'));
    });

    it('accepts a server typed as a URL', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt
          share="mastodon"
          url="https://example.org/a"
          title="A"
          hashtag="Ports"
        ></lede-comment-prompt>`,
      );
      shareLink(el, 'mastodon').click();
      await el.updateComplete;
      $<HTMLInputElement>(el, 'input')!.value = 'https://fosstodon.org/about';
      $<HTMLButtonElement>(el, 'form button')!.click();
      await el.updateComplete;
      expect(opened[0]![0]).to.equal(expectedUrl('fosstodon.org'));
    });

    it('closes the question with Escape and returns focus to the Mastodon button', async () => {
      const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt share="mastodon"></lede-comment-prompt>`);
      shareLink(el, 'mastodon').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, 'form')).to.exist;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, 'form')).to.be.null;
      expect(el.shadowRoot!.activeElement).to.equal(shareLink(el, 'mastodon'));
      expect(opened).to.have.length(0);
    });
  });

  describe('copy', () => {
    it('copies the link and says so, visibly and through the polite live region', async () => {
      const copied: string[] = [];
      const restore = replaceNavigator('clipboard', { writeText: async (value: string) => void copied.push(value) });
      try {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt share="copy" url="https://example.org/a"></lede-comment-prompt>`,
        );
        const shared = oneEvent(el, 'lede-share');
        shareLink(el, 'copy').focus();
        await sendKeys({ press: 'Enter' });
        expect((await shared).detail).to.deep.equal({ network: 'copy' });
        await waitUntil(() => text(el, '[role="status"]') === 'Link copied');
        expect(copied).to.deep.equal(['https://example.org/a']);
        const statusTexts: string[] = [];
        const observer = new MutationObserver(() => statusTexts.push($(el, '[role="status"]')!.textContent!));
        observer.observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
        shareLink(el, 'copy').click();
        await waitUntil(() => copied.length === 2 && statusTexts.at(-1) === 'Link copied');
        observer.disconnect();
        expect(statusTexts).to.include('', 'the live region is emptied so that a second copy is announced again');
        const status = $(el, '[part="status"]')!;
        expect(status.getAttribute('role')).to.equal('status');
        expect(status.getBoundingClientRect().height).to.be.greaterThan(0);
        await expectNoAxeViolations(el);
      } finally {
        restore();
      }
    });

    it('shows the link selected in a read-only field, with instructions, when the clipboard is refused', async () => {
      const restore = replaceNavigator('clipboard', {
        writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')),
      });
      try {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt share="copy" url="https://example.org/a"></lede-comment-prompt>`,
        );
        shareLink(el, 'copy').click();
        await waitUntil(() => $(el, 'input[part="copy-input"]'));
        await el.updateComplete;
        const input = $<HTMLInputElement>(el, 'input[part="copy-input"]')!;
        expect(input.readOnly).to.be.true;
        expect(input.value).to.equal('https://example.org/a');
        expect(el.shadowRoot!.activeElement).to.equal(input);
        expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
        expect(text(el, '[role="status"]')).to.match(/Ctrl\+C/);
        expect(labelOf(el, input)).to.equal('Copy link');
        await expectNoAxeViolations(el);
      } finally {
        restore();
      }
    });

    it('falls back the same way where there is no Clipboard API', async () => {
      const restore = replaceNavigator('clipboard', undefined);
      try {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt share="copy" url="https://example.org/b"></lede-comment-prompt>`,
        );
        shareLink(el, 'copy').click();
        await waitUntil(() => $(el, 'input[part="copy-input"]'));
        expect($<HTMLInputElement>(el, 'input[part="copy-input"]')!.value).to.equal('https://example.org/b');
      } finally {
        restore();
      }
    });
  });

  describe('native share', () => {
    it('is hidden where the Web Share API does not exist', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
      if (descriptor) delete (Navigator.prototype as unknown as Record<string, unknown>).share;
      try {
        const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt share="x native"></lede-comment-prompt>`);
        expect($(el, '[data-network="native"]')).to.be.null;
        expect($(el, '[data-network="x"]')).to.exist;
        expect(errors.details).to.have.length(0);
      } finally {
        if (descriptor) Object.defineProperty(Navigator.prototype, 'share', descriptor);
      }
    });

    it('calls navigator.share with the URL and title where it exists', async () => {
      const calls: ShareData[] = [];
      const restore = replaceNavigator('share', async (data: ShareData) => void calls.push(data));
      try {
        const el = await fixture<LedeCommentPrompt>(
          html`<lede-comment-prompt share="native" url="https://example.org/a" title="A"></lede-comment-prompt>`,
        );
        const button = shareLink(el, 'native');
        expect(button.textContent?.trim()).to.equal('Share…');
        button.click();
        await waitUntil(() => calls.length === 1);
        expect(calls[0]).to.deep.equal({ url: 'https://example.org/a', title: 'A' });
      } finally {
        restore();
      }
    });

    it('does nothing when the host cancels lede-share', async () => {
      const calls: unknown[] = [];
      const restore = replaceNavigator('share', async (data: unknown) => void calls.push(data));
      try {
        const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt share="native"></lede-comment-prompt>`);
        el.addEventListener('lede-share', (event) => event.preventDefault());
        let cancelled = false;
        el.addEventListener('lede-share', (event) => (cancelled = event.defaultPrevented));
        shareLink(el, 'native').click(); // lede-share is dispatched, and cancelled, within the click
        expect(cancelled).to.equal(true);
        await el.updateComplete;
        expect(calls).to.have.length(0);
      } finally {
        restore();
      }
    });
  });

  describe('call to action', () => {
    let page: HTMLDivElement;
    beforeEach(async () => {
      page = await fixture<HTMLDivElement>(
        html`<div>
          <button id="before">before</button>
          <lede-comment-prompt comments-href="#cp-comments" share="x copy"></lede-comment-prompt>
          <div style="height: 3000px"></div>
          <section id="cp-comments"><h2>Comments</h2></section>
          <div style="height: 3000px"></div>
        </div>`,
      );
    });
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      history.replaceState(null, '', location.pathname + location.search);
      window.scrollTo(0, 0);
    });

    it('is reached with Tab, then Enter jumps to the comments (instantly with reduced motion) and moves focus there', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = page.querySelector('lede-comment-prompt')!;
      const target = page.querySelector<HTMLElement>('#cp-comments')!;
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="cta"]'));
      await sendKeys({ press: 'Enter' });
      expect(document.activeElement).to.equal(target);
      expect(target.getAttribute('tabindex')).to.equal('-1');
      expect(Math.abs(target.getBoundingClientRect().top)).to.be.lessThan(2);
      expect(location.hash).to.equal('#cp-comments');
    });

    it('scrolls smoothly when motion is welcome, and keeps a target that is already focusable as it is', async () => {
      const el = page.querySelector('lede-comment-prompt')!;
      const target = page.querySelector<HTMLElement>('#cp-comments')!;
      target.tabIndex = 0;
      const calls: unknown[] = [];
      // Lede calls it through the prototype (a form target's fields could replace the element's own).
      const { scrollIntoView } = Element.prototype;
      Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
        if (this === target) calls.push({ ...(options as object) });
      };
      try {
        $<HTMLAnchorElement>(el, '[part="cta"]')!.click();
      } finally {
        Element.prototype.scrollIntoView = scrollIntoView;
      }
      expect(calls).to.deep.equal([{ behavior: 'smooth' }]);
      expect(document.activeElement).to.equal(target);
      expect(target.getAttribute('tabindex')).to.equal('0');
    });

    it('finds a target whose id the link percent-encodes (#caf%C3%A9 names café)', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <lede-comment-prompt comments-href="#caf%C3%A9-comments"></lede-comment-prompt>
          <div style="height: 3000px"></div>
          <section id="café-comments"><h2>Comments</h2></section>
          <div style="height: 3000px"></div>
        </div>`,
      );
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = wrapper.querySelector('lede-comment-prompt')!;
      const target = wrapper.querySelector<HTMLElement>('section')!;
      $<HTMLAnchorElement>(el, '[part="cta"]')!.click();
      expect(document.activeElement).to.equal(target);
      expect(Math.abs(target.getBoundingClientRect().top)).to.be.lessThan(2);
    });

    it('finds a target whose id itself contains a percent sign, as written first (#a%20b names id="a%20b")', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <lede-comment-prompt comments-href="#a%20b"></lede-comment-prompt>
          <section id="a b"><h2>Not this one</h2></section>
          <section id="a%20b"><h2>Comments</h2></section>
        </div>`,
      );
      const el = wrapper.querySelector('lede-comment-prompt')!;
      $<HTMLAnchorElement>(el, '[part="cta"]')!.click();
      expect(document.activeElement).to.equal(wrapper.querySelector('[id="a%20b"]'));
    });

    it('takes the reader to a target that is not an HTML element (an SVG chart), focus included', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <lede-comment-prompt comments-href="#cp-chart"></lede-comment-prompt>
          <div style="height: 3000px"></div>
          <svg id="cp-chart" width="100" height="100"><rect width="100" height="100"></rect></svg>
          <div style="height: 3000px"></div>
        </div>`,
      );
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = wrapper.querySelector('lede-comment-prompt')!;
      const target = wrapper.querySelector('svg')!;
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      try {
        $<HTMLAnchorElement>(el, '[part="cta"]')!.click();
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
      expect(document.activeElement).to.equal(target);
      expect(target.getAttribute('tabindex')).to.equal('-1');
      expect(Math.abs(target.getBoundingClientRect().top)).to.be.lessThan(2);
    });

    it('continues with Tab from the call to action to the share links', async () => {
      const el = page.querySelector('lede-comment-prompt')!;
      $<HTMLAnchorElement>(el, '[part="cta"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(shareLink(el, 'x'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(shareLink(el, 'copy'));
    });

    it('leaves a link to another page to the browser', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt comments-href="/comments/port-pact"></lede-comment-prompt>`,
      );
      const cta = $<HTMLAnchorElement>(el, '[part="cta"]')!;
      let defaultPrevented: boolean | undefined;
      cta.addEventListener('click', (event) => {
        defaultPrevented = event.defaultPrevented;
        event.preventDefault();
      });
      cta.click();
      expect(defaultPrevented).to.be.false;
    });
  });

  describe('bad input', () => {
    it('reports an unknown network by name and renders the known ones', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt share="x myspace bluesky x"></lede-comment-prompt>`,
      );
      expect(
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="share-link"]')].map((link) => link.dataset.network),
      ).to.deep.equal(['x', 'bluesky']);
      expect(errors.details).to.have.length(1);
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'share' });
      expect(errors.details[0]!.message).to.contain('"myspace"');
      expect(errors.warnings[0]).to.contain('<lede-comment-prompt>');
    });

    it('accepts the share list as an array (as in a Lede document)', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt .share=${['reddit', 'email']}></lede-comment-prompt>`,
      );
      expect(shareLink(el, 'reddit')).to.exist;
      expect(shareLink(el, 'email')).to.exist;
      expect(errors.details).to.have.length(0);
    });

    for (const bad of ['lots', '-2', '1.5']) {
      it(`reports count="${bad}" and shows no count`, async () => {
        const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt count=${bad}></lede-comment-prompt>`);
        expect(countText(el)).to.equal(undefined);
        expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'count' });
      });
    }

    it('reports a bad heading-level and uses 2', async () => {
      const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt heading-level="9"></lede-comment-prompt>`);
      expect($(el, 'h2')).to.exist;
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'heading-level' });
    });

    it('reports unknown strings keys and keeps the defaults', async () => {
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt strings='{"nope":"x"}'></lede-comment-prompt>`,
      );
      expect(text(el, 'h2')).to.equal('Join the conversation');
      expect(errors.details[0]!.message).to.contain('nope');
    });
  });

  describe('accessibility', () => {
    const full = (theme?: string) =>
      html`<lede-comment-prompt
        theme=${theme ?? ''}
        prompt="Should the two ports stay together?"
        comments-href="#c"
        count="12"
        share="x bluesky mastodon linkedin threads facebook reddit email copy native"
        hashtag="TwinHarbours"
        url="https://example.org/a"
        title="A"
      ></lede-comment-prompt>`;

    for (const theme of ['light', 'dark']) {
      it(`has no axe violations in the ${theme} theme`, async () => {
        await expectNoAxeViolations(await fixture<LedeCommentPrompt>(full(theme)));
      });
    }

    it('has no axe violations with no count, on a dark page, right to left', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="ar" style="background:#111;color:#eee;padding:1rem">
          <lede-comment-prompt prompt="ما رأيك؟" comments-href="#c" share="x email copy"></lede-comment-prompt>
        </div>`,
      );
      await expectNoAxeViolations(wrapper);
    });

    it('has no axe violations after a failed count', async () => {
      const api = endpointSession();
      await api.faults({ status: 500, body: { error: 'boom' } });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${api.countSrc} comments-href="#c"></lede-comment-prompt>`,
      );
      await waitUntil(() => errors.details.length === 1);
      await el.updateComplete;
      await expectNoAxeViolations(el);
    });
  });
});
