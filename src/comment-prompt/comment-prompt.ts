import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LedeElement } from '../core/base-element.js';
import { describe } from '../core/errors.js';
import { emit } from '../core/events.js';
import { renderHeading } from '../core/heading.js';
import { resolveLang } from '../core/locale.js';
import { format } from '../core/strings.js';
import { commentPromptStyles } from './comment-prompt.styles.js';
import { fetchCount, formatCount, isCount } from './count.js';
import { brands, intents, mastodonUrl, networks, toInstance, type ShareData, type ShareNetwork } from './networks.js';

export type { ShareData, ShareNetwork } from './networks.js';

const defaultStrings = {
  heading: 'Join the conversation',
  /** The call to action's text, when the children's link gives none. */
  cta: 'Read and write comments',
  countNone: 'Be the first to comment',
  countZero: '{n} comments',
  countOne: '{n} comment',
  countTwo: '{n} comments',
  countFew: '{n} comments',
  countMany: '{n} comments',
  countOther: '{n} comments',
  /** The accessible name of the list of share links. */
  share: 'Share',
  shareOn: 'Share on {network}',
  email: 'Email',
  emailLabel: 'Share by email',
  copy: 'Copy link',
  copied: 'Link copied',
  copyFallback: 'Press {key}+C to copy the link',
  link: 'Link to this article',
  native: 'Share…',
  mastodonLabel: 'Your Mastodon server, such as mastodon.social',
  mastodonInvalid: 'Enter a server name, such as mastodon.social',
  mastodonSubmit: 'Share',
  cancel: 'Cancel',
};

export type CommentPromptStrings = typeof defaultStrings;

export interface LedeShareDetail {
  network: ShareNetwork;
}

declare global {
  interface HTMLElementEventMap {
    'lede-share': CustomEvent<LedeShareDetail>;
  }
}

const STORAGE_KEY = 'lede-mastodon-instance';

const storage = (value?: string): string | undefined => {
  try {
    if (value) localStorage.setItem(STORAGE_KEY, value);
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return value; // Storage refused (private mode, sandbox): remember for this page only.
  }
};

/**
 * @summary "Join the conversation": a prompt to comment, the comment count, and share links.
 *
 * @description The call to action goes to `comments-href`; for an in-page anchor it scrolls there
 * (smoothly unless the reader asks for reduced motion) and moves focus to the target. The count
 * comes from `count`, or from `count-src` (GET answering `{ "count": n }`; nothing is fetched
 * without it; when it fails, `count` stays as the fallback). Share links are plain intent links,
 * opened in a new tab, with no request to any network until the reader follows one. Mastodon asks
 * the reader's server once and remembers it in localStorage. The HTML children are the fallback
 * before upgrade: a heading and the first link (to the comments) are read from them.
 *
 * @fires lede-share - A share link, copy or native share was used. Cancelable: `preventDefault()` to handle it yourself. `detail: { network }`.
 * @fires lede-error - Bad input (an unknown `share` token, a bad `count`) or a failed `count-src`. `detail: { code, message, field }`.
 *
 * @csspart base - The `<section>` that wraps everything.
 * @csspart heading - The heading.
 * @csspart prompt - The question to readers.
 * @csspart count - The comment count.
 * @csspart cta - The call to action, a link to the comments.
 * @csspart share-list - The list of share links.
 * @csspart share-link - Each share link or button (with `data-network`).
 * @csspart mastodon-form - The form that asks for the reader's Mastodon server.
 * @csspart status - The polite live region (copy feedback).
 *
 * @cssprop [--lede-comment-prompt-background=a 5% tint of the text colour] - Background of the box.
 * @cssprop [--lede-comment-prompt-accent-color=var(--lede-accent-color)] - Colour of the call to action.
 * @cssprop [--lede-comment-prompt-padding=var(--lede-space, 1rem)] - Padding inside the box.
 * @cssprop [--lede-comment-prompt-heading-size=1.25em] - Font size of the heading.
 * @cssprop [--lede-comment-prompt-margin-block=1.5em] - Space above and below the element.
 */
export class LedeCommentPrompt extends LedeElement<CommentPromptStrings> {
  static override styles = [...LedeElement.styles, commentPromptStyles];

  /** The heading text. Defaults to the children's heading, else "Join the conversation". */
  @property() heading?: string;

