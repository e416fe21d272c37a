import { html, isServer, nothing, type PropertyValues } from 'lit';
import { composeName, nameText } from '../core/accessible-name.js';
import { options } from '../core/own.js';
import { attribute, canonicalUrl, documentTitle, elementById } from '../core/page.js';
import { remember } from '../core/remember.js';
import { scrollToAndFocus } from '../core/scroll-to.js';
import { LedeElement } from '../core/base-element.js';
import { describeValue } from '../core/errors.js';
import { emit } from '../core/events.js';
import { renderHeading } from '../core/heading.js';
import { resolveLang } from '../core/locale.js';
import { fragmentsOf, isSafeUrl } from '../core/url.js';
import { commentPromptStyles } from './comment-prompt.styles.js';
import { fetchCount, formatCount, isCount } from './count.js';
import { icons } from './icons.js';
import { intents, networks, shareUrl, toInstance, type ShareData, type ShareNetwork } from './networks.js';

export type { ShareData, ShareNetwork } from './networks.js';

const defaultStrings = {
  heading: 'Join the conversation',
  /** The call to action, when the children's link gives no text. */
  cta: 'Read and write comments',
  countNone: 'Be the first to comment',
  countOne: '{n} comment',
  countOther: '{n} comments',
  /** The other plural categories of `Intl.PluralRules`; empty means `countOther`. */
  countZero: '',
  countTwo: '',
  countFew: '',
  countMany: '',
  /** The accessible name of the list of share links. */
  share: 'Share',
  shareOn: 'Share on {network}',
  email: 'Email',
  copy: 'Copy link',
  copied: 'Link copied',
  copyFallback: 'Press Ctrl+C (⌘+C on a Mac) to copy the link',
  native: 'Share…',
  mastodon: 'Your Mastodon server, such as mastodon.social',
  mastodonInvalid: 'Enter a server name, such as mastodon.social',
  /** The button that shows the remembered server and changes it. */
  mastodonChange: 'Change server ({server})',
};

export type CommentPromptStrings = typeof defaultStrings;

/** Where the reader's Mastodon server is remembered, named like the other `lede-*` keys. */
const MASTODON_KEY = 'lede-mastodon';

/**
 * The remembered Mastodon server, moved from the key that earlier builds used (`lede_mastodon`) if
 * needed, and checked like a typed one (any script of the origin can write there): a stored
 * `ｅｖｉｌ。ｅｘａｍｐｌｅ`, which a URL would turn into `evil.example`, is forgotten.
 */
function rememberedInstance(): string | undefined {
  const legacy = remember('lede_mastodon');
  if (legacy !== undefined) remember('lede_mastodon', null);
  const stored = remember(MASTODON_KEY) ?? (legacy && remember(MASTODON_KEY, legacy));
  const instance = stored === undefined ? undefined : toInstance(stored);
  if (stored !== undefined && instance !== stored) remember(MASTODON_KEY, null);
  return instance;
}

export interface LedeShareDetail {
  network: ShareNetwork;
}

declare global {
  interface HTMLElementEventMap {
    'lede-share': CustomEvent<LedeShareDetail>;
  }
  interface DocumentEventMap {
    'lede-share': CustomEvent<LedeShareDetail>;
  }
}

/**
 * @summary "Join the conversation": a prompt to comment, the comment count, and share links.
 *
 * @description The call to action goes to `comments-href`; for an in-page anchor it scrolls there
 * (smoothly unless the reader asks for reduced motion) and moves focus to the target. The count
 * comes from `count`, or from `count-src` (GET answering `{ "count": n }`; nothing is fetched
 * without it; while it loads or when it fails, `count` is shown). A `count-src` that is a batched
 * counts endpoint (its path ends in `/counts`, with one `articleId`, such as
 * `/v1/comments/counts?articleId=a`) answers `{ "counts": { "a": n } }` and joins the one request
 * that the page's `<lede-comment-count>` elements on that endpoint share. Share links are plain intent
 * links opened in a new tab: nothing reaches a network until the reader follows one. Mastodon
 * asks for the reader's server once and remembers it in localStorage. HTML children are the
 * fallback before upgrade; a heading and the first link (to the comments) are read from them.
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
 * @csspart share-icon - The icon of a share link or button (an inline SVG drawn in `currentColor`, hidden from assistive technology).
 * @csspart mastodon-form - The form that asks for the reader's Mastodon server.
 * @csspart mastodon-server - The button that shows the remembered Mastodon server and changes it.
 * @csspart copy-input - The read-only link shown when the clipboard is refused.
 * @csspart status - The polite live region (copy feedback).
 *
 * @cssprop [--lede-comment-prompt-background=a 5% tint of the text colour] - Background of the box.
 * @cssprop [--lede-comment-prompt-accent-color=var(--lede-accent-color)] - Colour of the call to action.
 * @cssprop [--lede-comment-prompt-padding=var(--lede-space, 1rem)] - Padding inside the box.
 */
