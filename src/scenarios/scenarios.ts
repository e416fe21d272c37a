import { html, isServer, nothing, type PropertyValues } from 'lit';
import { composeName, nameText } from '../core/accessible-name.js';
import { remember } from '../core/remember.js';
import { LedeElement } from '../core/base-element.js';
import { DataSourceController, type DataSource } from '../core/data-source.js';
import {
  deliver,
  describeFailure,
  newIdempotencyKey,
  nextTask,
  type DeliveryRequest,
  type DeliveryResult,
} from '../core/delivery.js';
import { describeValue } from '../core/errors.js';
import { emit } from '../core/events.js';
import { renderHeading, type HeadingLevel } from '../core/heading.js';
import { intl } from '../core/intl.js';
import { resolveLang } from '../core/locale.js';
import { OutboxController } from '../core/outbox-controller.js';
import { parseOwnJson, toJson } from '../core/own.js';
import { canonicalUrl } from '../core/page.js';
import { format } from '../core/strings.js';
import { countOf, readCounts, scenariosFromList, validateScenarios, type Scenario } from './data.js';
import { readerId } from './reader-id.js';
import { scenariosStyles } from './scenarios.styles.js';

export type { Scenario } from './data.js';

const defaultStrings = {
  /** The heading shown when the `heading` attribute is not set. */
  heading: 'What could happen next',
  /** The visible label of each vote button. */
  vote: 'Most likely',
  /** The accessible name of each vote button: `{vote}` (keep it, so speech input finds the button) and `{title}`. */
  voteName: '{vote}: {title}',
  /** A scenario's result: `{percent}`, `{count}` and `{total}` are replaced. */
  share: '{percent} of votes',
  sending: 'Sending your vote…',
  saved: 'Your vote is saved and will be sent when the connection is back.',
  results: 'Thanks for voting. Here is what readers expect.',
  /** Announced after `results` and `closed`: `{title}` is the scenario with most votes (those tied, listed), `{percent}` its share. */
  leading: 'Most votes: {title} ({percent}).',
  /** Shown after the `closes` date, with the results and no vote buttons. */
  closed: 'Voting has closed. Here is what readers expected.',
  /** Shown when the endpoint refuses a vote without a message of its own. */
  error: 'Your vote could not be sent. Please try again.',
};

export type ScenariosStrings = typeof defaultStrings;

/** Where the scenarios came from, in order of precedence. */
export type ScenariosSource = DataSource;

/** Where voting stands: nothing yet, sending, saved in the outbox, counted (results shown), or failed. */
export type VoteStatus = 'idle' | 'sending' | 'saved' | 'voted' | 'error';

export interface LedeVoteDetail {
  articleId: string;
  scenarioId: string;
}

export interface LedeVotedDetail extends LedeVoteDetail {
  /** Votes per scenario id, as the endpoint answered. */
  counts: Record<string, number>;
}

declare global {
  interface HTMLElementEventMap {
    'lede-vote': CustomEvent<LedeVoteDetail>;
    'lede-voted': CustomEvent<LedeVotedDetail>;
  }
}

const CHANNEL = 'votes';

/** Whether a stored request is a vote this element could have written: JSON of string ids, nothing else. */
function isVoteRequest({ headers, body }: DeliveryRequest): boolean {
  try {
    const { articleId, scenarioId, readerId = '', ...rest } = parseOwnJson(body!) as Record<string, unknown>;
    return (
      toJson(headers) === '{"Content-Type":"application/json"}' &&
      [articleId, scenarioId, readerId].every((id) => typeof id === 'string') &&
      !Object.keys(rest).length
    );
  } catch {
    return false;
  }
}

/** Where a reader's vote on one article is remembered. */
const voteKey = (articleId: string): string => `lede-vote:${articleId}`;

