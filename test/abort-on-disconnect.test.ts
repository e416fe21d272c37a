// A removed element stops working: every request it made is aborted (the local endpoint sees the
// connection closed before it answered), nothing is retried or reported, and put back in the page
// it loads again. One case per element that fetches.
import { expect, fixture, html } from '@open-wc/testing';
import { captureLedeErrors } from './helpers/errors.js';
import { EndpointSession, until, type RecordedRequest } from './helpers/endpoint.js';
import '../src/article/index.js';
import '../src/comment-count/index.js';
import '../src/comment-prompt/index.js';
import '../src/scenarios/index.js';
import '../src/story/index.js';
import type { LedeArticle } from '../src/article/article.js';
import type { LedeCommentCount } from '../src/comment-count/comment-count.js';
import type { LedeCommentPrompt } from '../src/comment-prompt/comment-prompt.js';
import type { LedeScenarios } from '../src/scenarios/scenarios.js';
import type { LedeStory } from '../src/story/story.js';

const scenarios = [
  { id: 'a', title: 'A', summary: 'Sa' },
  { id: 'b', title: 'B', summary: 'Sb' },
];

/** The longest the shared delivery waits before its first retry (600 ms backoff base), and a margin. */
const RETRY_WINDOW = 800;

interface Case {
  name: string;
  route: RecordedRequest['route'];
  /** Makes the element, connected, pointing at the session's endpoint. */
  create(session: EndpointSession): Promise<HTMLElement>;
  /** Resolves when the element shows what it loaded. */
  loaded(element: HTMLElement): Promise<void>;
}

const cases: Case[] = [
  {
    name: '<lede-scenarios vote-endpoint> (the counts, for a reader who voted here before)',
    route: 'votes',
    async create(session) {
      const articleId = `article-${Math.random().toString(36).slice(2)}`;
      localStorage.setItem(`lede-vote:${articleId}`, 'a');
      return fixture(
        html`<lede-scenarios
          vote-endpoint=${session.url('votes')}
          article-id=${articleId}
          .scenarios=${scenarios}
        ></lede-scenarios>`,
      );
    },
    loaded: (el) => until(() => (el as LedeScenarios).counts !== undefined, 'the counts'),
  },
  {
    name: '<lede-comment-prompt count-src>',
    route: 'count',
    create: (session) =>
      fixture(html`<lede-comment-prompt count-src=${session.url('comments/count')}></lede-comment-prompt>`),
    loaded: (el) =>
      until(
        () => !!(el as LedeCommentPrompt).shadowRoot!.textContent!.includes('12 comments'),
        'the count to be shown',
      ),
  },
  {
    name: '<lede-comment-count src> (its batch, when it was the only element in it)',
    route: 'counts',
    create: (session) =>
      fixture(html`<lede-comment-count src=${session.url('comments/counts')} article-id="a"></lede-comment-count>`),
    loaded: (el) =>
      until(
        () => (el as LedeCommentCount).shadowRoot!.querySelector('[part~="count"]')?.textContent === 'No comments',
        'the count to be shown',
      ),
  },
  {
    name: '<lede-article src>',
    route: 'pages',
    async create(session) {
      const src = await session.page('body', '<p>Arrived.</p>');
      return fixture(html`<lede-article src=${src}></lede-article>`);
    },
    loaded: (el) =>
      until(
        () => (el as LedeArticle).shadowRoot!.querySelector('[part="body"]')!.textContent === 'Arrived.',
        'the body',
      ),
  },
  {
    name: '<lede-story src>',
    route: 'pages',
    async create(session) {
      const src = await session.page(
        'story.json',
        JSON.stringify({ headline: 'H', body: '<p>B</p>', keyPoints: { items: [{ text: 'k' }] } }),
        'application/json',
      );
      return fixture(html`<lede-story src=${src}></lede-story>`);
    },
    loaded: (el) => until(() => !!(el as LedeStory).shadowRoot!.querySelector('lede-article'), 'the story'),
  },
];

describe('a removed element stops fetching', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    errors = captureLedeErrors();
    localStorage.clear();
  });
  afterEach(() => errors.stop());

  for (const c of cases) {
    it(`${c.name}: removed mid-request, the request is aborted, nothing follows; put back, it loads`, async () => {
      const session = new EndpointSession();
      await session.fail(c.route, { hang: true });
      const el = await c.create(session);
      const parent = el.parentElement!;
      await until(async () => (await session.requests(c.route)).length === 1, 'the request to reach the endpoint');
      el.remove();
      await until(async () => (await session.requests(c.route))[0]!.aborted === true, 'the endpoint to see the abort');
      // No event marks "nothing happened": wait out the window in which a retry would have been sent.
      await new Promise((resolve) => setTimeout(resolve, RETRY_WINDOW));
      expect(await session.requests(c.route)).to.have.length(1);
      expect(errors.details).to.deep.equal([]);

      parent.append(el);
      await c.loaded(el);
      const requests = await session.requests(c.route);
      expect(requests.map((r) => !!r.aborted)).to.deep.equal([true, false]);
      expect(errors.details).to.deep.equal([]);
    });
  }

  it('<lede-scenarios>: a retry waiting for its backoff is not sent once the element is removed', async () => {
    const session = new EndpointSession();
    await session.fail('votes', { status: 503 });
    const el = await cases[0]!.create(session);
    await until(async () => (await session.requests('votes')).length === 1, 'the first attempt');
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, RETRY_WINDOW));
    expect(await session.requests('votes')).to.have.length(1);
    expect(errors.details).to.deep.equal([]);
  });

  it('<lede-scenarios>: a reader who has not voted here costs no counts request', async () => {
    const session = new EndpointSession();
    const el = await fixture<LedeScenarios>(
      html`<lede-scenarios vote-endpoint=${session.url('votes')} .scenarios=${scenarios}></lede-scenarios>`,
    );
    (el.shadowRoot!.querySelector('button[part="vote"]') as HTMLButtonElement).click();
    await until(() => el.status === 'voted', 'the vote');
    expect((await session.requests('votes')).map((r) => r.method)).to.deep.equal(['POST']);
    expect(el.counts).to.deep.equal({ a: 1 });
  });
});
