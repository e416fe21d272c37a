import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LedeElement } from '../core/base-element.js';
import { emit } from '../core/events.js';
import { ownCopy } from '../core/own.js';
import { fetchSource, parseSourceJson, reportSourceError } from '../core/source.js';
import type { LedeDocument } from './document.js';
import schema from './schema.json';
import { validate, type Schema } from './validate.js';

export type { LedeDocument } from './document.js';

/** The parts a document can have, in the order they are rendered, with the element for each. */
const PARTS = [
  ['body', 'lede-article'],
  ['keyPoints', 'lede-key-points'],
  ['scenarios', 'lede-scenarios'],
  ['commentPrompt', 'lede-comment-prompt'],
  ['newsletter', 'lede-newsletter'],
] as const;

type Part = (typeof PARTS)[number][0];

/**
 * The heading level of the parts after the article (key points, scenarios, comment prompt,
 * newsletter): beside the article's own sections (the highest heading of its body), so they do not
 * fall under its last section; under the headline when the body has no headings.
 */
function partsLevel(level: number, body: unknown): number {
  const levels = [...String(body ?? '').matchAll(/<h([1-6])[\s>]/gi)].map((m) => Number(m[1]));
  return Math.min(levels.length ? Math.max(Math.min(...levels), level) : level + 1, 6);
}
const defaultStrings = {
  /** Shown while `src` is fetched. */
  loading: 'Loading the story…',
  loadFailed: 'The story could not be loaded.',
};

export type StoryStrings = typeof defaultStrings;

type Shown = { doc: Partial<LedeDocument>; valid: Set<Part> };

/**
 * @summary A whole article from one Lede document: the article, then key points, scenarios,
 * comment prompt and newsletter, for the parts the document has.
 *
 * @description The document comes from the `document` property, else from `src` (JSON). It is
 * checked against the package's JSON Schema (`lede/schema.json`); every problem is reported with
 * the path of the bad field, and the parts without problems still render. Each part is rendered
 * by tag name: a part whose element is not registered stays an empty tag until it is (the
 * script-tag loader, `dist/lede.js`, finds it there and loads it), so a page that loads only some
 * elements shows only those parts. The headline is at `heading-level` (use 1 where the story is the page's
 * main content); the parts after the article sit beside its sections (the highest heading of the
 * body, usually h2), or under the headline when the body has no headings.
 *
 * @fires lede-load - The `src` document is shown. `detail: { src, kind: 'document' }`.
 * @fires lede-error - The document is invalid (`field` is the path, like `scenarios.items[2].title`) or `src` could not be loaded.
 *
 * @csspart base - The wrapper of the parts; each part keeps its own margins.
 * @csspart status - The polite status line while `src` loads or after it failed (visually hidden otherwise).
 */
export class LedeStory extends LedeElement<StoryStrings> {
  static override properties = {
    src: {},
    document: { attribute: false },
    fromSrc: { state: true, attribute: false },
    loadState: { state: true, attribute: false },
  };

  /** URL of a Lede document (JSON). */
  src?: string;

  /** The Lede document. Takes precedence over `src`. */
  document?: LedeDocument;

  private fromSrc?: unknown;

  /** Where fetching `src` stands: shown as a one-line status until the document is there. */
  private loadState?: 'loading' | 'failed';

  #shown?: Shown;
  #fetching?: AbortController;

  protected get defaultStrings() {
    return defaultStrings;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') && !isServer) void this.#load(); // A server renders a `document` only.
    if (changed.has('document') || changed.has('fromSrc' as keyof LedeStory)) {
      const doc = this.document ?? this.fromSrc;
      // Read as a copy without prototypes: a polluted `Object.prototype.newsletter` adds no part.
      this.#shown = doc === undefined ? undefined : this.#check(ownCopy(doc));
    }
  }

  /** Reports every problem by path and keeps the parts that have none. */
  #check(doc: unknown): Shown | undefined {
    const problems = validate(doc, schema as Schema);
    for (const { path, problem } of problems) this.reportProblem('invalid-document', path, problem);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
    // The part a problem belongs to: its top-level key, where the article owns the fields that are no part (headline, url…).
    const bad = new Set(
      problems
        .map(({ path }) => path.split(/[.[]/)[0])
        .map((key) => (PARTS.some(([part]) => part === key) ? key : 'body')),
    );
    const valid = new Set<Part>(PARTS.filter(([key]) => !bad.has(key) && Object.hasOwn(doc, key)).map(([key]) => key));
    return { doc: doc as Partial<LedeDocument>, valid };
  }