  /** The question to readers. */
  @property() prompt?: string;

  /** Where the comments are: an in-page anchor (`#comments`) or a URL. Defaults to the children's first link. */
  @property({ attribute: 'comments-href' }) commentsHref?: string;

  /** The number of comments; also the fallback when `count-src` fails. */
  @property({ type: Number }) count?: number;

  /** A URL answering `GET` with `{ "count": n }`. */
  @property({ attribute: 'count-src' }) countSrc?: string;

  /** How long to wait for `count-src`, in milliseconds. */
  @property({ attribute: 'count-timeout', type: Number }) countTimeout = 8000;

  /** Space-separated share targets: `x bluesky mastodon linkedin threads facebook reddit email copy native`. An array also works. */
  @property() share?: string | string[];

  /** One or more hashtags (without `#`, space- or comma-separated): X, Threads (the first), Bluesky and Mastodon. */
  @property() hashtag?: string;

  /** The publisher's X handle, sent as `via`. */
  @property() handle?: string;

  /** The URL that is shared. Defaults to the page's canonical URL, else its address. */
  @property() url?: string;

  /** The title that is shared. Defaults to the document's title. (Also the host's tooltip, as `title` is on any element.) */
  @property() override title = '';

  @state() private fetched?: number;
  @state() private loading = false;
  @state() private status = '';
  @state() private copyFallback = false;
  @state() private asking = false;
  @state() private invalid = '';
  @state() private instance = storage();

  private request?: AbortController;
  private tokens: ShareNetwork[] = [];

  protected get defaultStrings(): CommentPromptStrings {
    return defaultStrings;
  }

  /** What the share links share: `url`, `title`, hashtags and handle, with the page's defaults. */
  get shareData(): ShareData {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href;
    return {
      url: this.url || canonical || location.href,
      title: this.title || document.title,
      tags: (this.hashtag ?? '').split(/[\s,#]+/).filter(Boolean),
      handle: this.handle?.replace(/^@/, '') || undefined,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.loadCount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.request?.abort();
    this.request = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('share')) {
      const list = Array.isArray(this.share) ? this.share : (this.share ?? '').split(/\s+/);
      this.tokens = [];
      for (const token of list.filter(Boolean)) {
        if (!networks.includes(token as ShareNetwork)) this.reportProblem('invalid-attribute', 'share', `${describe(token)} is not a known network; use ${networks.join(' ')}`);
        else if (!this.tokens.includes(token as ShareNetwork)) this.tokens.push(token as ShareNetwork);
      }
    }
    if (changed.has('count') && this.count != null && !isCount(this.count)) {
      this.reportProblem('invalid-attribute', 'count', `${describe(this.getAttribute('count') ?? this.count)} is not a whole number of 0 or more`);
    }
    if (changed.has('countSrc')) void this.loadCount();
  }

  private async loadCount(): Promise<void> {
    this.request?.abort();
    this.fetched = undefined;
    if (!this.countSrc) return;
    const request = (this.request = new AbortController());
    const timer = setTimeout(() => request.abort(), this.countTimeout);
    this.loading = true;
    const result = await fetchCount(this.countSrc, request.signal);
    clearTimeout(timer);
    if (request !== this.request) return; // Superseded, or the element left the page.
    this.loading = false;
    if ('count' in result) this.fetched = result.count;
    else this.reportProblem(result.code, 'count-src', result.problem);
  }

  private emitShare(network: ShareNetwork, event?: Event): boolean {
    const go = emit(this, 'lede-share', { network }, { cancelable: true });
    if (!go) event?.preventDefault();
    return go;
  }

  private goToComments(event: Event): void {
    const href = this.href;
    const root = this.getRootNode() as Document;
    const target = href?.startsWith('#') && (root.getElementById?.(href.slice(1)) ?? document.getElementById(href.slice(1)));
    if (!target) return;
    event.preventDefault();
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
    target.focus({ preventScroll: true });
    if (location.hash !== href) history.pushState(null, '', href);
  }

  private async say(message: string): Promise<void> {
    this.status = '';
    await this.updateComplete;
    this.status = message;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.shareData.url);
      this.copyFallback = false;
      void this.say(this.text.copied);
    } catch {
      this.copyFallback = true;
      void this.say(format(this.text.copyFallback, { key: /Mac|iP/.test(navigator.platform) ? 'Cmd' : 'Ctrl' }));
      await this.updateComplete;
      const input = this.renderRoot.querySelector('input[readonly]') as HTMLInputElement;
      input.focus();
      input.select();
    }
  }