export class LedeCommentPrompt extends LedeElement<CommentPromptStrings> {
  static override styles = [...LedeElement.styles, commentPromptStyles];

  static override properties = {
    heading: {},
    prompt: {},
    commentsHref: { attribute: 'comments-href' },
    count: { type: Number },
    countSrc: { attribute: 'count-src' },
    countTimeout: { attribute: 'count-timeout', type: Number },
    share: {},
    hashtag: {},
    handle: {},
    url: {},
    title: {},
    fetched: { state: true, attribute: false },
    status: { state: true, attribute: false },
    copyFallback: { state: true, attribute: false },
    asking: { state: true, attribute: false },
    invalid: { state: true, attribute: false },
    instance: { state: true, attribute: false },
  };

  /** The heading text. Defaults to the children's heading, else "Join the conversation". */
  heading?: string;

  /** The question to readers. */
  prompt?: string;

  /** Where the comments are: an in-page anchor (`#comments`) or a URL. Defaults to the children's first link. */
  commentsHref?: string;

  /** The number of comments; also shown while `count-src` loads or when it fails. */
  count?: number;

  /** A URL answering `GET` with `{ "count": n }`, or a batched counts endpoint (`…/counts?articleId=a`, answering `{ "counts": { "a": n } }`). */
  countSrc?: string;

  /** How long to wait for `count-src`, in milliseconds (8000 when it joins a batch of comment counts). */
  countTimeout = 8000;

  /** Space-separated share targets: `x bluesky mastodon linkedin threads facebook reddit whatsapp telegram pinterest email copy native`. An array also works. */
  share?: string | string[];

  /** Hashtags (without `#`, space- or comma-separated), for X, Threads (the first), Bluesky and Mastodon. */
  hashtag?: string;

  /** The publisher's X handle, sent as `via`. */
  handle?: string;

  /** The URL that is shared. Defaults to the page's canonical URL, else its address. */
  url?: string;

  /** The title that is shared. Defaults to the document's title. (Like any `title`, also the host's tooltip.) */
  override title = '';

  /** The count from `count-src`; null while it loads. */
  private fetched?: number | null;
  private status = '';
  private copyFallback = false;
  private asking = false;
  private invalid = '';
  /** The reader's Mastodon server, as remembered: checked like a typed one (any script of the origin can write there). */
  private instance = isServer ? undefined : rememberedInstance();

  #request?: AbortController;
  /** The `count-src` that `fetched` is (or is being) loaded from. */
  #countSrc?: string;
  #opener?: HTMLElement | null;
  #tokens: ShareNetwork[] = [];

  protected get defaultStrings(): CommentPromptStrings {
    return defaultStrings;
  }

