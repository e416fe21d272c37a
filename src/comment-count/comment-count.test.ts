import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { EndpointSession, until, type RecordedRequest } from '../../test/helpers/endpoint.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import { registerTranslation } from '../core/strings.js';
import { MAX_URL } from '../core/count-batch.js';
import ar from '../translations/ar.js';
import pl from '../translations/pl.js';
import type { LedeCommentPrompt } from '../comment-prompt/comment-prompt.js';
import '../comment-prompt/index.js';
import type { LedeCommentCount } from './comment-count.js';
import './index.js';

registerTranslation(pl, ar);

// ---- helpers -------------------------------------------------------------------------------

/** The count the element shows; undefined while its text child shows. */
const shown = (el: Element) => el.shadowRoot!.querySelector('[part~="count"]')?.textContent?.trim();
/** Whether the element still shows its text child (the slot) instead of a count. */
const showsText = (el: Element) => !!el.shadowRoot!.querySelector('slot') && shown(el) === undefined;

/** A private corner of the test server's counts endpoint, with its counts set. */
async function endpoint(counts: Record<string, number> = {}) {
  const session = new EndpointSession();
  await session.comments(counts);
  return {
    session,
    src: session.url('comments/counts'),
    requests: () => session.requests('counts'),
  };
}

/** The ids one recorded request asked for, in order. */
const idsOf = (request: RecordedRequest) => new URL(request.url, location.origin).searchParams.getAll('articleId');
/** The whole URL the browser sent. */
const fullUrl = (request: RecordedRequest) => `${location.origin}${request.url}`;

/** Many elements in one list, as a listing page has them, each with its text child. */
const listing = (src: string, ids: string[]) =>
  fixture<HTMLElement>(
    html`<ul>
      ${ids.map(
        (id) =>
          html`<li>
            <lede-comment-count src=${src} article-id=${id}><a href="/${id}#comments">Comments</a></lede-comment-count>
          </li>`,
      )}
    </ul>`,
  );

const counts = (root: Element) => [...root.querySelectorAll<LedeCommentCount>('lede-comment-count')];
const allShown = (root: Element) => counts(root).every((el) => shown(el) !== undefined);

// ---- tests ---------------------------------------------------------------------------------

