import { html, isServer, nothing, type PropertyValues } from 'lit';
import { LedeElement } from '../core/base-element.js';
import { ChildrenController } from '../core/children-controller.js';
import { describeValue } from '../core/errors.js';
import { emit } from '../core/events.js';
import { renderHeading, type HeadingLevel } from '../core/heading.js';
import { intl } from '../core/intl.js';
import { resolveLang } from '../core/locale.js';
import { CONTENT_ID_PREFIX, loadedSanitizer, loadSanitizer } from '../core/sanitize.js';
import { scrollToAndFocus } from '../core/scroll-to.js';
import { createElement, getter, listen } from '../core/page.js';
import { fragmentsOf } from '../core/url.js';
import { reportSourceError } from '../core/source.js';
import { articleStyles } from './article.styles.js';
import { loadSource, type ArticleFields } from './source.js';
import { collectHeadings, findTarget, nestEntries, publicFragment, type TocEntry } from './toc.js';

const defaultStrings = {
  /** The byline; `{name}` is the `byline` attribute. */
  byline: 'By {name}',
  published: 'Published',
  updated: 'Updated',
  /** `{minutes}` is the estimate, formatted in the element's language. */
  readingTime: '{minutes} min read',
  toc: 'Contents',
  loading: 'Loading the article…',
  loadFailed: 'The article could not be loaded.',
};

export type ArticleStrings = typeof defaultStrings;

// Made once per language (core/intl.ts): the profile of the demo page put the date
// formatter's constructor first among Lede's own functions.
const dateFormat = (lang: string): Intl.DateTimeFormat => intl(Intl.DateTimeFormat, lang, { dateStyle: 'long' });

/** A link of the table of contents. */
const tocLink = (entry: TocEntry) => html`<a part="toc-link" href="#${publicFragment(entry.id)}">${entry.text}</a>`;

/**
 * @summary The article body: headline, dek, byline, dates, reading time, table of contents, and
 * untrusted HTML rendered only after DOMPurify.
 *
 * @description The body comes from the `content` property (untrusted HTML, sanitized), else from
 * `src` (an HTML fragment or a Lede document, told apart by the content type; sanitized), else
 * from the element's HTML children (the publisher's own markup), which are slotted as they are.
 *
 * @fires lede-load - The `src` content is shown. `detail: { src, kind: 'html' | 'document' }`.
 * @fires lede-error - `src` could not be fetched or read, or an attribute is invalid. What was shown before stays. `detail: { code, message, field }`.
 *
 * @slot - The article body as plain HTML, shown when there is no `content` or `src` body.
 *
 * @csspart base - The `<article>`.
 * @csspart header - The header with the headline, dek and meta line.
 * @csspart headline - The headline.
 * @csspart dek - The standfirst under the headline.
 * @csspart meta - The byline, dates and reading time.
 * @csspart toc - The table of contents `<nav>`.
 * @csspart toc-link - Each link of the table of contents.
 * @csspart body - The article body.
 * @csspart status - The loading and error message.
 *
 * @cssprop [--lede-article-measure=68ch] - Maximum line length of the body.
 * @cssprop [--lede-article-font-size=1.125rem] - Font size of the body.
 * @cssprop [--lede-article-line-height=1.65] - Line height of the body.
 * @cssprop [--lede-article-headline-size=clamp(1.75rem, 4vw, 2.75rem)] - Font size of the headline.
 * @cssprop [--lede-article-headline-font=inherit] - Font of the headline and body headings.
 * @cssprop [--lede-article-dek-size=1.25em] - Font size of the dek.
 * @cssprop [--lede-article-link-color=the accent colour] - Colour of links in the body.
 * @cssprop [--lede-article-quote-color=the accent colour] - Colour of the rule beside quotes, the table of contents and the status line.
 * @cssprop [--lede-article-code-background=a 5% tint] - Background of code.
 * @cssprop [--lede-article-scroll-margin=1rem] - Space kept above a heading scrolled to (set it to your sticky header's height); reaches the HTML children's own h2–h4 too (nested deeper, give them `scroll-margin-top` yourself).
 */
export class LedeArticle extends LedeElement<ArticleStrings> {
  static override styles = [...LedeElement.styles, articleStyles];

  static override properties = {
    headline: {},
    dek: {},
    byline: {},
    published: {},
    updatedAt: { attribute: 'updated' },
    src: {},
    readingTime: { attribute: 'reading-time', type: Boolean },
    toc: { type: Boolean },
    content: { attribute: false },
    loading: { state: true, attribute: false },
    failed: { state: true, attribute: false },
    loaded: { state: true, attribute: false },
  };