  /** What the share links share: `url`, `title`, hashtags and handle, with the page's defaults. */
  get shareData(): ShareData {
    return {
      // A server renderer has no page to read: there, only `url` and `title` count.
      url: this.url || (isServer ? '' : canonicalUrl() || location.href),
      title: this.title || (isServer ? '' : documentTitle()),
      tags: (this.hashtag ?? '').split(/[\s,#]+/).filter(Boolean),
      handle: this.handle?.replace('@', ''),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // At once, not at the first render (which may wait): a batched `count-src` joins this task's batch.
    // Put back in the page while the count was loading: the disconnect aborted that request.
    if (this.#request?.signal.aborted || this.#countSrc !== this.countSrc) void this.#loadCount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort(); // Kept, aborted, so that a reconnect knows to load again.
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('share')) {
      // A string or (from a Lede document) an array; duplicates dropped, unknown names reported.
      this.#tokens = [...new Set(String(this.share ?? '').split(/[\s,]+/))].filter((token): token is ShareNetwork => {
        if (networks.includes(token as ShareNetwork)) return true;
        if (token) this.reportProblem('invalid-attribute', 'share', `${describeValue(token)} is not a known network`);
        return false;
      });
    }
    if (changed.has('count') && this.count != null && !isCount(this.count)) {
      this.reportProblem(
        'invalid-attribute',
        'count',
        `${describeValue(this.getAttribute('count') ?? this.count)} is not a whole number of 0 or more`,
      );
    }
    if (changed.has('countSrc') && this.#countSrc !== this.countSrc) void this.#loadCount();
    if (changed.has('commentsHref') && this.commentsHref && !isSafeUrl(this.commentsHref)) {
      this.reportProblem(
        'invalid-attribute',
        'comments-href',
        `${describeValue(this.commentsHref)} is not an http(s), mailto, tel or relative URL; no link is shown`,
      );
    }
  }

  async #loadCount(): Promise<void> {
    this.#countSrc = this.countSrc;
    this.#request?.abort();
    this.#request = undefined;
    this.fetched = undefined;
    if (!this.countSrc || isServer) return;
    const request = (this.#request = new AbortController());
    this.fetched = null;
    const result = await fetchCount(this.countSrc, this.countTimeout, request.signal);
    if (request.signal.aborted) return; // Superseded, or the element left the page.
    this.#request = undefined;
    this.fetched = isCount(result) ? result : undefined;
    if (result && !isCount(result)) this.reportProblem(result[0], 'count-src', result[1]);
  }

  #goToComments(event: Event): void {
    const href = this.#href!;
    const find = (id: string) => elementById(id, this.getRootNode()) ?? elementById(id);
    const target = href[0] === '#' && fragmentsOf(href).map(find).find(Boolean);
    if (!target) return;
    event.preventDefault();
    scrollToAndFocus(target, href);
  }

  /** Tells the page (cancelable); true when the element should go on. */
  #emitShare(network: ShareNetwork, event?: Event): boolean {
    const go = emit(this, 'lede-share', { network }, true);
    if (!go) event?.preventDefault();
    return go;
  }

  async #onShare(network: ShareNetwork, event: Event): Promise<void> {
    if (network === 'mastodon' && !this.instance) return this.#ask(!this.asking);
    if (!this.#emitShare(network, event)) return;
    const { url, title } = this.shareData;
    this.status = ''; // So that the same message is announced again.
    await this.updateComplete;
    try {
      if (network === 'native') await navigator.share(options({ url, title }));
      if (network !== 'copy') return;
      await navigator.clipboard.writeText(url);
      this.copyFallback = false;
      this.status = this.resolvedStrings.copied;
    } catch {
      if (network !== 'copy') return; // The reader closed the share sheet.
      this.copyFallback = true;
      this.status = this.resolvedStrings.copyFallback;
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>('[readonly]')!;
      input.focus();
      input.select();
    }
  }

