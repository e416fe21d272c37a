// A page Lede does not control: it extends Object.prototype, holds markup whose names shadow
// document members, plants entries in Lede's localStorage, and loads Lede on pages at different
// paths. Every element still renders, nothing is sent where it should not be, no signup is lost.
// (The same page against the script-tag files: test/bundle/hostile.bundle-test.ts.)
import { expect, fixture, html } from '@open-wc/testing';
import { deliver, retryAfterMs, MAX_MESSAGE_LENGTH } from '../src/core/delivery.js';
import { intl } from '../src/core/intl.js';
import { clearOutbox, enqueue, pending } from '../src/core/outbox.js';
import { mergeStrings, registerTranslation } from '../src/core/strings.js';
import '../src/index.js';
import type { LedeArticle, LedeCommentPrompt, LedeNewsletter, LedeScenarios, LedeStory } from '../src/index.js';
import { validateScenarios } from '../src/scenarios/data.js';
import { validate, type Schema } from '../src/story/validate.js';
import schema from '../src/story/schema.json';
import { EndpointSession, until } from './helpers/endpoint.js';
import { captureLedeErrors } from './helpers/errors.js';

type Polluted = Record<string, unknown>;
const proto = Object.prototype as Polluted;

/** Sets properties on Object.prototype for one test, as an old script or a pollution bug would. */
function pollute(values: Polluted): () => void {
  for (const [key, value] of Object.entries(values))
    Object.defineProperty(proto, key, { value, configurable: true, writable: true, enumerable: true });
  return () => Object.keys(values).forEach((key) => delete proto[key]);
}

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => shadow(el).querySelector(selector)?.textContent?.trim() ?? '';