  async #load(): Promise<void> {
    this.#fetching?.abort();
    const src = this.src;
    if (!src) return;
    const controller = (this.#fetching = new AbortController());
    this.loadState = 'loading';
    try {
      const { text } = await fetchSource(src, controller.signal, { Accept: 'application/json' });
      this.fromSrc = parseSourceJson(text);
      this.loadState = undefined;
      await this.updateComplete;
      if (this.#shown) emit(this, 'lede-load', { src, kind: 'document' });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadState = 'failed';
      reportSourceError(this, error);
    } finally {
      // Still set after an abort: a story moved in the page mid-load loads again on reconnect.
      if (!controller.signal.aborted) this.#fetching = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#fetching?.signal.aborted) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#fetching?.abort();
  }

  #renderPart(part: Part, doc: Partial<LedeDocument>): TemplateResult | typeof nothing {
    const level = this.level;
    const inner = partsLevel(level, doc.body);
    const theme = this.theme ?? nothing;
    switch (part) {
      case 'body':
        return html`<lede-article
          heading-level=${level}
          theme=${theme}
          headline=${doc.headline ?? nothing}
          dek=${doc.dek ?? nothing}
          byline=${doc.byline ?? nothing}
          published=${doc.published ?? nothing}
          updated=${doc.updated ?? nothing}
          .content=${doc.body}
          reading-time
          toc
        ></lede-article>`;
      case 'keyPoints': {
        const p = doc.keyPoints!;
        return html`<lede-key-points
          heading-level=${inner}
          theme=${theme}
          heading=${p.heading ?? nothing}
          ?ordered=${p.ordered === true}
          .points=${p.items}
        ></lede-key-points>`;
      }
      case 'scenarios': {
        const p = doc.scenarios!;
        return html`<lede-scenarios
          heading-level=${inner}
          theme=${theme}
          heading=${p.heading ?? nothing}
          vote-endpoint=${p.voteEndpoint ?? nothing}
          closes=${p.closes ?? nothing}
          ?show-results=${p.showResults === true}
          article-id=${doc.url ?? nothing}
          .scenarios=${p.items}
        ></lede-scenarios>`;
      }
      case 'commentPrompt': {
        const p = doc.commentPrompt!;
        return html`<lede-comment-prompt
          heading-level=${inner}
          theme=${theme}
          heading=${p.heading ?? nothing}
          prompt=${p.prompt ?? nothing}
          comments-href=${p.commentsHref ?? nothing}
          count-src=${p.countSrc ?? nothing}
          share=${p.share?.join(' ') ?? nothing}
          hashtag=${p.hashtag ?? nothing}
          handle=${p.handle ?? nothing}
          url=${doc.url ?? nothing}
          .title=${doc.headline ?? ''}
        ></lede-comment-prompt>`;
      }
      default: {
        const p = doc.newsletter!;
        return html`<lede-newsletter
          heading-level=${inner}
          theme=${theme}
          action=${p.action}
          provider=${p.provider ?? nothing}
          heading=${p.heading ?? nothing}
          text=${p.text ?? nothing}
          consent=${p.consent ?? nothing}
          list=${p.list ?? nothing}
        ></lede-newsletter>`;
      }
    }
  }

  protected override render() {
    const state = this.loadState;
    // Polite and one line: "loading" until the document is there, then the parts (or "could not be loaded").
    const status = this.src
      ? html`<p part="status" role="status" class=${state ? '' : 'visually-hidden'}>
          ${state ? this.say(state === 'loading' ? 'loading' : 'loadFailed') : ''}
        </p>`
      : nothing;
    if (!this.#shown) return status;
    const { doc, valid } = this.#shown;
    return html`<div part="base">
        ${PARTS.map(([part]) => (valid.has(part) ? this.#renderPart(part, doc) : nothing))}
      </div>
      ${status}`;
  }
}
