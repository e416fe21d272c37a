import { html, isServer, type PropertyValues } from 'lit';
import { LedeElement } from '../core/base-element.js';
import { requestCount } from '../core/count-batch.js';
import { formatCount, isCount } from '../core/count.js';
import { describeValue } from '../core/errors.js';
import { resolveLang } from '../core/locale.js';
import { attribute, query } from '../core/page.js';
import { isSafeUrl } from '../core/url.js';
import { commentCountStyles } from './comment-count.styles.js';

const defaultStrings = {
  countNone: 'No comments',
  countOne: '{n} comment',
  countOther: '{n} comments',
  /** The other plural categories of `Intl.PluralRules`; empty means `countOther`. */
  countZero: '',
  countTwo: '',
  countFew: '',
  countMany: '',
};

export type CommentCountStrings = typeof defaultStrings;

/**
 * @summary An article's comment count for listing and home pages ("12 comments"), all of a page's counts in one request.
 *
 * @description Inline, in a line of text. Its text child ("Comments", a link to them) shows until
 * the count arrives, and stays when it cannot be loaded. Every `<lede-comment-count>` of the page
 * with the same `src` that connects in the same task (or while the page is still loading) joins
 * one request, `GET src?articleId=a&articleId=b…` answering `{ "counts": { "a": n, "b": m } }`
 * (ids de-duplicated; split only where the URL would pass about 2,000 characters); elements added later join a later request, and a request whose elements all
 * left the page is aborted. A `<lede-comment-prompt>` whose `count-src` is the same endpoint
 * (`…/counts?articleId=a`) joins the same request. The text follows `Intl.PluralRules` in the
 * element's `lang` ("No comments", "1 comment", "12 comments"). With `href` (or a link among the
 * children) the count is a link. Counts arriving are not announced: a listing page would talk.
 *
 * @fires lede-error - Bad input (`article-id` without `src` or the reverse, a `javascript:` `href`, a bad `count`), or a failed request: told once per request, by its first element, not once per element. `detail: { code, message, field }`.
 *
 * @slot - The text shown until the count arrives and kept when it cannot be loaded, such as `<a href="/a#comments">Comments</a>`.
 *
 * @csspart count - The count's text (also the link, when there is one).
 * @csspart link - The link to the comments.
 *
 * @cssprop [--lede-comment-count-color=inherit] - Colour of the count.
 * @cssprop [--lede-comment-count-link-color=--lede-comment-count-color] - Colour of the count when it is a link.
 * @cssprop [--lede-comment-count-link-decoration=underline] - Decoration of the link (`none` to take it away).
 * @cssprop [--lede-comment-count-font-size=inherit] - Font size of the count.
 * @cssprop [--lede-comment-count-font-weight=inherit] - Font weight of the count.
 */
export class LedeCommentCount extends LedeElement<CommentCountStrings> {
  static override styles = [...LedeElement.styles, commentCountStyles];

  static override properties = {
    articleId: { attribute: 'article-id' },
    src: {},
    href: {},
    count: { type: Number },
    fetched: { state: true, attribute: false },
  };

  /** The article whose comments are counted, as the endpoint knows it. */
  articleId?: string;

  /** The batched counts endpoint: `GET src?articleId=a&articleId=b` answers `{ "counts": { "a": n, "b": m } }`. */
  src?: string;

  /** Where the comments are; the count is a link to it. Defaults to the first link among the children. */
  href?: string;

  /** The number of comments, when the page knows it; shown until `src` answers, and when it fails. */
  count?: number;

  /** The count from `src`; undefined until it arrives. */
  private fetched?: number;

  #request?: AbortController;
  /** The `src` and `article-id` that `fetched` is (or is being) loaded for. */
  #key?: string;

  protected get defaultStrings(): CommentCountStrings {
    return defaultStrings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort(); // Kept, aborted, so that a reconnect knows to load again.
  }

  // At once, not at the first render (which may wait for a later task): so every element of the
  // page, whenever a framework sets its properties, joins the batch of the task it connected in.
  override requestUpdate(...args: Parameters<LedeElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    if ((args[0] === 'src' || args[0] === 'articleId') && this.isConnected) this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('src') || changed.has('articleId')) && !this.src !== !this.articleId) {
      const missing = this.src ? 'article-id' : 'src';
      this.reportProblem(
        'invalid-attribute',
        missing,
        `is needed with ${this.src ? 'src' : 'article-id'}; the text stays`,
      );
    }
    if (changed.has('href') && this.href && !isSafeUrl(this.href)) {
      this.reportProblem(
        'invalid-attribute',
        'href',
        `${describeValue(this.href)} is not an http(s), mailto, tel or relative URL; no link is shown`,
      );
    }
    if (changed.has('count') && this.count != null && !isCount(this.count)) {
      this.reportProblem(
        'invalid-attribute',
        'count',
        `${describeValue(this.getAttribute('count') ?? this.count)} is not a whole number of 0 or more`,
      );
    }
  }

  #load(): void {
    const { src, articleId } = this;
    const key = src && articleId ? `${articleId} ${src}` : undefined;
    if (key === this.#key && !this.#request?.signal.aborted) return;
    this.#request?.abort();
    this.#request = undefined;
    this.#key = key;
    this.fetched = undefined;
    if (!key || isServer) return;
    const request = (this.#request = new AbortController());
    void requestCount(src!, articleId!, request.signal).then((result) => {
      if (request.signal.aborted) return; // Superseded, or the element left the page.
      this.#request = undefined;
      if (isCount(result)) this.fetched = result;
      else if (result) this.reportProblem(result[0], 'src', result[1]);
    });
  }

  /** `href`, else the first link among the children; never a `javascript:` URL. */
  get #href(): string | undefined {
    const link = isServer ? null : query(this, 'a[href]');
    const href = this.href || (link && attribute(link, 'href'));
    return href && isSafeUrl(href) ? href : undefined;
  }

  protected override render() {
    const count = this.fetched ?? (isCount(this.count) ? this.count : undefined);
    if (count === undefined) return html`<slot></slot>`;
    const text = formatCount(count, resolveLang(this), this.resolvedStrings);
    const href = this.#href;
    return href ? html`<a part="count link" href=${href}>${text}</a>` : html`<span part="count">${text}</span>`;
  }
}