  /** Opens or closes the Mastodon form; closing gives focus back to the button that opened it. */
  async #ask(open: boolean): Promise<void> {
    if (open) this.#opener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.asking = open;
    this.invalid = '';
    await this.updateComplete;
    const opener = this.#opener?.isConnected && this.#opener;
    (opener && !open
      ? opener
      : this.renderRoot.querySelector<HTMLElement>(open ? '#server' : '[data-network=mastodon]')
    )?.focus();
  }

  async #submitInstance(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const instance = toInstance(input.value);
    if (!instance) {
      // Emptied first, so that the same message after a second bad entry is announced again.
      this.invalid = '';
      await this.updateComplete;
      this.invalid = this.resolvedStrings.mastodonInvalid;
      return input.focus();
    }
    this.instance = remember(MASTODON_KEY, instance);
    void this.#ask(false);
    if (this.#emitShare('mastodon'))
      window.open(shareUrl('mastodon', this.shareData, instance), '_blank', 'noopener,noreferrer');
  }

  /** The link to the comments: `comments-href`, else the first link of the children; never a `javascript:` URL. */
  get #href(): string | null | undefined {
    const link = this.#child('a[href]');
    const href = this.commentsHref || (link && attribute(link, 'href'));
    return href && isSafeUrl(href) ? href : undefined;
  }

  /** A child of the fallback markup; none on a server, which cannot read the children. */
  #child(selector: string): Element | null {
    return isServer ? null : this.querySelector(selector);
  }

  #renderShare(network: ShareNetwork, data: ShareData) {
    const brand = intents[network]?.[0];
    const label = brand || this.say(network as 'email');
    // The brand is the visible label; the name ("Share on Bluesky") is built from marked text.
    const name = `name-${network}`;
    const click = this.listener((e: Event) => this.#onShare(network, e));
    const d = icons[network];
    const icon = html`<svg part="share-icon" viewBox="0 0 12 12" aria-hidden="true"><path d=${d}></path></svg>`;
    if (network === 'native' && (isServer || !('share' in navigator))) return nothing;
    return html`<li>
      ${
        (network === 'mastodon' ? this.instance : intents[network])
          ? html`<a
              part="share-link"
              data-network=${network}
              href=${shareUrl(network, data, this.instance)}
              target="_blank"
              rel="noopener noreferrer"
              aria-labelledby=${brand ? name : nothing}
              @click=${click}
              >${icon}${label}</a
            >`
          : html`<button
              part="share-link"
              data-network=${network}
              aria-labelledby=${brand ? name : nothing}
              aria-expanded=${network === 'mastodon' ? this.asking : nothing}
              @click=${click}
            >
              ${icon}${label}
            </button>`
      }${
        brand
          ? nameText(
              name,
              composeName(this.resolvedStrings.shareOn, (words) => this.mark(words, 'shareOn'), { network: brand }),
            )
          : nothing
      }${
        network === 'mastodon' && this.instance
          ? html` <button
              part="mastodon-server"
              aria-expanded=${this.asking}
              @click=${this.listener(() => this.#ask(!this.asking))}
            >
              ${this.say('mastodonChange', { server: this.instance })}
            </button>`
          : nothing
      }${network === 'mastodon' && this.asking ? this.#renderMastodonForm() : nothing}
    </li>`;
  }

  /** Right after the button that opened it, in reading and focus order. */
  #renderMastodonForm() {
    return html`<form
      part="mastodon-form"
      novalidate
      @submit=${this.listener(this.#submitInstance)}
      @keydown=${this.listener((e: KeyboardEvent) => e.key === 'Escape' && this.#ask(false))}
    >
      <label for="server">${this.say('mastodon')}</label
      ><input
        id="server"
        inputmode="url"
        autocomplete="off"
        aria-invalid=${!!this.invalid}
        aria-describedby="invalid"
      /><button>${this.say('share')}</button><span id="invalid" aria-live="polite">${this.mark(this.invalid)}</span>
    </form>`;
  }

  protected override render() {
    const count = this.fetched ?? (isCount(this.count) ? this.count : this.fetched); // null: loading, nothing to show yet
    const data = this.shareData;
    const t = this.resolvedStrings;
    const countText = count == null ? '' : this.mark(formatCount(count, resolveLang(this), t), 'countOther');
    return html`<section part="base" aria-labelledby="heading">
      ${renderHeading(this.level, 'heading', this.heading ?? this.#child('h1,h2,h3,h4,h5,h6')?.textContent ?? this.say('heading'))}${
        this.prompt ? html`<p part="prompt">${this.prompt}</p>` : nothing
      }${count !== undefined ? html`<p part="count">${countText}</p>` : nothing}${
        this.#href
          ? html`<a part="cta" href=${this.#href} @click=${this.listener(this.#goToComments)}
              >${(!this.commentsHref && this.#child('a[href]')?.textContent) || this.say('cta')}</a
            >`
          : nothing
      }${
        this.#tokens[0] && data.url
          ? html`<ul part="share-list" aria-labelledby="share-name">
                ${this.#tokens.map((network) => this.#renderShare(network, data))}
              </ul>
              ${nameText('share-name', this.say('share'))}`
          : nothing
      }${
        this.copyFallback
          ? html`<input part="copy-input" readonly aria-labelledby="copy-name" .value=${data.url} />${nameText(
                'copy-name',
                this.say('copy'),
              )}`
          : nothing
      }
      <p part="status" role="status">${this.mark(this.status)}</p>
    </section>`;
  }
}