  private async nativeShare(): Promise<void> {
    const { url, title } = this.shareData;
    try {
      await navigator.share({ url, title });
    } catch {
      // The reader closed the share sheet.
    }
  }

  private async ask(open: boolean): Promise<void> {
    this.asking = open;
    this.invalid = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(open ? 'form input' : '[data-network=mastodon]')?.focus();
  }

  private submitInstance(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const instance = toInstance(input.value);
    if (!instance) {
      this.invalid = this.text.mastodonInvalid;
      input.focus();
      return;
    }
    this.instance = storage(instance);
    void this.ask(false);
    if (this.emitShare('mastodon')) window.open(mastodonUrl(instance, this.shareData), '_blank', 'noopener,noreferrer');
  }

  /** The link to the comments: `comments-href`, else the first link of the children. */
  private get href(): string | undefined {
    return this.commentsHref || this.querySelector('a[href]')?.getAttribute('href') || undefined;
  }

  private renderShare(network: ShareNetwork, data: ShareData) {
    const brand = brands[network];
    const label = brand ?? this.text[network as 'email'];
    const name = brand ? format(this.text.shareOn, { network: brand }) : network === 'email' ? this.text.emailLabel : nothing;
    const build = network === 'mastodon' ? this.instance && ((d: ShareData) => mastodonUrl(this.instance!, d)) : intents[network];
    if (network === 'native' && !('share' in navigator)) return nothing;
    return html`<li>
      ${build
        ? html`<a part="share-link" data-network=${network} href=${build(data)} target="_blank" rel="noopener noreferrer" aria-label=${name} @click=${(e: Event) => this.emitShare(network, e)}>${label}</a>`
        : html`<button
            part="share-link"
            data-network=${network}
            type="button"
            aria-label=${name}
            aria-expanded=${network === 'mastodon' ? String(this.asking) : nothing}
            @click=${(e: Event) => (network === 'mastodon' ? this.ask(!this.asking) : this.emitShare(network, e) && (network === 'copy' ? this.copy() : this.nativeShare()))}
          >${label}</button>`}
    </li>`;
  }

  private renderMastodonForm() {
    const id = `${this.uid}-mastodon`;
    return html`<form part="mastodon-form" @submit=${this.submitInstance} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.ask(false)} novalidate>
      <label for=${id}>${this.text.mastodonLabel}</label>
      <input id=${id} type="text" inputmode="url" autocomplete="off" spellcheck="false" aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby="${id}-error" />
      <button>${this.text.mastodonSubmit}</button>
      <button type="button" @click=${() => this.ask(false)}>${this.text.cancel}</button>
      <span id="${id}-error" aria-live="polite">${this.invalid}</span>
    </form>`;
  }

  protected override render() {
    const headingId = `${this.uid}-heading`;
    const count = this.fetched ?? (isCount(this.count) ? this.count : undefined);
    const data = this.shareData;
    const link = this.querySelector('a[href]');
    return html`<section part="base" aria-labelledby=${headingId}>
      ${renderHeading(this.level, headingId, this.heading ?? this.querySelector('h1,h2,h3,h4,h5,h6')?.textContent?.trim() ?? this.text.heading)}
      ${this.prompt ? html`<p part="prompt">${this.prompt}</p>` : nothing}
      ${count !== undefined || this.loading
        ? html`<p part="count" aria-busy=${this.loading}>${count === undefined ? '' : formatCount(count, resolveLang(this), this.text)}</p>`
        : nothing}
      ${this.href ? html`<a part="cta" href=${this.href} @click=${this.goToComments}>${(!this.commentsHref && link?.textContent?.trim()) || this.text.cta}</a>` : nothing}
      ${this.tokens.length ? html`<ul part="share-list" aria-label=${this.text.share}>${this.tokens.map((network) => this.renderShare(network, data))}</ul>` : nothing}
      ${this.asking ? this.renderMastodonForm() : nothing}
      ${this.copyFallback ? html`<input readonly part="copy-input" aria-label=${this.text.link} .value=${data.url} />` : nothing}
      <p part="status" role="status">${this.status}</p>
    </section>`;
  }
}