  headline?: string;
  dek?: string;
  byline?: string;
  /** Publication date, ISO 8601. */
  published?: string;
  /** Last update, ISO 8601 (attribute `updated`; `updated` is Lit's lifecycle method). */
  updatedAt?: string;
  /** URL of an HTML fragment or of a Lede document (JSON). */
  src?: string;
  /** Shows an estimate of the reading time. */
  readingTime = false;
  /** Shows a table of contents from the body's h2 and h3. */
  toc = false;
  /** Untrusted HTML for the body, sanitized before it is shown. Takes precedence over `src` and the children. */
  content?: string;

  /** Whether `src` is being fetched. */
  loading = false;
  private failed = false;
  private loaded?: { fields: ArticleFields; body: HTMLElement };

  #contentBody?: HTMLElement;
  #entries: TocEntry[] = [];
  #minutes = 0;
  #fetching?: AbortController;
  #unlisten: (() => void)[] = [];
  /** `content` waiting for DOMPurify to load (the first untrusted HTML on the page). */
  #pendingContent?: Promise<void>;

  constructor() {
    super();
    // Re-renders when the children change: the table of contents and reading time follow them.
    new ChildrenController(this);
  }

  protected get defaultStrings(): ArticleStrings {
    return defaultStrings;
  }

  /** Where the body on screen comes from. */
  get bodySource(): 'content' | 'src' | 'children' {
    return this.#contentBody ? 'content' : this.loaded ? 'src' : 'children';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while `src` was loading: the disconnect aborted that request, so send it again.
    if (this.loading) void this.#load();
    this.#unlisten = [listen(window, 'hashchange', this.#onHashChange), listen(document, 'click', this.#onClick)];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten.forEach((stop) => stop());
    this.#fetching?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    for (const [name, key] of [
      ['published', 'published'],
      ['updated', 'updatedAt'],
    ] as const) {
      const value = this[key];
      if (changed.has(key) && value && !Date.parse(value))
        this.reportProblem('invalid-attribute', name, `${describeValue(value)} is not an ISO 8601 date`);
    }
    // A server renderer has no DOM to sanitize into, fetch for or read headings from: it renders
    // the header, and the body is the slotted children until the element upgrades in the browser.
    if (isServer) return;
    if (changed.has('content')) this.#showContent(this.content);
    if (changed.has('src')) void this.#load();
    const root = this.#contentBody ?? this.loaded?.body ?? this;
    // Always: headings get ids, so #slug links reach them with or without a table of contents.
    this.#entries = collectHeadings(root, root === this ? '' : CONTENT_ID_PREFIX);
    // About 230 words a minute.
    if (this.readingTime) {
      const text = [...root.childNodes]
        .map((node) => (node instanceof Element && node.hasAttribute('slot') ? '' : node.textContent))
        .join(' ');
      this.#minutes = Math.max(1, Math.round(text.trim().split(/\s+/).length / 230));
    }
  }

  protected override firstUpdated(): void {
    if (location.hash) requestAnimationFrame(this.#onHashChange);
  }

  /** Also waits for `content` to be sanitized when DOMPurify was still loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#pendingContent) {
      await this.#pendingContent;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #wrap(fragment: DocumentFragment): HTMLElement {
    const body = createElement('div');
    body.append(fragment);
    return body;
  }

  /** Sanitizes `content` into the body: at once when DOMPurify is loaded, else once it is (what was shown stays meanwhile). */
  #showContent(dirty: string | undefined): void {
    this.#pendingContent = undefined;
    if (dirty == null) return void (this.#contentBody = undefined);
    const sanitize = loadedSanitizer();
    if (sanitize) return void (this.#contentBody = this.#wrap(sanitize(dirty)));
    const pending: Promise<void> = (this.#pendingContent = loadSanitizer().then(
      (sanitize) => {
        if (this.#pendingContent !== pending) return; // Replaced or removed meanwhile.
        this.#pendingContent = undefined;
        this.#contentBody = this.#wrap(sanitize(dirty));
        this.requestUpdate();
      },
      (error: unknown) => {
        if (this.#pendingContent !== pending) return;
        this.#pendingContent = undefined;
        this.reportProblem('network', 'content', `could not be shown: the sanitizer did not load (${String(error)})`);
      },
    ));
  }

  async #load(): Promise<void> {
    this.#fetching?.abort();
    const src = this.src;
    if (!src) return void (this.loading = false);
    const controller = (this.#fetching = new AbortController());
    this.loading = true;
    this.failed = false;
    try {
      // DOMPurify (on the page's first untrusted HTML) loads while the source is fetched.
      const [{ kind, body, fields }, sanitize] = await Promise.all([
        loadSource(src, controller.signal),
        loadSanitizer(),
      ]);
      this.loaded = { fields, body: this.#wrap(sanitize(body)) };
      this.loading = false;
      await this.updateComplete;
      emit(this, 'lede-load', { src, kind });
      // A page opened at #fragment whose target only arrived with this body.
      if (location.hash && !this.matches(':focus-within')) this.#onHashChange();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loading = false;
      this.failed = true;
      reportSourceError(this, error);
    }
  }

  #onHashChange = (): void => {
    fragmentsOf(location.hash).some((id) => this.goTo(id, false));
  };

  /** Same-page `#fragment` links, in this element or anywhere on the page, that point into it. */
  #onClick = (event: MouseEvent): void => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link?.hash || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    if (
      link.href.split('#')[0] === location.href.split('#')[0] &&
      fragmentsOf(link.hash).some((id) => this.goTo(id, true))
    )
      event.preventDefault();
  };

  /** Scrolls to an id in the body and moves focus there; false when the body has no such id. */
  goTo(fragment: string, push: boolean): boolean {
    const target = findTarget(this.renderRoot as ShadowRoot, fragment) ?? findTarget(document, fragment);
    // The target's members through the prototypes: a form's fields (`name="id"`) replace its own.
    if (
      !target ||
      !(
        Node.prototype.getRootNode.call(target) === this.renderRoot ||
        (this.contains(target) && this.bodySource === 'children')
      )
    )
      return false;
    const id = getter(Element.prototype, 'id').call(target) as string;
    scrollToAndFocus(target, push ? `#${publicFragment(id)}` : undefined);
    return true;
  }

  #field(name: keyof ArticleFields): string | undefined {
    return (name === 'updated' ? this.updatedAt : this[name]) ?? this.loaded?.fields[name];
  }

  #renderDate(name: 'published' | 'updated', dates: () => Intl.DateTimeFormat) {
    const value = this.#field(name);
    const time = Date.parse(value!);
    return time
      ? html`<span>${this.say(name)} <time datetime=${value!}>${dates().format(time)}</time></span>`
      : nothing;
  }

  protected override render() {
    const lang = resolveLang(this);
    const dates = () => dateFormat(lang);
    const { uid, level, loading } = this;
    const headline = this.#field('headline');
    const dek = this.#field('dek');
    const byline = this.#field('byline');
    const status = loading ? this.say('loading') : this.failed ? this.say('loadFailed') : '';
    return html`<article part="base" aria-labelledby=${headline ? `${uid}-h` : nothing} aria-busy=${loading}>
      <header part="header">
        ${headline ? renderHeading(level, `${uid}-h`, headline, 'headline') : nothing}${dek ? html`<p part="dek">${dek}</p>` : nothing}
        <p part="meta">
          ${byline ? html`<span class="byline">${this.say('byline', { name: byline })}</span>` : nothing}${this.#renderDate('published', dates)}${this.#renderDate('updated', dates)}${this.readingTime && this.#minutes ? html`<span class="reading-time">${this.say('readingTime', { minutes: intl(Intl.NumberFormat, lang).format(this.#minutes) })}</span>` : nothing}
        </p>
      </header>
      <p part="status" role="status" class=${status ? 'status' : 'visually-hidden'}>${status}</p>
      ${
        this.toc && this.#entries.length
          ? html`<nav part="toc" aria-labelledby="${uid}-t">
              ${renderHeading(Math.min(level + 1, 6) as HeadingLevel, `${uid}-t`, this.say('toc'), 'toc-heading')}
              <ol>
                ${nestEntries(this.#entries).map(
                  (section) =>
                    html`<li>
                      ${tocLink(section)}${
                        section.children.length
                          ? html`<ol>
                              ${section.children.map((entry) => html`<li>${tocLink(entry)}</li>`)}
                            </ol>`
                          : nothing
                      }
                    </li>`,
                )}
              </ol>
            </nav>`
          : nothing
      }
      <div part="body" class="body">${this.#contentBody ?? this.loaded?.body ?? html`<slot></slot>`}</div>
    </article>`;
  }
}