/**
 * @tagname lede-scenarios
 * @summary Scenario cards ("what could happen next"), optionally with reader predictions.
 *
 * @description Data comes from the `scenarios` property, else the `scenarios` attribute (JSON),
 * else the HTML children: a `<ul>` or `<ol>` of `<li><strong>Title:</strong> summary</li>`, whose
 * ids are derived from the titles. With `vote-endpoint`, each card gets an `aria-pressed` button:
 * the reader picks the most likely scenario once per article (remembered in localStorage), and
 * sees the shares of all votes afterwards. Each vote carries a `readerId`: a random id made once
 * per site and kept in localStorage (`lede-reader-id`), nothing about the reader, so the endpoint can
 * count one vote per reader and article. A vote that cannot be sent waits in the shared outbox
 * and is sent when the reader is back online or returns.
 *
 * With `closes`, voting ends at that date: the cards then show the results and no buttons.
 * `show-results` shows the results to every reader, voted or not.
 *
 * @fires lede-vote - Before a vote is sent; cancelable: a host that calls `preventDefault()` handles it and nothing is sent. `detail: { articleId, scenarioId }`.
 * @fires lede-voted - The endpoint counted the vote. `detail: { articleId, scenarioId, counts }`.
 * @fires lede-error - Bad input, counts that cannot be loaded, or a refused vote. `detail: { code, message, field }`.
 *
 * @csspart base - The `<section>` that wraps everything.
 * @csspart heading - The heading.
 * @csspart list - The grid of cards (`<ul>`).
 * @csspart card - Each scenario card (`<li>`).
 * @csspart title - A card's heading.
 * @csspart summary - A card's summary.
 * @csspart vote - A card's vote button.
 * @csspart result - A card's share of the votes: a bar and the percentage.
 * @csspart status - The live region that tells the reader how the vote is going.
 *
 * @cssprop [--lede-scenarios-card-background=a 5% tint of the text colour] - Background of a card.
 * @cssprop [--lede-scenarios-accent-color=var(--lede-accent-color)] - Buttons, the chosen card and the bars.
 * @cssprop [--lede-scenarios-card-min-width=14rem] - The narrowest a card gets before the grid drops a column.
 * @cssprop [--lede-scenarios-gap=1rem] - Space between cards.
 * @cssprop [--lede-scenarios-heading-size=1.25em] - Font size of the heading.
 */
export class LedeScenarios extends LedeElement<ScenariosStrings> {
  static override styles = [...LedeElement.styles, scenariosStyles];

  static override properties = {
    heading: {},
    scenarios: { attribute: false },
    scenariosAttribute: { attribute: 'scenarios' },
    voteEndpoint: { attribute: 'vote-endpoint' },
    articleId: { attribute: 'article-id' },
    counts: { attribute: false },
    choice: { attribute: false },
    status: { attribute: false },
    closes: {},
    showResults: { attribute: 'show-results', type: Boolean },
  };

  /** The heading text. Defaults to the children's heading, else "What could happen next". */
  heading?: string;

  /** When voting ends (ISO 8601, such as `2026-12-31T23:00:00Z`): from then on the cards show the results and no vote buttons. */
  closes?: string;

  /** Shows the results to every reader, also before (or without) voting. */
  showResults = false;

  /** The scenarios, as plain text. Takes precedence over the attribute and the children. */
  scenarios?: Scenario[];

  /** The scenarios as JSON: `scenarios='[{"id":"a","title":"…","summary":"…"}]'` (a missing id is derived from the title). */
  scenariosAttribute?: string;

  /** The votes URL: `POST { articleId, scenarioId, readerId }` and `GET ?articleId=` (only for a reader who voted before) both answer `{ counts }`. Voting is off without it. */
  voteEndpoint?: string;

  /** What the votes are about. Defaults to the page's canonical URL, else its URL without the hash. */
  articleId?: string;

  /** Votes per scenario id: loaded from the endpoint; a host that handles votes itself may set it. */
  counts?: Record<string, number>;

  /** The id of the scenario the reader picked (remembered per article). */
  choice?: string;

  /** Where voting stands; results are shown in `voted`. Set by the element, or by a host that handles votes. */
  status: VoteStatus = 'idle';

  /** The endpoint's own reason for refusing a vote (shown with the `error` status, which re-renders). */
  #refusal?: string;

