import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { EndpointSession, goOffline, until } from '../../test/helpers/endpoint.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import { pending } from '../core/outbox.js';
import './index.js';
import type { LedeScenarios, LedeVotedDetail, Scenario } from './scenarios.js';

const data: Scenario[] = [
  { id: 'deal', title: 'A new deal', summary: 'The councils rewrite the pact.' },
  { id: 'rivals', title: 'Rival hubs', summary: 'Greyhaven builds alone.' },
  { id: 'drift', title: 'Managed decline', summary: 'The pact survives on paper.' },
];

const $ = (el: LedeScenarios, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const texts = (el: LedeScenarios, selector: string) =>
  $(el, selector).map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const titles = (el: LedeScenarios) => texts(el, '[part="card"] [part="title"]');
const buttons = (el: LedeScenarios) => $(el, 'button[part="vote"]') as HTMLButtonElement[];
const pressed = (el: LedeScenarios) => buttons(el).map((b) => b.getAttribute('aria-pressed'));
const status = (el: LedeScenarios) => texts(el, '[part="status"]')[0];
const percent = (n: number, lang = 'en') =>
  new Intl.NumberFormat(lang, { style: 'percent' }).format(n).replace(/\s+/g, ' ');
const newArticle = () => `article-${Math.random().toString(36).slice(2)}`;
const posts = async (session: EndpointSession) => (await session.requests('votes')).filter((r) => r.method === 'POST');

/** A voting element; for a reader who voted on the article before, once its counts have loaded. */
async function votingElement(session: EndpointSession, articleId = newArticle()): Promise<LedeScenarios> {
  const el = await fixture<LedeScenarios>(
    html`<lede-scenarios
      vote-endpoint=${session.url('votes')}
      article-id=${articleId}
      .scenarios=${data}
    ></lede-scenarios>`,
  );
  if (el.status === 'voted') await until(() => el.counts !== undefined, 'the counts to load');
  return el;
}

async function seedVote(session: EndpointSession, articleId: string, scenarioId: string) {
  await fetch(session.url('votes'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articleId, scenarioId }),
  });
}