describe('<lede-comment-count>', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => (errors = captureLedeErrors()));
  afterEach(() => errors.stop());

  describe('one request for a page of counts (the real local endpoint)', () => {
    it('200 elements make a few requests, never 200, each split only at the URL limit', async () => {
      const ids = Array.from({ length: 200 }, (_, i) => `article-${String(i).padStart(3, '0')}`);
      const api = await endpoint(Object.fromEntries(ids.map((id, i) => [id, i])));
      const root = await listing(api.src, ids);
      await until(() => allShown(root), 'every count', 10000);

      const requests = await api.requests();
      expect(requests.length).to.be.within(1, 3);
      // Every id asked once, in page order, and every URL within the limit.
      expect(requests.flatMap(idsOf)).to.deep.equal(ids);
      for (const request of requests) expect(fullUrl(request).length).to.be.at.most(MAX_URL);
      // Split only where needed: the next request's first id would not have fitted.
      for (let i = 0; i + 1 < requests.length; i++) {
        const next = new URLSearchParams([['articleId', idsOf(requests[i + 1]!)[0]!]]).toString();
        expect(`${fullUrl(requests[i]!)}&${next}`.length).to.be.above(MAX_URL);
      }
      expect(shown(counts(root)[0]!)).to.equal('No comments');
      expect(shown(counts(root)[1]!)).to.equal('1 comment');
      expect(shown(counts(root)[199]!)).to.equal('199 comments');
      expect(errors.details).to.deep.equal([]);
    });

    it('asks for an id once, however many elements show it', async () => {
      const api = await endpoint({ a: 3, b: 5 });
      const root = await listing(api.src, ['a', 'b', 'a', 'a', 'b']);
      await until(() => allShown(root), 'every count');
      const requests = await api.requests();
      expect(requests.map(idsOf)).to.deep.equal([['a', 'b']]);
      expect(counts(root).map(shown)).to.deep.equal([
        '3 comments',
        '5 comments',
        '3 comments',
        '3 comments',
        '5 comments',
      ]);
    });

    it('splits long ids into as few requests as fit in 2,000 characters', async () => {
      const ids = Array.from({ length: 30 }, (_, i) => `${'x'.repeat(146)}${String(i).padStart(4, '0')}`);
      const api = await endpoint({ [ids[29]!]: 7 });
      const root = await listing(api.src, ids);
      await until(() => allShown(root), 'every count');
      const requests = await api.requests();
      expect(requests.length).to.equal(3); // Each id takes 161 characters: 12 fit beside the endpoint's URL.
      expect(requests.map((r) => idsOf(r).length)).to.deep.equal([12, 12, 6]);
      expect(requests.flatMap(idsOf)).to.deep.equal(ids);
      for (const request of requests) expect(fullUrl(request).length).to.be.at.most(MAX_URL);
      expect(shown(counts(root)[29]!)).to.equal('7 comments');
    });

    it('sends 150 short ids in one request: the URL fits (and lede-server takes up to 200)', async () => {
      const ids = Array.from({ length: 150 }, (_, i) => i.toString(36));
      const api = await endpoint();
      const root = await listing(api.src, ids);
      await until(() => allShown(root), 'every count');
      const requests = await api.requests();
      expect(requests.map((r) => idsOf(r).length)).to.deep.equal([150]);
      expect(errors.details).to.deep.equal([]);
    });

    it('while the page is still parsed, elements wait for the whole page and share one request', async () => {
      const api = await endpoint({ a: 1, b: 2 });
      // The page's HTML at once; the classic script between the two counts arrives 3 s later, so
      // the parser stops there (readyState "loading") after the first count has upgraded.
      await api.session.fail('pages', {}, { delay: 3000 });
      const slow = await api.session.page('slow.js', '', 'text/javascript');
      const page = await api.session.page(
        'listing.html',
        `<!doctype html><html lang="en"><title>Listing</title>
        <script type="module" async src="/src/comment-count/index.ts"></script>
        <p><lede-comment-count src="${api.src}" article-id="a">Comments</lede-comment-count></p>
        <script src="${slow}"></script>
        <p><lede-comment-count src="${api.src}" article-id="b">Comments</lede-comment-count></p>`,
      );
      const frame = Object.assign(document.createElement('iframe'), { src: page, title: 'A listing page' });
      document.body.append(frame);
      try {
        const inFrame = () => [...(frame.contentDocument?.querySelectorAll('lede-comment-count') ?? [])];
        await until(
          () => inFrame().length === 2 && inFrame().every((el) => shown(el) !== undefined),
          'both counts',
          15000,
        );
        expect(inFrame().map(shown)).to.deep.equal(['1 comment', '2 comments']);
        expect((await api.requests()).map(idsOf)).to.deep.equal([['a', 'b']]);
      } finally {
        frame.remove();
      }
    });

    it('elements added later join a later request', async () => {
      const api = await endpoint({ a: 1, b: 2, c: 3, d: 4 });
      const root = await listing(api.src, ['a', 'b']);
      await until(() => allShown(root), 'the first counts');
      const more = ['c', 'd', 'a'].map((id) => {
        const el = document.createElement('lede-comment-count');
        el.setAttribute('src', api.src);
        el.setAttribute('article-id', id);
        el.textContent = 'Comments';
        return el;
      });
      root.append(...more);
      await until(() => allShown(root), 'the later counts');
      expect((await api.requests()).map(idsOf)).to.deep.equal([
        ['a', 'b'],
        ['c', 'd', 'a'],
      ]);
      expect(more.map(shown)).to.deep.equal(['3 comments', '4 comments', '1 comment']);
    });

    it('keeps other query parameters of src, and batches per endpoint', async () => {
      const one = await endpoint({ a: 1 });
      const two = await endpoint({ a: 2 });
      const root = await fixture<HTMLElement>(
        html`<p>
          <lede-comment-count src=${`${one.src}?site=x`} article-id="a"></lede-comment-count>
          <lede-comment-count src=${two.src} article-id="a"></lede-comment-count>
        </p>`,
      );
      await until(() => allShown(root), 'both counts');
      expect(counts(root).map(shown)).to.deep.equal(['1 comment', '2 comments']);
      const [request] = await one.requests();
      expect(new URL(request!.url, location.origin).search).to.equal('?site=x&articleId=a');
      expect(await two.requests()).to.have.length(1);
    });

    it('shows the count as a link to the comments when href is set, else plain text', async () => {
      const api = await endpoint({ a: 12 });
      const root = await fixture<HTMLElement>(
        html`<p>
          <lede-comment-count src=${api.src} article-id="a" href="/news/a#comments">Comments</lede-comment-count>
          <lede-comment-count src=${api.src} article-id="a"><a href="/news/b#comments">Comments</a></lede-comment-count>
          <lede-comment-count src=${api.src} article-id="a">Comments</lede-comment-count>
        </p>`,
      );
      await until(() => allShown(root), 'the counts');
      const [withHref, withChildLink, plain] = counts(root);
      const link = withHref!.shadowRoot!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('/news/a#comments');
      expect(link.textContent).to.equal('12 comments');
      expect(withChildLink!.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/news/b#comments');
      expect(plain!.shadowRoot!.querySelector('a')).to.be.null;
      expect(shown(plain!)).to.equal('12 comments');
    });
  });

  describe('progressive enhancement and failures', () => {
    it('shows its text child while the count is on its way', async () => {
      const api = await endpoint({ a: 2 });
      await api.session.fail('counts', { hang: true });
      const el = await fixture<LedeCommentCount>(
        html`<lede-comment-count src=${api.src} article-id="a"><a href="/a">Comments</a></lede-comment-count>`,
      );
      await until(async () => (await api.requests()).length === 1, 'the request');
      await el.updateComplete;
      expect(showsText(el)).to.be.true;
      expect(el.querySelector('a')!.getBoundingClientRect().width).to.be.above(0); // Slotted, on screen.
      el.remove();
    });

    it('keeps the text when the endpoint fails, and tells it once for the whole request, not per element', async () => {
      const api = await endpoint();
      await api.session.fail('counts', { status: 503 }, { status: 503 }); // The first answer and its one retry.
      const root = await listing(api.src, ['a', 'b', 'c', 'd']);
      await until(async () => (await api.requests()).length === 2 && errors.details.length > 0, 'the retry to fail');
      await Promise.all(counts(root).map((el) => el.updateComplete));
      expect(counts(root).every(showsText)).to.be.true;
      expect(errors.details).to.have.length(1);
      expect(errors.details[0]).to.include({ code: 'http', field: 'src' });
      expect(errors.details[0]!.message).to.equal('<lede-comment-count> src: answered HTTP 503');
      expect(errors.warnings).to.have.length(1);
    });

    it('keeps the text of the ids an answer leaves out, and names them once', async () => {
      const api = await endpoint();
      await api.session.fail('counts', { status: 200, body: { counts: { a: 4, b: 'many', c: -1 } } });
      const root = await listing(api.src, ['a', 'b', 'c', 'd']);
      await until(() => shown(counts(root)[0]!) !== undefined && errors.details.length > 0, 'the answer');
      expect(shown(counts(root)[0]!)).to.equal('4 comments');
      expect(counts(root).slice(1).every(showsText)).to.be.true;
      expect(errors.details).to.have.length(1);
      expect(errors.details[0]).to.include({ code: 'invalid-json', field: 'src' });
      expect(errors.details[0]!.message).to.contain('"b","c","d"');
    });

    it('keeps the text when the answer is not { counts }', async () => {
      const api = await endpoint();
      await api.session.fail('counts', { status: 200, body: { count: 3 } });
      const root = await listing(api.src, ['a', 'b']);
      await until(() => errors.details.length > 0, 'the error');
      expect(counts(root).every(showsText)).to.be.true;
      expect(errors.details.map((d) => d.code)).to.deep.equal(['invalid-json']);
    });

    it('understands { count } from an endpoint asked for one article', async () => {
      const api = await endpoint();
      await api.session.fail('counts', { status: 200, body: { count: 3 } });
      const el = await fixture<LedeCommentCount>(
        html`<lede-comment-count src=${api.src} article-id="a"></lede-comment-count>`,
      );
      await until(() => shown(el) !== undefined, 'the count');
      expect(shown(el)).to.equal('3 comments');
    });

    it('shows a count the page gave without fetching, and reports half a configuration', async () => {
      const root = await fixture<HTMLElement>(
        html`<p>
          <lede-comment-count count="5">Comments</lede-comment-count>
          <lede-comment-count article-id="a">Comments</lede-comment-count>
          <lede-comment-count count="-2" href="javascript:alert(1)">Comments</lede-comment-count>
        </p>`,
      );
      await Promise.all(counts(root).map((el) => el.updateComplete));
      const [given, noSrc, bad] = counts(root);
      expect(shown(given!)).to.equal('5 comments');
      expect(showsText(noSrc!)).to.be.true;
      expect(showsText(bad!)).to.be.true;
      expect(errors.details.map((d) => [d.code, d.field])).to.deep.equal([
        ['invalid-attribute', 'src'],
        ['invalid-attribute', 'href'],
        ['invalid-attribute', 'count'],
      ]);
    });
  });

  describe('a hostile page', () => {
    it('reads counts by their own properties only: a polluted Object.prototype and odd ids change nothing', async () => {
      const api = await endpoint();
      await api.session.fail('counts', { status: 200, body: '{"counts":{"a":1,"__proto__":4}}' });
      const proto = Object.prototype as unknown as Record<string, unknown>;
      proto.ghost = 5;
      try {
        const root = await listing(api.src, ['a', '__proto__', 'ghost', 'constructor', 'toString']);
        await until(() => errors.details.length > 0, 'the answer');
        expect(counts(root).map((el) => shown(el) ?? null)).to.deep.equal([
          '1 comment',
          '4 comments',
          null,
          null,
          null,
        ]);
        expect(errors.details).to.have.length(1);
        expect(errors.details[0]!.message).to.contain('"ghost","constructor","toString"');
      } finally {
        delete proto.ghost;
      }
    });

    it('named images (readyState, baseURI) do not stop the batch reading the page', async () => {
      const api = await endpoint({ a: 2 });
      const wrapper = document.createElement('div');
      // Markup as a page has it (not a Lit template): the images name document members.
      wrapper.innerHTML = `<img name="readyState" alt=""><img name="baseURI" alt="">
        <lede-comment-count src="${api.src}" article-id="a">Comments</lede-comment-count>`;
      document.body.append(wrapper);
      try {
        const el = wrapper.querySelector<LedeCommentCount>('lede-comment-count')!;
        await until(() => shown(el) !== undefined, 'the count');
        expect(shown(el)).to.equal('2 comments');
        expect(errors.details).to.deep.equal([]);
      } finally {
        wrapper.remove();
      }
    });
  });

  describe('removed from the page', () => {
    it('a request goes on while one of its elements stays, and is aborted when the last one leaves', async () => {
      const api = await endpoint({ a: 1, b: 2, c: 3 });
      await api.session.fail('counts', { delay: 1500 });
      const root = await listing(api.src, ['a', 'b', 'c']);
      await until(async () => (await api.requests()).length === 1, 'the request');
      const [a, b, c] = counts(root);
      a!.remove();
      b!.remove();
      await until(() => shown(c!) !== undefined, 'the count of the element that stayed');
      expect(shown(c!)).to.equal('3 comments');
      expect((await api.requests())[0]!.aborted).to.not.equal(true);

      await api.session.fail('counts', { hang: true });
      const later = await listing(api.src, ['d', 'e']);
      await until(async () => (await api.requests()).length === 2, 'the second request');
      for (const el of counts(later)) el.remove();
      await until(async () => (await api.requests())[1]!.aborted === true, 'the endpoint to see the abort');
      expect(errors.details).to.deep.equal([]);
    });

    it('an element removed before its request is sent is not asked for; put back, it loads', async () => {
      const api = await endpoint({ gone: 1, kept: 2 });
      const root = await fixture<HTMLElement>(html`<p></p>`);
      const [gone, kept] = ['gone', 'kept'].map((id) => {
        const el = document.createElement('lede-comment-count');
        el.setAttribute('src', api.src);
        el.setAttribute('article-id', id);
        return el;
      });
      root.append(gone!, kept!);
      gone!.remove(); // In the same task: the request has not left yet.
      await until(() => shown(kept!) !== undefined, 'the kept count');
      expect((await api.requests()).map(idsOf)).to.deep.equal([['kept']]);
      root.append(gone!);
      await until(() => shown(gone!) !== undefined, 'the count once put back');
      expect(shown(gone!)).to.equal('1 comment');
      expect((await api.requests()).map(idsOf)).to.deep.equal([['kept'], ['gone']]);
    });

    it('moved in the page after its count arrived, it does not ask again', async () => {
      const api = await endpoint({ a: 1 });
      const root = await listing(api.src, ['a']);
      await until(() => allShown(root), 'the count');
      const [el] = counts(root);
      root.prepend(el!);
      await el!.updateComplete;
      expect(shown(el!)).to.equal('1 comment');
      expect(await api.requests()).to.have.length(1);
    });
  });

  describe('with <lede-comment-prompt count-src>', () => {
    it('a comment prompt whose count-src is the same counts endpoint joins the same request', async () => {
      const api = await endpoint({ main: 23, other: 4 });
      const root = await fixture<HTMLElement>(
        html`<div>
          <lede-comment-prompt count-src=${`${api.src}?articleId=main`}></lede-comment-prompt>
          <aside>
            <lede-comment-count src=${api.src} article-id="other"></lede-comment-count>
            <lede-comment-count src=${api.src} article-id="main"></lede-comment-count>
          </aside>
        </div>`,
      );
      const prompt = root.querySelector<LedeCommentPrompt>('lede-comment-prompt')!;
      const promptCount = () => prompt.shadowRoot!.querySelector('[part="count"]')?.textContent;
      await until(() => allShown(root) && promptCount() === '23 comments', 'every count');
      expect((await api.requests()).map((r) => idsOf(r).sort())).to.deep.equal([['main', 'other']]);
      expect(counts(root).map(shown)).to.deep.equal(['4 comments', '23 comments']);
    });

    it('a count-src that answers { count } is still asked on its own', async () => {
      const session = new EndpointSession();
      const prompt = await fixture<LedeCommentPrompt>(
        html`<lede-comment-prompt count-src=${`${session.url('comments/count')}?articleId=x`}></lede-comment-prompt>`,
      );
      await until(() => prompt.shadowRoot!.querySelector('[part="count"]')?.textContent === '12 comments', 'the count');
      expect((await session.requests('count')).length).to.equal(1);
      expect(await session.requests('counts')).to.deep.equal([]);
    });
  });

  describe('text', () => {
    const forms = async (lang: string, numbers: number[]) => {
      const el = await fixture<LedeCommentCount>(html`<lede-comment-count lang=${lang}></lede-comment-count>`);
      const out: string[] = [];
      for (const n of numbers) {
        el.count = n;
        await el.updateComplete;
        out.push(shown(el)!);
      }
      return out;
    };

    it('English plural forms, with the number formatted for the language', async () => {
      expect(await forms('en', [0, 1, 2, 1234])).to.deep.equal([
        'No comments',
        '1 comment',
        '2 comments',
        '1,234 comments',
      ]);
    });

    it('Polish plural forms (one, few, many)', async () => {
      expect(await forms('pl', [0, 1, 3, 5, 22, 25])).to.deep.equal([
        'Brak komentarzy',
        '1 komentarz',
        '3 komentarze',
        '5 komentarzy',
        '22 komentarze',
        '25 komentarzy',
      ]);
    });

    it('Arabic plural forms (one, two, few, many, other) with Arabic digits', async () => {
      const n = (value: number) => new Intl.NumberFormat('ar').format(value);
      expect(await forms('ar', [0, 1, 2, 3, 11, 100])).to.deep.equal([
        'لا تعليقات',
        'تعليق واحد',
        'تعليقان',
        `${n(3)} تعليقات`,
        `${n(11)} تعليقًا`,
        `${n(100)} تعليق`,
      ]);
    });

    it('takes the page’s own strings', async () => {
      const el = await fixture<LedeCommentCount>(
        html`<lede-comment-count count="4" strings='{"countOther":"{n} replies"}'></lede-comment-count>`,
      );
      expect(shown(el)).to.equal('4 replies');
    });
  });

  describe('accessibility', () => {
    it('the count link is reached with Tab and followed with Enter', async () => {
      const root = await fixture<HTMLElement>(
        html`<p>
          <button>Before</button>
          <lede-comment-count count="3" href="#comments">Comments</lede-comment-count>
        </p>`,
      );
      const el = root.querySelector<LedeCommentCount>('lede-comment-count')!;
      await el.updateComplete;
      const link = el.shadowRoot!.querySelector('a')!;
      let followed = 0;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        followed++;
      });
      root.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(link);
      await sendKeys({ press: 'Enter' });
      expect(followed).to.equal(1);
    });

    for (const theme of [undefined, 'light', 'dark'] as const) {
      it(`has no axe violations (${theme ?? 'the page’s colours'}): text, a link, and the text child`, async () => {
        const root = await fixture<HTMLElement>(
          html`<ul>
            <li><lede-comment-count theme=${ifDefined(theme)} count="3">Comments</lede-comment-count></li>
            <li>
              <lede-comment-count theme=${ifDefined(theme)} count="1" href="/a#comments">Comments</lede-comment-count>
            </li>
            <li>
              <lede-comment-count theme=${ifDefined(theme)}><a href="/b#comments">Comments</a></lede-comment-count>
            </li>
          </ul>`,
        );
        await Promise.all(counts(root).map((el) => el.updateComplete));
        await expectNoAxeViolations(root);
      });
    }

    it('has no axe violations right to left on a dark page', async () => {
      const root = await fixture<HTMLElement>(
        html`<p dir="rtl" lang="ar" style="background:#111;color:#eee">
          <lede-comment-count count="12" href="#c"></lede-comment-count>
        </p>`,
      );
      await counts(root)[0]!.updateComplete;
      await expectNoAxeViolations(root);
    });
  });
});
