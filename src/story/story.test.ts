import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import { EndpointSession, until } from '../../test/helpers/endpoint.js';
import '../article/index.js';
import '../key-points/index.js';
import type { LedeDocument } from './document.js';
import './index.js';
import type { LedeStory } from './story.js';
import { validate, type Schema } from './validate.js';
import schema from './schema.json';

const full: LedeDocument = {
  headline: 'The pact holds, for now',
  dek: 'A short dek.',
  byline: 'Ana Reyes',
  published: '2026-11-18T08:00:00Z',
  updated: '2026-11-19T08:00:00Z',
  url: 'https://example.org/pact',
  body: '<h2>First</h2><p>Body text.</p><img src=x onerror=alert(1)>',
  keyPoints: { heading: 'Why it matters', ordered: true, items: [{ title: 'Jobs', text: 'Many.' }, { text: 'Debt.' }] },
  scenarios: {
    heading: 'Next',
    voteEndpoint: '/api/votes',
    closes: '2026-12-24T18:00:00Z',
    showResults: true,
    items: [
      { id: 'a', title: 'A', summary: 'Sa' },
      { id: 'b', title: 'B', summary: 'Sb' },
    ],
  },
  commentPrompt: { prompt: 'Will it last?', commentsHref: '#comments', share: ['x', 'email'], hashtag: 'Pact' },
  newsletter: { action: '/api/signup', heading: 'Weekly', provider: 'form', list: 'weekly' },
};

const parts = (el: LedeStory) =>
  [...el.shadowRoot!.querySelectorAll('[part="base"] > *')].map((child) => child.localName);