describe('<lede-scenarios>', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  let session: EndpointSession;
  beforeEach(() => {
    errors = captureLedeErrors();
    session = new EndpointSession();
    localStorage.clear();
  });
  afterEach(() => errors.stop());

  describe('data sources', () => {
    it('renders cards from the property, titled one level below the heading, without voting by default', async () => {
      const el = await fixture<LedeScenarios>(html`<lede-scenarios .scenarios=${data}></lede-scenarios>`);
      expect(el.source).to.equal('property');
      expect(texts(el, 'h2')).to.deep.equal(['What could happen next']);
      expect(texts(el, '[part="card"] h3')).to.deep.equal(['A new deal', 'Rival hubs', 'Managed decline']);
      expect(texts(el, '[part="summary"]')[1]).to.equal('Greyhaven builds alone.');
      expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal(
        el.shadowRoot!.querySelector('h2')!.id,
      );
      expect(buttons(el)).to.have.length(0);
      expect($(el, '[role="status"]')).to.have.length(0);
      expect(errors.details).to.have.length(0);
    });

    it('renders from HTML children with unique ids derived from the titles, and the children heading', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios>
          <h3>Next</h3>
          <ul>
            <li><strong>Shared terminals, new terms:</strong> The councils rewrite the pact.</li>
            <li><strong>Rival hubs</strong> — Greyhaven builds alone.</li>
            <li><strong>Rival hubs:</strong> Said twice.</li>
          </ul>
        </lede-scenarios>`,
      );
      expect(el.source).to.equal('children');
      expect(titles(el)).to.deep.equal(['Shared terminals, new terms', 'Rival hubs', 'Rival hubs']);
      expect(texts(el, '[part="summary"]')).to.deep.equal([
        'The councils rewrite the pact.',
        'Greyhaven builds alone.',
        'Said twice.',
      ]);
      expect(texts(el, 'h2')).to.deep.equal(['Next']);
      const ids: string[] = [];
      el.addEventListener('lede-vote', (e) => {
        ids.push(e.detail.scenarioId);
        e.preventDefault();
      });
      el.voteEndpoint = session.url('votes');
      await el.updateComplete;
      buttons(el).forEach((b) => b.click());
      expect(ids).to.deep.equal(['shared-terminals-new-terms', 'rival-hubs', 'rival-hubs-2']);
      expect(errors.details).to.have.length(0);
    });

    it('takes the attribute over the children and the property over both', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios scenarios='[{"id":"x","title":"From","summary":"the attribute"}]'
          ><ul>
            <li><strong>Child:</strong> text</li>
          </ul></lede-scenarios
        >`,
      );
      expect(el.source).to.equal('attribute');
      expect(titles(el)).to.deep.equal(['From']);
      el.scenarios = data;
      await el.updateComplete;
      expect(el.source).to.equal('property');
      expect(titles(el)).to.have.length(3);
      el.scenarios = undefined;
      el.removeAttribute('scenarios');
      await el.updateComplete;
      expect(el.source).to.equal('children');
      expect(titles(el)).to.deep.equal(['Child']);
    });

    it('uses heading, heading-level and strings', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          heading-level="4"
          .scenarios=${data}
          vote-endpoint=${session.url('votes')}
        ></lede-scenarios>`,
      );
      expect(texts(el, 'h4')).to.deep.equal(['What could happen next']);
      expect($(el, 'h5')).to.have.length(3);
      el.heading = 'Three futures';
      el.strings = { vote: 'Wahrscheinlich' };
      await el.updateComplete;
      expect(texts(el, 'h4')).to.deep.equal(['Three futures']);
      expect(texts(el, 'button')).to.deep.equal(['Wahrscheinlich', 'Wahrscheinlich', 'Wahrscheinlich']);
    });

    it('renders nothing when there are no scenarios', async () => {
      const el = await fixture<LedeScenarios>(html`<lede-scenarios .scenarios=${[]}></lede-scenarios>`);
      expect(el.shadowRoot!.querySelector('section')).to.be.null;
      expect(el.getBoundingClientRect().height).to.equal(0);
    });
  });

  describe('bad input', () => {
    it('reports a value that is not an array', async () => {
      const el = await fixture<LedeScenarios>(html`<lede-scenarios></lede-scenarios>`);
      el.scenarios = { id: 'a' } as never;
      await el.updateComplete;
      expect(errors.details).to.have.length(1);
      expect(errors.details[0]).to.include({ code: 'invalid-property', field: 'scenarios' });
      expect(errors.details[0]!.message).to.match(/<lede-scenarios> scenarios: must be an array/);
      expect(errors.warnings[0]).to.contain('<lede-scenarios>');
    });

    it('names a missing title or summary and a repeated id by path, and renders the valid ones', async () => {
      const el = await fixture<LedeScenarios>(html`<lede-scenarios></lede-scenarios>`);
      el.scenarios = [
        data[0]!,
        { id: 'b', summary: 'no title' },
        { id: 'c', title: 'No summary', summary: ' ' },
        7,
        { ...data[0]!, title: 'Same id' },
        { title: 'Id from title', summary: 'ok' },
      ] as never;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['A new deal', 'Id from title']);
      expect(errors.details.map((d) => d.field)).to.deep.equal([
        'scenarios[1].title',
        'scenarios[2].summary',
        'scenarios[3]',
        'scenarios[4].id',
      ]);
      expect(errors.details[3]!.message).to.contain('"deal" is already used');
    });

    it('reports bad JSON in the attribute and falls back to the children', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios scenarios="[{oops"
          ><ul>
            <li><strong>Fallback:</strong> shown</li>
          </ul></lede-scenarios
        >`,
      );
      expect(errors.details[0]).to.include({ code: 'invalid-json', field: 'scenarios attribute' });
      expect(titles(el)).to.deep.equal(['Fallback']);
    });

    it('names bad items of the attribute by path', async () => {
      await fixture<LedeScenarios>(
        html`<lede-scenarios scenarios='[{"title":"A","summary":"ok"},{"title":3,"summary":"x"}]'></lede-scenarios>`,
      );
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'scenarios attribute[1].title' });
    });

    it('reports garbage children and keeps the items it can read', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          ><div>junk</div>
          <ul>
            <li><strong>Kept:</strong> yes</li>
            <li>No title here</li>
            <p>not an li</p>
            <li><strong>Empty:</strong></li>
          </ul></lede-scenarios
        >`,
      );
      expect(titles(el)).to.deep.equal(['Kept']);
      expect(errors.details.every((d) => d.code === 'invalid-children')).to.be.true;
      expect(errors.details).to.have.length(4);
      expect(errors.details.map((d) => d.message).join(' ')).to.contain('list item 2 has no <strong>Title:</strong>');
    });
  });

  describe('votes', () => {
    it('sends one random readerId for every article of the site, kept in localStorage across page views', async () => {
      const [a, b] = [newArticle(), newArticle()];
      const first = await votingElement(session, a);
      buttons(first)[0]!.click();
      await until(() => first.status === 'voted', 'the first vote');
      first.remove();
      const second = await votingElement(session, b);
      buttons(second)[1]!.click();
      await until(() => second.status === 'voted', 'the second vote');
      const ids = (await posts(session)).map((r) => (r.body as { readerId: string }).readerId);
      expect(ids).to.have.length(2);
      expect(ids[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids[1]).to.equal(ids[0]);
      expect(localStorage.getItem('lede-reader-id')).to.equal(ids[0]);
    });

    it('replaces a malformed stored readerId with a fresh random one', async () => {
      localStorage.setItem('lede-reader-id', 'x');
      const el = await votingElement(session);
      buttons(el)[0]!.click();
      await until(() => el.status === 'voted', 'the vote');
      const [post] = await posts(session);
      expect((post!.body as { readerId: string }).readerId).to.match(/^[0-9a-f-]{36}$/);
      expect(localStorage.getItem('lede-reader-id')).to.equal((post!.body as { readerId: string }).readerId);
    });

    it("gets the counts from the vote's own answer, and after a vote shows shares as bars and percentages in text", async () => {
      const articleId = newArticle();
      await seedVote(session, articleId, 'deal');
      const el = await votingElement(session, articleId);
      expect(
        (await session.requests('votes')).map((r) => r.method),
        'no counts request before a vote',
      ).to.deep.equal(['POST']);
      expect(el.counts).to.be.undefined;
      expect($(el, '[part="result"]'), 'no results before voting').to.have.length(0);
      expect(pressed(el)).to.deep.equal(['false', 'false', 'false']);

      const events: string[] = [];
      let voted: LedeVotedDetail | undefined;
      el.addEventListener('lede-vote', (e) => events.push(`vote:${e.detail.articleId}:${e.detail.scenarioId}`));
      el.addEventListener('lede-voted', (e) => (voted = e.detail));
      buttons(el)[1]!.click();
      await until(() => el.status === 'voted', 'the vote to be counted');
      await el.updateComplete;

      const [, post, ...more] = await posts(session); // The first is the seed.
      expect(more).to.have.length(0);
      expect(post!.body).to.deep.equal({
        articleId,
        scenarioId: 'rivals',
        readerId: localStorage.getItem('lede-reader-id'),
      });
      expect(localStorage.getItem('lede-reader-id')).to.match(/^[0-9a-f-]{36}$/);
      expect(post!.headers['idempotency-key']).to.be.a('string').and.not.empty;
      expect(events).to.deep.equal([`vote:${articleId}:rivals`]);
      expect(voted).to.deep.equal({ articleId, scenarioId: 'rivals', counts: { deal: 1, rivals: 1 } });
      expect(pressed(el)).to.deep.equal(['false', 'true', 'false']);
      expect(buttons(el).map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true', 'true']);
      expect(texts(el, '[part="result"]')).to.deep.equal([
        `${percent(0.5)} of votes`,
        `${percent(0.5)} of votes`,
        `${percent(0)} of votes`,
      ]);
      expect($(el, '[part="result"] svg rect').map((r) => r.getAttribute('width'))).to.deep.equal(['50', '50', '0']);
      expect(status(el)).to.equal(
        `Thanks for voting. Here is what readers expect. Most votes: A new deal and Rival hubs (${percent(0.5)}).`,
      );
      expect(localStorage.getItem(`lede-vote:${articleId}`)).to.equal('rivals');
    });

    it("formats the shares in the element's language", async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <lede-scenarios
            .scenarios=${data}
            .counts=${{ deal: 1, rivals: 2 }}
            .status=${'voted'}
            strings='{"share":"{percent} ({count} von {total})"}'
          ></lede-scenarios>
        </div>`,
      );
      const el = wrapper.querySelector('lede-scenarios')!;
      await until(() => el.counts !== undefined && texts(el, '[part="result"]').length === 3, 'the results');
      expect(texts(el, '[part="result"]')[1]).to.equal(`${percent(2 / 3, 'de')} (2 von 3)`);
    });

    it('retries a 500 with the same Idempotency-Key and counts the vote once', async () => {
      const el = await votingElement(session);
      await session.fail('votes', { status: 500 });
      buttons(el)[0]!.click();
      buttons(el)[1]!.click(); // A second click while sending is ignored.
      await el.updateComplete;
      expect(status(el)).to.equal('Sending your vote…');
      await until(() => el.status === 'voted', 'the retried vote');
      const sent = await posts(session);
      expect(sent).to.have.length(2);
      expect(sent[0]!.headers['idempotency-key']).to.equal(sent[1]!.headers['idempotency-key']);
      expect((await session.log()).votes[el.articleId!]).to.deep.equal({ deal: 1 });
    });

    it('keeps a vote made offline, tells the reader, and sends it exactly once when back online', async () => {
      const el = await votingElement(session);
      let voted = 0;
      el.addEventListener('lede-voted', () => voted++);
      await goOffline(800);
      buttons(el)[2]!.click();
      await until(() => el.status === 'saved', 'the vote to be saved');
      await el.updateComplete;
      expect(status(el)).to.equal('Your vote is saved and will be sent when the connection is back.');
      expect(pressed(el)).to.deep.equal(['false', 'false', 'true']);
      expect(pending('votes')).to.have.length(1);
      await expectNoAxeViolations(el);
      expect(await posts(session).catch(() => [])).to.have.length(0);
      await until(() => el.status === 'voted', 'the saved vote to be sent', 8000);
      await el.updateComplete;
      expect(await posts(session)).to.have.length(1);
      expect(voted).to.equal(1);
      expect(pending('votes')).to.have.length(0);
      expect(texts(el, '[part="result"]')[2]).to.equal(`${percent(1)} of votes`);
    });

    it('page unloading mid-way (pagehide): the vote in flight is kept in the outbox with the same key, and remembered', async () => {
      const el = await votingElement(session);
      await session.fail('votes', { delay: 300 });
      buttons(el)[1]!.click();
      await until(() => el.status === 'sending', 'the vote to start');
      dispatchEvent(new PageTransitionEvent('pagehide'));
      const [entry] = pending('votes');
      expect(entry?.meta).to.deep.equal({ articleId: el.articleId, scenarioId: 'rivals' });
      expect(localStorage.getItem(`lede-vote:${el.articleId}`)).to.equal('rivals');
      await until(() => el.status === 'voted', 'the vote to arrive');
      const [post] = await posts(session);
      expect(post!.headers['idempotency-key']).to.equal(entry!.idempotencyKey);
      // The page stayed (as one restored from the back/forward cache does): the answered vote leaves
      // the outbox, so it is not sent again.
      expect(pending('votes')).to.have.length(0);
    });

    it('sends a vote saved on an earlier visit when the element connects', async () => {
      const articleId = newArticle();
      const first = await votingElement(session, articleId);
      await goOffline(300);
      buttons(first)[0]!.click();
      await until(() => first.status === 'saved', 'the vote to be saved');
      first.remove();
      await until(() => navigator.onLine, 'the tab to come back online');
      const second = await votingElement(session, articleId);
      await until(() => second.status === 'voted', 'the saved vote to be sent');
      expect((await posts(session)).map((r) => r.body)).to.deep.equal([
        { articleId, scenarioId: 'deal', readerId: localStorage.getItem('lede-reader-id') },
      ]);
    });

    it('sends nothing when a lede-vote listener cancels', async () => {
      const el = await votingElement(session);
      el.addEventListener('lede-vote', (e) => e.preventDefault());
      buttons(el)[0]!.click();
      await el.updateComplete;
      expect(el.status).to.equal('idle');
      expect(pressed(el)).to.deep.equal(['false', 'false', 'false']);
      expect(await posts(session)).to.have.length(0);
      expect(localStorage.getItem(`lede-vote:${el.articleId}`)).to.be.null;
    });

    it('shows the choice after a reload and does not vote again', async () => {
      const articleId = newArticle();
      const first = await votingElement(session, articleId);
      buttons(first)[1]!.click();
      await until(() => first.status === 'voted', 'the vote');
      first.remove();

      const second = await votingElement(session, articleId);
      await second.updateComplete;
      expect(second.status).to.equal('voted');
      expect(pressed(second)).to.deep.equal(['false', 'true', 'false']);
      expect(texts(second, '[part="result"]')[1]).to.equal(`${percent(1)} of votes`);
      expect((await session.requests('votes')).map((r) => r.method)).to.deep.equal(['POST', 'GET']);
      buttons(second)[0]!.click();
      await second.updateComplete;
      expect(await posts(session)).to.have.length(1);
      expect(pressed(second)).to.deep.equal(['false', 'true', 'false']);
    });

    it('starts afresh when the article id changes', async () => {
      const el = await votingElement(session);
      buttons(el)[0]!.click();
      await until(() => el.status === 'voted', 'the vote');
      el.articleId = newArticle();
      await el.updateComplete;
      expect(el.status).to.equal('idle');
      expect(pressed(el)).to.deep.equal(['false', 'false', 'false']);
      expect($(el, '[part="result"]')).to.have.length(0);
      expect(el.counts, 'no counts until the reader votes on the new article').to.be.undefined;
      expect((await session.requests('votes')).map((r) => r.method)).to.deep.equal(['POST']);
    });

    for (const fault of [{ status: 500 }, { status: 200, body: '<html>not json</html>' }]) {
      it(`keeps the reader's choice shown when the counts fail to load (${fault.status}${fault.body ? ', bad JSON' : ''})`, async () => {
        await session.fail('votes', fault, fault);
        const articleId = newArticle();
        localStorage.setItem(`lede-vote:${articleId}`, 'rivals');
        const el = await fixture<LedeScenarios>(
          html`<lede-scenarios
            vote-endpoint=${session.url('votes')}
            article-id=${articleId}
            .scenarios=${data}
          ></lede-scenarios>`,
        );
        await until(() => errors.details.length > 0, 'a lede-error');
        expect(errors.details[0]).to.include({ field: 'vote-endpoint' });
        // The one mapping of delivery failures: an answer that is not JSON is invalid-json, a 500 is http.
        expect(errors.details[0]!.code).to.equal(fault.body ? 'invalid-json' : 'http');
        expect(errors.details[0]!.message).to.contain('counts could not be loaded');
        await el.updateComplete;
        expect(pressed(el)).to.deep.equal(['false', 'true', 'false']);
        expect(status(el)).to.equal('Thanks for voting. Here is what readers expect.');
        expect(await posts(session)).to.have.length(0);
      });
    }

    it("shows the endpoint's message when it refuses a vote, and lets the reader try again", async () => {
      const el = await votingElement(session);
      await session.fail('votes', { status: 422, body: { error: 'Voting has closed.' } });
      buttons(el)[0]!.click();
      await until(() => el.status === 'error', 'the refusal');
      await el.updateComplete;
      expect(status(el)).to.equal('Voting has closed.');
      expect(errors.details[0]).to.include({ code: 'http', field: 'vote-endpoint' });
      expect(buttons(el).map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['false', 'false', 'false']);
      await expectNoAxeViolations(el);
      buttons(el)[1]!.click();
      await until(() => el.status === 'voted', 'the second try');
      expect((await posts(session)).map((r) => (r.body as { scenarioId: string }).scenarioId)).to.deep.equal([
        'deal',
        'rivals',
      ]);
    });

    it('defaults the article id to the canonical URL, else the page URL without the hash', async () => {
      const el = await fixture<LedeScenarios>(html`<lede-scenarios .scenarios=${data}></lede-scenarios>`);
      expect(el.article).to.equal(location.href.split('#')[0]);
      const link = Object.assign(document.createElement('link'), {
        rel: 'canonical',
        href: 'https://example.org/story',
      });
      document.head.append(link);
      try {
        localStorage.setItem('lede-vote:https://example.org/story', 'deal'); // A vote here before: the counts are loaded.
        el.voteEndpoint = session.url('votes');
        await until(() => el.counts !== undefined, 'the counts');
        expect((await session.requests('votes')).map((r) => r.method)).to.deep.equal(['GET']);
        expect(el.article).to.equal('https://example.org/story');
      } finally {
        link.remove();
      }
    });
  });

  describe('closes and show-results', () => {
    const resultTexts = (el: LedeScenarios) => texts(el, '[part="result"]');

    it('after the closes date: results from the endpoint, no vote buttons, and a closed message', async () => {
      const articleId = newArticle();
      await seedVote(session, articleId, 'deal');
      await seedVote(session, articleId, 'rivals');
      await seedVote(session, articleId, 'rivals');
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          vote-endpoint=${session.url('votes')}
          article-id=${articleId}
          closes="2020-01-01T00:00:00Z"
          .scenarios=${data}
        ></lede-scenarios>`,
      );
      expect(el.closed).to.equal(true);
      await until(() => el.counts !== undefined, 'the counts to load');
      await el.updateComplete;
      expect(buttons(el)).to.have.length(0);
      expect(resultTexts(el)).to.deep.equal([
        `${percent(1 / 3)} of votes`,
        `${percent(2 / 3)} of votes`,
        `${percent(0)} of votes`,
      ]);
      expect(status(el)).to.equal(
        `Voting has closed. Here is what readers expected. Most votes: Rival hubs (${percent(2 / 3)}).`,
      );
      expect((await posts(session)).length, 'only the three seeds were posted').to.equal(3);
      await expectNoAxeViolations(el);
    });

    it('before the closes date: voting as usual; at that moment the buttons go and the results come', async () => {
      const articleId = newArticle();
      await seedVote(session, articleId, 'drift');
      const closes = new Date(Date.now() + 600).toISOString();
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          vote-endpoint=${session.url('votes')}
          article-id=${articleId}
          closes=${closes}
          .scenarios=${data}
        ></lede-scenarios>`,
      );
      expect(el.closed).to.equal(false);
      expect(buttons(el)).to.have.length(3);
      expect(resultTexts(el)).to.have.length(0);
      await until(() => buttons(el).length === 0, 'the buttons to go when voting closes', 3000);
      await until(() => resultTexts(el).length === 3, 'the results to show', 3000);
      expect(resultTexts(el)[2]).to.equal(`${percent(1)} of votes`);
      expect(errors.details).to.have.length(0);
    });

    it('show-results: the results for a reader who has not voted, with the vote buttons still there', async () => {
      const articleId = newArticle();
      await seedVote(session, articleId, 'deal');
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          vote-endpoint=${session.url('votes')}
          article-id=${articleId}
          show-results
          .scenarios=${data}
        ></lede-scenarios>`,
      );
      await until(() => resultTexts(el).length === 3, 'the results to show');
      expect(resultTexts(el)[0]).to.equal(`${percent(1)} of votes`);
      expect(pressed(el)).to.deep.equal(['false', 'false', 'false']);
      buttons(el)[1]!.click();
      await until(() => el.status === 'voted', 'the vote to be counted');
      await el.updateComplete;
      expect(resultTexts(el).slice(0, 2)).to.deep.equal([`${percent(0.5)} of votes`, `${percent(0.5)} of votes`]);
      await expectNoAxeViolations(el);
    });

    it('show-results set later fetches the counts; a host-set counts needs no endpoint', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios .scenarios=${data} .counts=${{ deal: 3, rivals: 1 }}></lede-scenarios>`,
      );
      expect(resultTexts(el)).to.have.length(0);
      el.showResults = true;
      await el.updateComplete;
      expect(resultTexts(el)).to.deep.equal([
        `${percent(0.75)} of votes`,
        `${percent(0.25)} of votes`,
        `${percent(0)} of votes`,
      ]);
      expect(buttons(el)).to.have.length(0);
    });

    it('reports a closes value that is not a date, and keeps voting open', async () => {
      const el = await fixture<LedeScenarios>(
        html`<lede-scenarios
          vote-endpoint=${session.url('votes')}
          closes="next friday"
          .scenarios=${data}
        ></lede-scenarios>`,
      );
      expect(errors.details).to.have.length(1);
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'closes' });
      expect(errors.details[0]!.message).to.contain('"next friday" is not an ISO 8601 date');
      expect(buttons(el)).to.have.length(3);
    });
  });

  describe('keyboard, layout and accessibility', () => {
    it('votes with the keyboard: Tab to a button, then Enter or Space', async () => {
      for (const key of ['Enter', ' ']) {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div>
            <button id="before">before</button>
            <lede-scenarios
              vote-endpoint=${session.url('votes')}
              article-id=${newArticle()}
              .scenarios=${data}
            ></lede-scenarios>
          </div>`,
        );
        const el = wrapper.querySelector('lede-scenarios')!;
        await el.updateComplete;
        wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: key === ' ' ? 'Space' : key });
        await until(() => el.status === 'voted', `a vote by ${key === ' ' ? 'Space' : key}`);
        expect(pressed(el)).to.deep.equal(['false', 'true', 'false']);
        expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(buttons(el)[1]);
      }
      expect(await posts(session)).to.have.length(2);
    });

    it('is one column without horizontal scroll at 320 px', async () => {
      await setViewport({ width: 320, height: 800 });
      try {
        const long = [
          ...data,
          { id: 'long', title: 'Averyveryverylongtitlewithoutanyspacesthatmustwrapsomehow', summary: 'x'.repeat(200) },
        ];
        const el = await fixture<LedeScenarios>(
          html`<lede-scenarios
            vote-endpoint=${session.url('votes')}
            .scenarios=${long}
            .counts=${{ deal: 3 }}
            .status=${'voted'}
          ></lede-scenarios>`,
        );
        await el.updateComplete;
        const cards = $(el, '[part="card"]').map((c) => c.getBoundingClientRect());
        expect(new Set(cards.map((r) => Math.round(r.left))).size, 'one column').to.equal(1);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        for (const r of cards) expect(r.right).to.be.at.most(320);
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });

    it('lays out several columns when wide', async () => {
      await setViewport({ width: 1024, height: 768 });
      const el = await fixture<LedeScenarios>(html`<lede-scenarios .scenarios=${data}></lede-scenarios>`);
      const cards = $(el, '[part="card"]').map((c) => Math.round(c.getBoundingClientRect().top));
      expect(new Set(cards).size).to.equal(1);
    });

    it('has no axe violations idle, after voting, and in the dark theme', async () => {
      const el = await votingElement(session);
      await expectNoAxeViolations(el);
      buttons(el)[0]!.click();
      await until(() => el.status === 'voted', 'the vote');
      await el.updateComplete;
      await expectNoAxeViolations(el);
      el.theme = 'dark';
      await el.updateComplete;
      await expectNoAxeViolations(el);
    });

    it('has no axe violations while sending and inheriting a dark page', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background:#111;color:#eee;padding:1rem">
          <lede-scenarios
            vote-endpoint=${session.url('votes')}
            article-id=${newArticle()}
            .scenarios=${data}
          ></lede-scenarios>
        </div>`,
      );
      const el = wrapper.querySelector('lede-scenarios')!;
      await el.updateComplete;
      await session.fail('votes', { delay: 400 });
      buttons(el)[0]!.click();
      await el.updateComplete;
      expect(el.status).to.equal('sending');
      await expectNoAxeViolations(wrapper);
      await until(() => el.status === 'voted', 'the vote');
      await el.updateComplete;
      await expectNoAxeViolations(wrapper);
    });
  });
});