async function submit(el: LedeNewsletter, email: string): Promise<void> {
  await el.updateComplete;
  const input = shadow(el).querySelector<HTMLInputElement>('[name=email]')!;
  input.value = email;
  shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const statusOf = (el: Element) => text(el, '[role=status]');

describe('a hostile page', () => {
  let session: EndpointSession;
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    session = new EndpointSession();
    errors = captureLedeErrors();
    localStorage.clear();
  });
  afterEach(() => {
    errors.stop();
    localStorage.clear();
    document.querySelectorAll('base').forEach((base) => base.remove());
  });

  describe('Object.prototype polluted after Lede loaded', () => {
    let restore: () => void = () => {};
    afterEach(() => restore());

    it('a story renders only the parts its document has (no newsletter from Object.prototype.newsletter)', async () => {
      restore = pollute({ newsletter: { action: 'https://evil.example/collect' }, required: ['nothing'] });
      const el = await fixture<LedeStory>(
        html`<lede-story .document=${{ headline: 'H', body: '<p>B</p>' }}></lede-story>`,
      );
      expect([...shadow(el).querySelectorAll('[part=base] > *')].map((c) => c.localName)).to.deep.equal([
        'lede-article',
      ]);
      expect(errors.details).to.deep.equal([]);
    });

    it('the schema check reads own properties only', () => {
      restore = pollute({ required: ['x'], enum: ['y'], maxItems: 0, minLength: 99 });
      expect(validate({ headline: 'H', body: 'B' }, schema as Schema)).to.deep.equal([]);
    });

    it('a scenario titled "Constructor" shows its own count, not Object', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          .scenarios=${[
            { title: 'Constructor', summary: 'S' },
            { title: 'Other', summary: 'S' },
          ]}
          .counts=${{ other: 1 }}
          status="voted"
        ></lede-scenarios>`,
      );
      el.status = 'voted';
      await el.updateComplete;
      const results = [...shadow(el).querySelectorAll('[part=result]')].map((r) => r.textContent!.trim());
      expect(results).to.deep.equal(['0% of votes', '100% of votes']);
    });

    it('strings keys are the defaults’ own: "toString" is rejected', () => {
      const { rejected } = mergeStrings({ heading: 'H' }, JSON.parse('{"toString":"x","constructor":"y"}'));
      expect(rejected).to.deep.equal(['toString', 'constructor']);
    });

    it('fetches keep their own options: a polluted credentials, body or method changes nothing', async () => {
      document.cookie = 'lede-hostile=1; path=/';
      restore = pollute({ credentials: 'omit', body: 'planted', method: 'DELETE', mode: 'no-cors' });
      const el = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${session.url('comments/count')}></lede-comment-prompt>`,
      );
      await until(() => text(el, '[part=count]').includes('12'), 'the count');
      const [request] = await session.requests('count');
      expect(request!.method).to.equal('GET');
      expect(request!.headers.cookie).to.contain('lede-hostile=1');
      document.cookie = 'lede-hostile=; path=/; max-age=0';
    });

    it('a page’s toJSON (Array.prototype.toJSON as old Prototype.js has it, Object.prototype.toJSON) changes no body and loses no signup', async () => {
      await session.fail('signup', { status: 503 });
      // Prototype.js 1.6 gives arrays a toJSON that returns a string (JSON.stringify then encodes it twice).
      Object.defineProperty(Array.prototype, 'toJSON', {
        value(this: unknown[]) {
          return `[${this.join(', ')}]`;
        },
        configurable: true,
        writable: true,
      });
      restore = pollute({ toJSON: () => 'planted' });
      let saved: string[] = [];
      let subscribers: string[] = [];
      let vote = '';
      let formatters: string[] = [];
      try {
        const el = await fixture<LedeNewsletter>(
          html`<lede-newsletter
            action=${session.url('signup')}
            min-fill-time="0"
            .delivery=${{ retries: 0 }}
          ></lede-newsletter>`,
        );
        await submit(el, 'kept@example.com');
        await until(() => /saved|Check|wrong/i.test(statusOf(el)), 'the signup to be kept').catch(() => undefined);
        saved = pending('newsletter').map((entry) => entry.request.body ?? '');
        // Back on the page: what waited is sent, with the address in its body.
        el.remove();
        document.body.append(el);
        await until(async () => (await session.log()).subscribers.length > 0, 'the kept signup').catch(() => undefined);
        subscribers = (await session.log()).subscribers.map((s) => s.email);
        const scenarios = await fixture<LedeScenarios>(
          html`<lede-scenarios
            article-id="tojson"
            vote-endpoint=${session.url('votes')}
            .scenarios=${[
              { title: 'A', summary: 'S' },
              { title: 'B', summary: 'S' },
            ]}
          ></lede-scenarios>`,
        );
        shadow(scenarios).querySelector<HTMLButtonElement>('button[part=vote]')!.click();
        await until(() => scenarios.status !== 'sending' && scenarios.status !== 'idle', 'the vote');
        vote = scenarios.status;
        formatters = ([{ style: 'percent' }, { notation: 'compact' }] as Record<string, string>[]).map((options) =>
          intl(Intl.NumberFormat, 'en', options).format(1234),
        );
      } finally {
        delete (Array.prototype as { toJSON?: unknown }).toJSON;
        restore();
      }
      expect(saved.map((body) => (JSON.parse(body) as { email?: string }).email)).to.deep.equal(['kept@example.com']);
      expect(subscribers).to.deep.equal(['kept@example.com']);
      expect(vote).to.equal('voted');
      expect(formatters).to.deep.equal(['123,400%', '1.2K']);
    });

    it('delivery options the host did not give are not read from Object.prototype (a kept signup waits its 30 days)', async () => {
      await session.fail('signup', { status: 503 });
      restore = pollute({ keepFor: 1 });
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter
          action=${session.url('signup')}
          min-fill-time="0"
          .delivery=${{ retries: 0 }}
        ></lede-newsletter>`,
      );
      await submit(el, 'waits@example.com');
      await until(() => /saved/.test(statusOf(el)), 'the signup to be saved');
      const [entry] = pending('newsletter');
      expect(Math.round((entry!.expiresAt - entry!.createdAt) / 86_400_000)).to.equal(30);
    });

    it('an article from src shows only the fields its source has (no byline or dek from Object.prototype)', async () => {
      const src = await session.page('plain', '<p>Body from src.</p>');
      restore = pollute({ byline: 'Planted byline', dek: 'Planted dek', headline: 'Planted headline' });
      const el = await fixture<LedeArticle>(html`<lede-article src=${src}></lede-article>`);
      await until(() => text(el, '[part=body]').includes('Body from src'), 'the body');
      expect(text(el, '[part=base]')).not.to.contain('Planted');
    });

    it('share targets without a link (copy, native) take none from Object.prototype', async () => {
      restore = pollute({
        copy: ['Evil', 'https://evil.example/?u={u}'],
        native: ['Evil', 'https://evil.example/?u={u}'],
      });
      const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt share="copy x"></lede-comment-prompt>`);
      const links = [...shadow(el).querySelectorAll('[part=share-link]')].map(
        (link) => `${link.getAttribute('data-network')} ${link.getAttribute('href') ?? 'button'}`,
      );
      expect(links.map((link) => link.replace(/ https:\/\/x\.com\/.*/, ' https://x.com/…'))).to.deep.equal([
        'copy button',
        'x https://x.com/…',
      ]);
    });

    it('a registered translation without an element’s texts takes none from Object.prototype', async () => {
      registerTranslation({ lang: 'xx', 'lede-article': { toc: 'Xx' } });
      restore = pollute({ 'lede-key-points': { heading: 'Planted heading' } });
      const el = await fixture(
        html`<lede-key-points lang="xx"
          ><ul>
            <li>One</li>
          </ul></lede-key-points
        >`,
      );
      expect(text(el, 'h2')).to.equal('Key points');
    });

    it('outbox options an element does not give are not read from Object.prototype (a kept vote and signup wait)', async () => {
      // A wait longer than the longest backoff: kept in the outbox at once.
      const busy = { status: 503, headers: { 'Retry-After': '100' } };
      await session.fail('votes', busy);
      await session.fail('signup', busy);
      restore = pollute({ maxAge: () => 1, onKept: 1 });
      const scenarios = await fixture<LedeScenarios>(
        html`<lede-scenarios
          article-id="kept"
          vote-endpoint=${session.url('votes')}
          .scenarios=${[
            { title: 'A', summary: 'S' },
            { title: 'B', summary: 'S' },
          ]}
        ></lede-scenarios>`,
      );
      shadow(scenarios).querySelector<HTMLButtonElement>('button[part=vote]')!.click();
      await until(() => scenarios.status !== 'sending', 'the vote to settle');
      const newsletter = await fixture<LedeNewsletter>(
        html`<lede-newsletter action=${session.url('signup')} min-fill-time="0"></lede-newsletter>`,
      );
      await submit(newsletter, 'kept@example.com');
      await until(() => /saved|wrong|not/i.test(statusOf(newsletter)), 'the signup to settle').catch(() => undefined);
      expect(scenarios.status).to.equal('saved');
      expect(statusOf(newsletter)).to.match(/saved/);
      expect([pending('votes').length, pending('newsletter').length]).to.deep.equal([1, 1]);
    });

    it('controller hooks from Object.prototype are not called: every element connects, updates and disconnects', async () => {
      // Lit calls `controller.hostUpdate?.()` (and hostConnected, hostUpdated, hostDisconnected) on each controller.
      restore = pollute({ hostConnected: 1, hostDisconnected: 1, hostUpdate: 1, hostUpdated: 1 });
      const page = document.createElement('div');
      page.innerHTML = `
        <lede-article headline="H"><p>Body</p></lede-article>
        <lede-key-points heading="Key points"><ul><li>One</li></ul></lede-key-points>
        <lede-scenarios article-id="hooks"><ul><li><strong>A:</strong> S</li><li><strong>B:</strong> S</li></ul></lede-scenarios>
        <lede-newsletter action="${session.url('signup')}"></lede-newsletter>`;
      const thrown: unknown[] = [];
      const onError = (event: ErrorEvent) => {
        thrown.push(event.error);
        event.preventDefault();
      };
      window.addEventListener('error', onError);
      try {
        document.body.append(page);
        const elements = [...page.children] as LedeStory[];
        const rendered: string[] = [];
        for (const el of elements) {
          await el.updateComplete.catch((error: unknown) => thrown.push(error));
          if (shadow(el).querySelector('[part=base], form')) rendered.push(el.localName);
        }
        const keyPoints = elements[1] as HTMLElement & { heading?: string; updateComplete: Promise<boolean> };
        keyPoints.heading = 'Changed';
        await keyPoints.updateComplete.catch((error: unknown) => thrown.push(error));
        page.remove();
        expect(rendered).to.deep.equal(['lede-article', 'lede-key-points', 'lede-scenarios', 'lede-newsletter']);
        expect(text(keyPoints, 'h2')).to.equal('Changed');
        expect(thrown.map(String)).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        page.remove();
      }
    });

    it('provider="constructor" or "__proto__" posts JSON to the action, with a lede-error', async () => {
      for (const provider of ['constructor', '__proto__']) {
        const el = await fixture<LedeNewsletter>(
          html`<lede-newsletter
            action=${session.url('signup')}
            provider=${provider}
            min-fill-time="0"
          ></lede-newsletter>`,
        );
        await submit(el, `${provider.replace(/_/g, '')}@example.com`);
        await until(() => /Check/.test(statusOf(el)), `the ${provider} signup`);
      }
      expect((await session.log()).subscribers.map((s) => s.email)).to.deep.equal([
        'constructor@example.com',
        'proto@example.com',
      ]);
      expect(errors.details.map((d) => d.field)).to.deep.equal(['provider', 'provider']);
    });
  });

  describe('endpoint answers', () => {
    it('Retry-After: -1 (or unreadable) falls back to the backoff instead of retrying at once', async () => {
      expect(retryAfterMs('-1')).to.be.undefined;
      expect(retryAfterMs('1e3')).to.be.undefined;
      expect(retryAfterMs('1.5')).to.be.undefined;
      expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z'))).to.equal(60_000);
      await session.fail('votes', { status: 503, headers: { 'Retry-After': '-1' } });
      const result = await deliver(
        {
          url: session.url('votes'),
          headers: { 'Content-Type': 'application/json' },
          body: '{"articleId":"a","scenarioId":"b"}',
        },
        { backoff: 400, retries: 1 },
      );
      expect(result.ok).to.be.true;
      const [first, second] = await session.requests('votes');
      expect(second!.at - first!.at).to.be.at.least(190);
    });

    it('a 20,000-character error is cut to a readable length; a count of 1e308 is refused', async () => {
      await session.fail('signup', { status: 422, body: { error: 'word '.repeat(4000) } });
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter action=${session.url('signup')} min-fill-time="0"></lede-newsletter>`,
      );
      await submit(el, 'long@example.com');
      await until(() => statusOf(el).startsWith('word'), 'the refusal');
      expect(statusOf(el).length).to.be.at.most(MAX_MESSAGE_LENGTH);
      expect(statusOf(el).endsWith('…')).to.be.true;

      await session.fail('count', { status: 200, body: '{"count": 1e308}' });
      const prompt = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${session.url('comments/count')} count="3"></lede-comment-prompt>`,
      );
      await until(() => errors.details.some((d) => d.field === 'count-src'), 'the refused count');
      expect(text(prompt, '[part=count]')).to.contain('3');
    });
  });

  describe('scenario validation', () => {
    it('is linear and bounded: 40,000 scenarios with equal titles are checked at once, 100 kept', () => {
      const many = Array.from({ length: 40_000 }, (_, i) => ({ id: `s${i}`, title: 'Same', summary: 'S' }));
      const problems: { field: string; problem: string }[] = [];
      const started = performance.now();
      const kept = validateScenarios(many, 'scenarios', problems);
      expect(kept).to.have.length(100);
      expect(problems[0]!.problem).to.contain('only the first 100');
      expect(performance.now() - started).to.be.below(1000);
      expect(validate({ headline: 'H', body: 'B', scenarios: { items: many } }, schema as Schema)[0]!.problem).to.equal(
        'must have at most 100 items, not 40000',
      );
    });
  });

  describe('the outbox', () => {
    const planted = (request: object, extra: object = {}) =>
      localStorage.setItem(
        'lede-outbox',
        JSON.stringify([
          {
            id: 'planted',
            channel: 'newsletter',
            idempotencyKey: 'planted',
            createdAt: Date.now(),
            expiresAt: Date.now() + 60_000,
            request,
            meta: { email: 'victim@example.com' },
            ...extra,
          },
        ]),
      );

    it('drops a planted DELETE, another URL’s entry is not sent, a well-formed one is', async () => {
      const signupUrl = new URL(session.url('signup'), location.href).href;
      planted({ url: new URL(session.url('votes'), location.href).href, method: 'DELETE', headers: {}, body: '' });
      expect(pending('newsletter')).to.deep.equal([]);
      expect(errors.warnings.some((w) => w.includes('did not write'))).to.be.true;

      // For another endpoint, in Lede's shape: left for its own element, never sent here.
      planted({
        url: new URL(session.url('votes'), location.href).href,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"email":"a@example.com"}',
      });
      const el = await fixture<LedeNewsletter>(
        html`<lede-newsletter action=${session.url('signup')}></lede-newsletter>`,
      );
      await el.updateComplete;
      // For this endpoint but with a header Lede never sends: dropped with a warning, not sent.
      planted({
        url: signupUrl,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Admin': '1' },
        body: '{"email":"a@example.com"}',
      });
      el.remove();
      document.body.append(el);
      await until(() => pending('newsletter').length === 0, 'the odd entry to be dropped');
      expect(errors.warnings.some((w) => w.includes('not a request this element sends'))).to.be.true;
      expect(await session.requests('votes')).to.have.length(0);
      expect(await session.requests('signup')).to.have.length(0);
      el.remove();
    });

    it('expires entries (30 days by default) and empties on clearOutbox()', () => {
      planted(
        { url: 'https://example.org/signup', method: 'POST', headers: {}, body: '{}' },
        { expiresAt: Date.now() - 1 },
      );
      expect(pending('newsletter')).to.deep.equal([]);
      expect(enqueue({ channel: 'votes', request: { url: '/x', body: '{}' }, idempotencyKey: 'k', meta: {} })).to.be
        .true;
      const [entry] = pending('votes');
      expect(entry!.request.url).to.equal(new URL('/x', location.href).href);
      expect(Math.round((entry!.expiresAt - entry!.createdAt) / 86_400_000)).to.equal(30);
      clearOutbox();
      expect(localStorage.getItem('lede-outbox')).to.be.null;
    });

    it('a relative action keeps its page’s endpoint: the signup is sent from the same directory, never to another page’s', async () => {
      const base = document.createElement('base');
      base.href = `${session.base}/pages/news/`;
      document.head.append(base);
      await session.fail('signup', { status: 503 });
      const first = await fixture<LedeNewsletter>(
        html`<lede-newsletter action="../../signup" min-fill-time="0" .delivery=${{ retries: 0 }}></lede-newsletter>`,
      );
      await submit(first, 'kept@example.com');
      await until(() => /saved/.test(statusOf(first)), 'the signup to be saved');
      expect(pending('newsletter')[0]!.request.url).to.equal(new URL(`${session.base}/signup`, location.href).href);
      first.remove();

      // Another page, deeper: the same relative action names another URL. Nothing is sent there.
      base.href = `${session.base}/pages/blog/deep/`;
      const second = await fixture<LedeNewsletter>(html`<lede-newsletter action="../../signup"></lede-newsletter>`);
      await second.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await session.log()).requests.filter((r) => r.method === 'POST' && r.route !== 'signup')).to.deep.equal(
        [],
      );
      expect(pending('newsletter')).to.have.length(1);
      second.remove();

      // Back in the first directory: sent to its own endpoint, once.
      base.href = `${session.base}/pages/news/`;
      const third = await fixture<LedeNewsletter>(html`<lede-newsletter action="../../signup"></lede-newsletter>`);
      await until(() => /Check/.test(statusOf(third)), 'the saved signup to be sent');
      expect((await session.log()).subscribers.map((s) => s.email)).to.deep.equal(['kept@example.com']);
      expect(pending('newsletter')).to.deep.equal([]);
    });
  });

  describe('remembered values', () => {
    it('a planted Mastodon server that is no host name is forgotten, not shared to', async () => {
      localStorage.setItem('lede-mastodon', 'ｅｖｉｌ。ｅｘａｍｐｌｅ');
      const el = await fixture<LedeCommentPrompt>(html`<lede-comment-prompt share="mastodon"></lede-comment-prompt>`);
      expect(text(el, '[part=mastodon-server]')).to.equal('');
      expect(localStorage.getItem('lede-mastodon')).to.be.null;
      // The Mastodon share is no link to the planted host (as a URL it names evil.example): it asks for a server.
      const mastodon = shadow(el).querySelector<HTMLElement>('[data-network=mastodon]')!;
      expect(mastodon.getAttribute('href')).to.be.null;
      mastodon.click();
      await el.updateComplete;
      expect(Boolean(shadow(el).querySelector('[part=mastodon-form]')), 'the server is asked for').to.be.true;
    });
  });

  describe('clobbering markup', () => {
    it('a same-page link to a form in an article (fields named id, getRootNode) still takes the reader there', async () => {
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<lede-article headline="H"><p><a href="#poll">To the poll</a></p>
        <form id="poll" action="/poll"><input type="hidden" name="id" value="3"><input name="getRootNode"></form></lede-article>`;
      document.body.append(wrapper);
      const article = wrapper.querySelector<LedeArticle>('lede-article')!;
      const thrown: unknown[] = [];
      const onError = (event: ErrorEvent) => {
        thrown.push(event.message);
        event.preventDefault();
      };
      window.addEventListener('error', onError);
      const before = location.href;
      let focused: string | undefined;
      let hash = '';
      try {
        await article.updateComplete;
        article.querySelector('a')!.click();
        focused = document.activeElement?.getAttribute('id') ?? undefined; // (.id is the field named id)
        hash = location.hash;
      } finally {
        window.removeEventListener('error', onError);
        wrapper.remove();
        history.replaceState(null, '', before);
      }
      expect(thrown).to.deep.equal([]);
      expect([focused, hash]).to.deep.equal(['poll', '#poll']);
    });

    it('a comments target that is a form with fields named like its methods still gets focus', async () => {
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<lede-comment-prompt comments-href="#comment-form"></lede-comment-prompt>
        <form id="comment-form" action="/comments"><input name="focus"><input name="scrollIntoView">
          <input name="hasAttribute"><input name="tabIndex"><textarea name="comment"></textarea></form>`;
      document.body.append(wrapper);
      const prompt = wrapper.querySelector<LedeCommentPrompt>('lede-comment-prompt')!;
      const thrown: unknown[] = [];
      const onError = (event: ErrorEvent) => {
        thrown.push(event.message);
        event.preventDefault();
      };
      window.addEventListener('error', onError);
      let focused: string | undefined;
      try {
        await prompt.updateComplete;
        shadow(prompt).querySelector<HTMLAnchorElement>('[part=cta]')?.click();
        focused = document.activeElement?.id;
      } finally {
        window.removeEventListener('error', onError);
        wrapper.remove();
      }
      expect(thrown).to.deep.equal([]);
      expect(focused).to.equal('comment-form');
    });

    it('named images and form fields do not stop the elements reading the page', async () => {
      // Markup as a page (or a reader's comment) has it; not a Lit template, which would itself read the form's members.
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<img name="title" alt=""><img name="querySelector" alt=""><img name="baseURI" alt="">
        <img name="getElementById" alt="">
        <lede-comment-prompt comments-href="#comments" share="x"></lede-comment-prompt>
        <lede-newsletter provider="json" min-fill-time="0">
          <form action="${session.url('signup')}" method="post">
            <input name="querySelector"><input name="querySelectorAll"><input name="getAttribute">
            <input name="email" value="form@example.com">
          </form>
        </lede-newsletter>
        <div id="comments" tabindex="-1">Comments</div>`;
      document.body.append(wrapper);
      const prompt = wrapper.querySelector<LedeCommentPrompt>('lede-comment-prompt')!;
      const newsletter = wrapper.querySelector<LedeNewsletter>('lede-newsletter')!;
      // The markup leaves the page whatever happens: a clobbered document.querySelector stops the test runner too.
      const seen: Record<string, string | undefined> = {};
      try {
        await prompt.updateComplete;
        await Promise.race([newsletter.updateComplete, new Promise((resolve) => setTimeout(resolve, 2000))]);
        seen.share = shadow(prompt).querySelector<HTMLAnchorElement>('[data-network=x]')?.href;
        shadow(prompt).querySelector<HTMLAnchorElement>('[part=cta]')?.click();
        seen.focused = document.activeElement?.id;
        seen.email = shadow(newsletter).querySelector<HTMLInputElement>('[name=email]')?.value;
        // Sent to the form's action (read through Element.prototype, as its method is).
        shadow(newsletter).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
        await until(() => /Check/.test(statusOf(newsletter)), 'the signup').catch(() => undefined);
        seen.sent = (await session.log()).subscribers.map((s) => s.email).join();
      } finally {
        wrapper.remove();
      }
      expect(seen.share).to.contain(
        encodeURIComponent(Document.prototype.querySelector.call(document, 'title')?.textContent ?? ''),
      );
      expect(seen.focused).to.equal('comments');
      expect(seen.email).to.equal('form@example.com');
      expect(seen.sent).to.equal('form@example.com');
      expect(errors.details).to.deep.equal([]);
    });
  });
});