describe('<lede-story>', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    errors = captureLedeErrors();
  });
  afterEach(() => errors.stop());

  it('renders the article and the key points from a document, by tag name, with their data', async () => {
    const el = await fixture<LedeStory>(html`<lede-story .document=${full}></lede-story>`);
    const article = el.shadowRoot!.querySelector('lede-article')!;
    await article.updateComplete;
    expect(article.shadowRoot!.querySelector('[part="headline"]')!.textContent).to.equal('The pact holds, for now');
    expect(article.shadowRoot!.querySelector('[part="body"] h2')!.textContent).to.equal('First');
    expect(article.shadowRoot!.querySelector('[part="body"] [onerror]')).to.be.null;
    expect(article.getAttribute('updated')).to.equal('2026-11-19T08:00:00Z');
    const points = el.shadowRoot!.querySelector('lede-key-points')!;
    await points.updateComplete;
    expect(points.shadowRoot!.querySelectorAll('ol > li')).to.have.length(2);
    expect(points.getAttribute('heading')).to.equal('Why it matters');
    expect(errors.details).to.deep.equal([]);
  });

  it('renders every part by tag name; one whose element is registered later upgrades in place, with its data', async () => {
    const el = await fixture<LedeStory>(html`<lede-story .document=${full}></lede-story>`);
    expect(parts(el)).to.deep.equal([
      'lede-article',
      'lede-key-points',
      'lede-scenarios',
      'lede-comment-prompt',
      'lede-newsletter',
    ]);
    const tags = ['lede-scenarios', 'lede-comment-prompt', 'lede-newsletter'].filter((tag) => !customElements.get(tag));
    const unregistered = el.shadowRoot!.querySelector(tags[0] ?? 'lede-scenarios') as HTMLElement;
    if (tags.length) expect(unregistered.shadowRoot, 'not registered yet: an empty tag').to.be.null;
    for (const tag of tags) customElements.define(tag, class extends HTMLElement {});
    await el.updateComplete;
    expect(customElements.get(unregistered.localName)).to.exist;
    expect(unregistered, 'upgraded in place').to.equal(el.shadowRoot!.querySelector(unregistered.localName));
    const root = el.shadowRoot!;
    const scenarios = root.querySelector('lede-scenarios') as HTMLElement & { scenarios?: unknown };
    expect(scenarios.scenarios).to.deep.equal(full.scenarios!.items);
    expect(scenarios.getAttribute('vote-endpoint')).to.equal('/api/votes');
    expect(scenarios.getAttribute('closes')).to.equal('2026-12-24T18:00:00Z');
    expect(scenarios.hasAttribute('show-results')).to.be.true;
    expect(scenarios.getAttribute('article-id')).to.equal('https://example.org/pact');
    const prompt = root.querySelector('lede-comment-prompt')!;
    expect(
      ['prompt', 'comments-href', 'share', 'hashtag', 'url'].map((name) => prompt.getAttribute(name)),
    ).to.deep.equal(['Will it last?', '#comments', 'x email', 'Pact', 'https://example.org/pact']);
    const newsletter = root.querySelector('lede-newsletter')!;
    expect(['action', 'provider', 'heading', 'list'].map((name) => newsletter.getAttribute(name))).to.deep.equal([
      '/api/signup',
      'form',
      'Weekly',
      'weekly',
    ]);
  });

  it('renders only the parts the document has', async () => {
    const el = await fixture<LedeStory>(
      html`<lede-story .document=${{ headline: 'Only', body: '<p>b</p>' }}></lede-story>`,
    );
    expect(parts(el)).to.deep.equal(['lede-article']);
  });

  it('reports each invalid field by its path and renders the valid parts', async () => {
    const bad = structuredClone(full) as unknown as Record<string, unknown> & {
      keyPoints: { items: unknown[] };
      scenarios: { items: Record<string, unknown>[] };
    };
    bad.scenarios.items.push({ id: 'c', title: 42, summary: 's' });
    bad.keyPoints.items[1] = { title: 'no text' };
    bad.published = 'yesterday';
    const el = await fixture<LedeStory>(html`<lede-story .document=${bad}></lede-story>`);
    const messages = errors.details.map((d) => d.message);
    expect(errors.details.map((d) => d.field)).to.deep.equal([
      'published',
      'keyPoints.items[1].text',
      'scenarios.items[2].title',
    ]);
    expect(messages).to.include('<lede-story> scenarios.items[2].title: must be a string, not a number');
    expect(messages).to.include('<lede-story> keyPoints.items[1].text: is required');
    expect(errors.details.every((d) => d.code === 'invalid-document')).to.be.true;
    for (const tag of ['lede-scenarios', 'lede-comment-prompt', 'lede-newsletter'])
      if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(parts(el)).to.deep.equal(['lede-comment-prompt', 'lede-newsletter']);
  });

  it('reports a document that is not an object', async () => {
    const el = await fixture<LedeStory>(html`<lede-story .document=${'nope' as never}></lede-story>`);
    expect(errors.details[0]!.message).to.equal('<lede-story> the document: must be an object, not a string');
    expect(el.shadowRoot!.querySelector('[part="base"]')).to.be.null;
  });

  it('loads a document from src and fires lede-load; reports bad JSON and HTTP errors', async () => {
    const session = new EndpointSession();
    const url = await session.page('story.json', JSON.stringify(full), 'application/json');
    const el = await fixture<LedeStory>(html`<lede-story></lede-story>`);
    const loaded = oneEvent(el, 'lede-load');
    el.src = url;
    expect((await loaded).detail).to.deep.equal({ src: url, kind: 'document' });
    expect(parts(el)).to.include.members(['lede-article', 'lede-key-points']);

    const failed = oneEvent(el, 'lede-error');
    el.src = await session.page('bad.json', '{', 'application/json');
    expect((await failed).detail).to.include({ code: 'invalid-json', field: 'src' });
    expect(parts(el)).to.include('lede-article');

    const missing = oneEvent(el, 'lede-error');
    el.src = `${session.base}/pages/none`;
    expect((await missing).detail).to.include({ code: 'http', field: 'src' });
  });

  it('says it is loading while src is fetched (a polite status line), and when it could not be loaded', async () => {
    const session = new EndpointSession();
    const url = await session.page('slow.json', JSON.stringify(full), 'application/json');
    await session.fail('pages', { delay: 400 });
    const el = await fixture<LedeStory>(html`<lede-story src=${url}></lede-story>`);
    const status = () => el.shadowRoot!.querySelector<HTMLElement>('[part="status"][role="status"]');
    await until(() => status()?.textContent?.trim() === 'Loading the story…', 'the loading status');
    expect(status()!.classList.contains('visually-hidden')).to.be.false;
    await oneEvent(el, 'lede-load');
    expect(parts(el)).to.include('lede-article');
    expect(status()!.textContent!.trim()).to.equal('');
    expect(status()!.classList.contains('visually-hidden')).to.be.true;

    const failed = oneEvent(el, 'lede-error');
    el.src = `${session.base}/pages/none`;
    await failed;
    await el.updateComplete;
    expect(status()!.textContent!.trim()).to.equal('The story could not be loaded.');
    expect(parts(el)).to.include('lede-article'); // What was shown stays.
  });

  it('finishes loading src after being moved in the page mid-load', async () => {
    const session = new EndpointSession();
    const url = await session.page('moved.json', JSON.stringify(full), 'application/json');
    await session.fail('pages', { delay: 300 });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <lede-story></lede-story>
        <section></section>
      </div>`,
    );
    const el = wrapper.querySelector('lede-story')!;
    el.src = url;
    await el.updateComplete;
    const requests = () => session.requests('pages');
    await until(async () => (await requests()).length === 1, 'the request to reach the endpoint');
    el.remove();
    await until(async () => (await requests())[0]!.aborted === true, 'the endpoint to see the abort');
    const loaded = oneEvent(el, 'lede-load');
    wrapper.querySelector('section')!.append(el);
    expect((await loaded).detail).to.deep.equal({ src: url, kind: 'document' });
    expect(parts(el)).to.include.members(['lede-article', 'lede-key-points']);
    expect(errors.details).to.have.length(0);
  });

  it("validates the shipped schema's own rules: enums, required, types, dates", () => {
    expect(validate(full, schema as Schema)).to.deep.equal([]);
    const problems = validate(
      {
        body: 1,
        newsletter: { provider: 'xml' },
        commentPrompt: { share: ['x', 'myspace'] },
        updated: 'soon',
        scenarios: { closes: 'Friday', showResults: 'yes', items: [{ id: 'a', title: 'A', summary: ' ' }] },
      },
      schema as Schema,
    );
    expect(problems.map((p) => `${p.path} ${p.problem}`)).to.deep.equal([
      'headline is required',
      'updated must be an ISO 8601 date',
      'body must be a string, not a number',
      'scenarios.closes must be an ISO 8601 date',
      'scenarios.showResults must be a boolean, not a string',
      'scenarios.items[0].summary must not be empty',
      'commentPrompt.share[1] must be one of "x", "bluesky", "mastodon", "linkedin", "threads", "facebook", "reddit", "whatsapp", "telegram", "pinterest", "email", "copy", "native"',
      'newsletter.action is required',
      'newsletter.provider must be one of "json", "form"',
    ]);
  });

  it('has no axe violations', async () => {
    const el = await fixture<LedeStory>(
      html`<lede-story
        theme="light"
        .document=${{ ...full, body: '<h2>First</h2><p>Body <a href="#x">text</a>.</p><img src="/chart.png" alt="A chart">' }}
      ></lede-story>`,
    );
    await el.shadowRoot!.querySelector('lede-article')!.updateComplete;
    await expectNoAxeViolations(el);
  });
});