  readonly #data = new DataSourceController<Scenario>(this, {
    name: 'scenarios',
    property: () => this.scenarios,
    attribute: () => this.scenariosAttribute,
    validate: validateScenarios,
    fromChildren: scenariosFromList,
    report: (code, field, problem) => this.reportProblem(code, field, problem),
  });
  /** The counts GET on its way; aborted when the element leaves the page or the article changes. */
  #counts?: AbortController;
  #closing?: ReturnType<typeof setTimeout>;
  /** Votes that could not be sent wait in the outbox; one kept as the page goes away is remembered too. */
  #outbox = new OutboxController(this, {
    channel: CHANNEL,
    endpoint: () => this.voteEndpoint,
    accepts: isVoteRequest,
    onResult: ({ meta }, result) => {
      if (meta?.articleId === this.article) this.#settle(meta.scenarioId as string, result);
    },
    onKept: ({ meta }) => remember(voteKey(meta!.articleId as string), meta!.scenarioId as string),
  });

  protected get defaultStrings(): ScenariosStrings {
    return defaultStrings;
  }

  /** Where the scenarios on screen came from. */
  get source(): ScenariosSource {
    return this.#data.value.source;
  }

  /** The article id in use: `article-id`, else the canonical URL, else the page URL without the hash. */
  get article(): string {
    return this.articleId || canonicalUrl() || location.href.split('#')[0]!;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back in the page while the counts were loading: the disconnect aborted that request.
    if (this.#counts?.signal.aborted) void this.#fetchCounts();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#closing);
    this.#counts?.abort(); // A removed element fetches nothing (and retries nothing).
  }

  /** Whether the `closes` date has passed: no more votes, results for everyone. */
  get closed(): boolean {
    return Date.parse(this.closes ?? '') <= Date.now();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('closes')) this.#watchClosing();
    // The reader's vote and the counts are the browser's to read (a server renderer has neither).
    if ((changed.has('voteEndpoint') || changed.has('articleId')) && this.voteEndpoint && !isServer)
      this.#load(this.voteEndpoint);
    else if ((changed.has('closes') || changed.has('showResults')) && this.hasUpdated) this.#fetchResults();
  }

  /** Recalls the reader's vote on this article, and fetches the current counts when they are shown. */
  #load(endpoint: string): void {
    const articleId = this.article;
    const stored = remember(voteKey(articleId));
    // On the first load what a host set (choice, counts, status) stands unless this reader voted here already.
    const keep = !this.hasUpdated;
    if (!keep) this.counts = undefined;
    this.choice = stored ?? (keep ? this.choice : undefined);
    const saved = this.#outbox.pending.some((e) => e.meta?.articleId === articleId);
    this.status = saved ? 'saved' : stored ? 'voted' : keep ? this.status : 'idle';
    this.#counts?.abort();
    this.#counts = undefined;
    // Results are shown only after a vote: a reader who has not voted here gets the counts in the
    // vote's own answer (and a saved vote gets them when the outbox sends it), so no GET is needed.
    if (endpoint && this.status === 'voted' && !this.counts) void this.#fetchCounts();
    else this.#fetchResults();
  }

  /** Results for everyone (`show-results`, or voting closed): fetches the counts if none are here or on their way. */
  #fetchResults(): void {
    if ((this.showResults || this.closed) && this.voteEndpoint && !this.counts && !this.#counts && !isServer)
      void this.#fetchCounts();
  }

  /** Reports a bad `closes`, and re-renders (with the results) at the moment voting closes. */
  #watchClosing(): void {
    clearTimeout(this.#closing);
    const at = Date.parse(this.closes ?? '');
    if (this.closes && Number.isNaN(at))
      this.reportProblem('invalid-attribute', 'closes', `${describeValue(this.closes)} is not an ISO 8601 date`);
    const wait = at - Date.now();
    // setTimeout holds at most about 24.8 days; a page open longer than that is not worth a timer.
    if (wait > 0 && wait < 2 ** 31 && !isServer)
      this.#closing = setTimeout(() => {
        this.requestUpdate();
        this.#fetchResults();
      }, wait);
  }

  /** GETs the counts for the article; aborted (not retried, not reported) when the element leaves the page. */
  async #fetchCounts(): Promise<void> {
    const request = (this.#counts = new AbortController());
    const { signal } = request;
    // The first render does not wait for the request to start.
    await nextTask();
    const endpoint = this.voteEndpoint;
    if (signal.aborted || !endpoint) return;
    const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}articleId=${encodeURIComponent(this.article)}`;
    const result = await deliver({ url, method: 'GET' }, { retries: 1, signal });
    if (signal.aborted) return;
    this.#counts = undefined;
    const counts = result.ok ? readCounts(result.data) : undefined;
    if (counts)
      this.counts ??= counts; // A vote's own answer may have arrived first, and is newer.
    else this.#report(result, 'the current counts could not be loaded');
  }

  async #vote(scenarioId: string): Promise<void> {
    if (this.closed) return;
    if (this.choice || this.status === 'sending') return;
    const articleId = this.article;
    if (!emit(this, 'lede-vote', { articleId, scenarioId }, true)) return;
    this.status = 'sending';
    const request = {
      url: this.voteEndpoint!,
      headers: { 'Content-Type': 'application/json' },
      body: toJson({ articleId, scenarioId, readerId: readerId() }),
    };
    const result = await this.#outbox.send(request, newIdempotencyKey(), { articleId, scenarioId });
    if (result === 'saved') {
      this.choice = remember(voteKey(articleId), scenarioId);
      this.status = 'saved';
    } else this.#settle(scenarioId, result);
  }

  /** Shows the outcome of a vote sent now or from the outbox. */
  #settle(scenarioId: string, result: DeliveryResult): void {
    const articleId = this.article;
    if (result.ok) {
      this.choice = remember(voteKey(articleId), scenarioId);
      this.counts = readCounts(result.data) ?? {};
      this.status = 'voted';
      emit(this, 'lede-voted', { articleId, scenarioId, counts: this.counts });
      return;
    }
    this.choice = remember(voteKey(articleId), null);
    this.#refusal = result.outcome === 'refused' ? result.message : undefined;
    this.status = 'error';
    this.#report(result, 'the vote was not counted');
  }

  #report(result: DeliveryResult, what: string): void {
    if (result.ok) return this.reportProblem('invalid-json', 'vote-endpoint', `${what} (no { counts } in the answer)`);
    const [code, problem] = describeFailure(result);
    this.reportProblem(code, 'vote-endpoint', `${what}: it ${problem}`);
  }

  protected override render() {
    const { items: scenarios, heading } = this.#data.value;
    if (!scenarios.length) return nothing;
    const t = this.resolvedStrings;
    const closed = this.closed;
    const voting = !!this.voteEndpoint && !closed;
    const counts = this.status === 'voted' || this.showResults || closed ? this.counts : undefined;
    const total = counts ? scenarios.reduce((sum, s) => sum + countOf(counts, s.id), 0) : 0;
    // Only results need the formatter (Intl constructors are slow, and results are rare on a first render).
    const percent = counts && intl(Intl.NumberFormat, resolveLang(this), { style: 'percent' });
    const locked = !!this.choice || this.status === 'sending';
    // The results are announced with their figure: the scenario with most votes (those tied) and its share.
    const most = Math.max(...scenarios.map((s) => counts?.[s.id] ?? 0));
    const leading = total
      ? ` ${format(t.leading, {
          title: intl(Intl.ListFormat, resolveLang(this)).format(
            scenarios.filter((s) => (counts![s.id] ?? 0) === most).map((s) => s.title),
          ),
          percent: percent!.format(most / total),
        })}`
      : '';
    const message = closed
      ? this.mark(t.closed + leading, 'closed')
      : {
          idle: '',
          sending: this.say('sending'),
          saved: this.say('saved'),
          voted: this.mark(t.results + leading, 'results'),
          error: this.#refusal ?? this.say('error'),
        }[this.status];
    const card = (s: Scenario, i: number) => {
      const count = counts ? countOf(counts, s.id) : 0;
      const share = total ? count / total : 0;
      return html`<li part="card">
        ${renderHeading(Math.min(this.level + 1, 6) as HeadingLevel, `title${i}`, s.title, 'title')}
        <p part="summary">${s.summary}</p>
        ${
          counts
            ? html`<p part="result">
                <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                  <rect width=${share * 100} height="1"></rect></svg
                >${this.say('share', { percent: percent!.format(share), count, total })}
              </p>`
            : nothing
        }${
          voting
            ? html`<button
                  part="vote"
                  aria-pressed=${this.choice === s.id}
                  aria-disabled=${locked}
                  aria-labelledby="vote${i}"
                  @click=${this.listener(() => this.#vote(s.id))}
                >
                  ${this.say('vote')}
                </button>
                ${nameText(
                  `vote${i}`,
                  composeName(this.resolvedStrings.voteName, (words) => this.mark(words, 'voteName'), {
                    vote: this.say('vote'),
                    title: s.title,
                  }),
                )}`
            : nothing
        }
      </li>`;
    };
    return html`<section part="base" aria-labelledby="heading">
      ${renderHeading(this.level, 'heading', this.heading ?? heading ?? this.say('heading'))}
      <ul part="list">
        ${scenarios.map(card)}
      </ul>
      ${this.voteEndpoint ? html`<p part="status" role="status">${message}</p>` : nothing}
    </section>`;
  }
}
