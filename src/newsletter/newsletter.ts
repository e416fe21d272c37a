import { html, isServer, nothing, type PropertyValues } from 'lit';
import { LedeElement } from '../core/base-element.js';
import {
  describeFailure,
  newIdempotencyKey,
  type DeliveryOptions,
  type DeliveryRequest,
  type DeliveryResult,
} from '../core/delivery.js';
import { emit } from '../core/events.js';
import { renderHeading } from '../core/heading.js';
import { OutboxController } from '../core/outbox-controller.js';
import { attribute, httpUrl, query } from '../core/page.js';
import { consentNodes, visibleText } from './consent.js';
import { isEmail } from './email.js';
import { newsletterStyles } from './newsletter.styles.js';
import { pageSource, resolveEndpoint, takeReturnedSignup } from './page.js';

/** What a signup sends, and the `detail` of `lede-subscribe`. */
export interface NewsletterSignup {
  email: string;
  name?: string;
  consent?: boolean;
  /** The consent label exactly as the reader saw it when ticking the box. */
  consentText?: string;
  list?: string;
  /** The page the reader signed up on: its origin and path, never its query or fragment. */
  source: string;
  /** Milliseconds from the element appearing to the submit: for the endpoint to judge, never a reason to drop a signup. */
  elapsedMs?: number;
}

/** The `detail` of `lede-subscribed`: the address and the endpoint's own message, if any. */
export interface NewsletterSubscribedDetail {
  email: string;
  message?: string;
}

declare global {
  interface HTMLElementEventMap {
    'lede-subscribe': CustomEvent<NewsletterSignup>;
    'lede-subscribed': CustomEvent<NewsletterSubscribedDetail>;
  }
}

/** Turns a signup into the request an endpoint expects; register one in `LedeNewsletter.adapters`. */
export type NewsletterAdapter = (signup: NewsletterSignup, action: string) => DeliveryRequest;

const defaultStrings = {
  heading: 'Newsletter',
  email: 'Email',
  name: 'Name',
  button: 'Subscribe',
  sending: 'Sending…',
  success: 'Thanks! Check your inbox to confirm.',
  invalid: 'Enter an email like name@example.com.',
  consentRequired: 'Please tick this box.',
  /** Beside the label of a field that must be filled (the field itself is marked required for assistive technology). */
  required: '(required)',
  saved: 'No connection: your signup is saved on this device and will be sent when the connection is back.',
  failed: 'Sorry, that did not work. Please try again.',
};

export type NewsletterStrings = typeof defaultStrings;

const CHANNEL = 'newsletter';

const post = (url: string, type: string, body: string): DeliveryRequest => ({
  url,
  method: 'POST',
  headers: { 'Content-Type': type },
  body,
});

/**
 * @summary A newsletter signup that validates, retries, and keeps the signup on the device when
 * the network is down, so no email is ever lost.
 *
 * @description Progressive enhancement: put a plain `<form action method="post">` inside; it posts
 * without JavaScript, and after upgrade its `action`, its email value, a `name` field and a `list`
 * field are read as defaults. Requests go through the shared delivery module (timeout, retries
 * with backoff, one `Idempotency-Key` per signup) and, when undeliverable, wait in the outbox.
 * `action` must be an http(s) URL (resolved against the page's base URL); a missing or unsafe one
 * is reported and nothing is sent or kept. Only the hidden honeypot field marks a bot: a reader
 * who submits fast (autofill) is subscribed, and `elapsedMs` tells the endpoint how fast it was.
 * When the page's address carries `lede-signup=pending` (where a server sends the reader back
 * after the plain form's post), the first newsletter on the page shows its success message and
 * removes the parameter from the address bar.
 *
 * @slot consent - The consent label, when it needs markup such as a link to the privacy policy (shows the checkbox like `consent`).
 *
 * @fires lede-subscribe - Before sending, cancelable: `detail` is the signup; `preventDefault()` to handle it yourself.
 * @fires lede-subscribed - The endpoint accepted the signup: `detail: { email, message? }`.
 * @fires lede-error - The endpoint refused the signup (`http`), it could not be sent or kept (`network`), or an attribute is wrong.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The heading.
 * @csspart text - The introduction under the heading.
 * @csspart form - The `<form>`.
 * @csspart input - The email and name inputs.
 * @csspart button - The submit button.
 * @csspart error - A validation message beside its field.
 * @csspart status - The live region for progress, success and failure.
 *
 * @cssprop [--lede-newsletter-background=a 5% tint of the text colour] - Background of the box.
 * @cssprop [--lede-newsletter-button-color=white on a light page, black on a dark one] - Text colour of the button.
 * @cssprop [--lede-newsletter-error-color=#d93025 on a light page, a lighter red on a dark one] - Colour that marks an invalid field.
 */
export class LedeNewsletter extends LedeElement<NewsletterStrings> {
  static override styles = [...LedeElement.styles, newsletterStyles];

  /**
   * Request shapes by `provider` name. Add your own:
   * `LedeNewsletter.adapters.myesp = (signup, action) => ({ url: action, headers: {…}, body: … })`.
   */
  static adapters: Record<string, NewsletterAdapter> = {
    json: (signup, action) => post(action, 'application/json', JSON.stringify(signup)),
    form: (signup, action) =>
      post(action, 'application/x-www-form-urlencoded', `${new URLSearchParams(signup as never)}`),
  };

  static override properties = {
    action: {},
    provider: {},
    heading: {},
    text: {},
    buttonLabel: { attribute: 'button-label' },
    nameField: { attribute: 'name-field', type: Boolean },
    consent: {},
    consentHtml: { attribute: 'consent-html' },
    successMessage: { attribute: 'success-message' },
    list: {},
    delivery: { attribute: false },
    busy: { state: true, attribute: false },
    message: { state: true, attribute: false },
    error: { state: true, attribute: false },
  };

  /** The signup endpoint. Defaults to the `action` of a child `<form>`. */
  declare action?: string;
  /** How the request is shaped: `json` (default), `form` (urlencoded), or a key of `LedeNewsletter.adapters`. */
  declare provider: string;
  /** The heading; defaults to "Newsletter". */
  declare heading?: string;
  /** An introduction under the heading. */
  declare text?: string;
  /** The submit button's label (the `button-label` attribute). */
  declare buttonLabel?: string;
  /** Asks for a name too (the `name-field` attribute). On when a child `<form>` has a `name` field. */
  declare nameField: boolean;
  /** The label of a consent checkbox that must be ticked; no checkbox when absent (nor `consent-html`, nor a `consent` slot). */
  declare consent?: string;
  /** The consent label as HTML, for a link to the privacy policy (the `consent-html` attribute): sanitized, links and text only. */
  declare consentHtml?: string;
  /** Shown on success instead of the endpoint's message (the `success-message` attribute). */
  declare successMessage?: string;
  /** The list to subscribe to, passed through to the endpoint. Defaults to a child form's `list` field. */
  declare list?: string;
  /** Options for the delivery module: `timeout`, `retries`, `backoff`, `maxDelay`. */
  declare delivery?: DeliveryOptions;

  private busy: boolean;
  private message: string;
  private error?: ['email' | 'consent', string];

  constructor() {
    super();
    this.provider = 'json';
    this.nameField = false;
    this.busy = false;
    this.message = '';
  }

  /** @deprecated The introduction is the `text` property now, like its attribute. */
  get intro(): string | undefined {
    return this.text;
  }
  set intro(value: string | undefined) {
    this.text = value;
  }

  #started = 0;
  #consentNodes?: Node[];
  #outbox = new OutboxController(this, {
    channel: CHANNEL,
    // Where this element's signups go: its adapter's URL for its action (an adapter may add a path).
    endpoint: () => {
      const action = this.action ?? (this.#fallback && attribute(this.#fallback, 'action'));
      return action && this.#adapter({ email: '', source: '' }, httpUrl(action) ?? action).url;
    },
    accepts: (request) => this.#accepts(request),
    onResult: (entry, result) => this.#settle(result, entry.meta?.email as string),
    maxAge: () => this.delivery?.keepFor,
  });

  protected get defaultStrings(): NewsletterStrings {
    return defaultStrings;
  }

  /** The fallback form among the children; none on a server, which cannot read the children. */
  get #fallback(): HTMLFormElement | null {
    return isServer ? null : this.querySelector('form');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#started = Date.now();
  }

  /** Whether a stored request is one this element could have written: the adapter's method and headers, a body with an email. */
  #accepts(request: DeliveryRequest): boolean {
    const adapter = this.#adapter;
    const shape = adapter({ email: '', source: '' }, request.url);
    const sameHeaders = JSON.stringify(request.headers ?? {}) === JSON.stringify(shape.headers ?? {});
    if (!sameHeaders || (shape.method ?? 'POST') !== 'POST') return false;
    const body = request.body ?? '';
    if (adapter === LedeNewsletter.adapters.form) return isEmail(new URLSearchParams(body).get('email') ?? '');
    if (adapter !== LedeNewsletter.adapters.json) return true; // A host's own adapter: its body is its own affair.
    try {
      const signup: unknown = JSON.parse(body);
      return typeof signup === 'object' && signup !== null && isEmail(`${(signup as { email?: unknown }).email}`);
    } catch {
      return false;
    }
  }

  /** The adapter for `provider`: only the adapters' own keys (never `constructor` or `__proto__`). */
  get #adapter(): NewsletterAdapter {
    const { adapters } = LedeNewsletter;
    return (Object.hasOwn(adapters, this.provider) && adapters[this.provider]) || adapters.json!;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('consentHtml') && !isServer) {
      const html = this.consentHtml;
      this.#consentNodes = undefined;
      if (html)
        void consentNodes(html).then((nodes) => {
          if (html !== this.consentHtml) return;
          this.#consentNodes = nodes;
          this.requestUpdate();
        });
    }
    // The first render already says it: a signup waiting in the outbox, or one the no-JavaScript form sent
    // (set here, not after the render, so that it costs no second update).
    if (!this.hasUpdated && !isServer) {
      if (this.#savedEmail()) this.message = this.resolvedStrings.saved;
      else if (takeReturnedSignup()) this.message = this.successMessage ?? this.resolvedStrings.success;
    }
  }

  protected override firstUpdated(): void {
    const form = this.#fallback;
    this.#input('email').value =
      this.#savedEmail() ?? ((form && query<HTMLInputElement>(form, '[name=email]')?.value) || '');
  }

  /** The email of a signup waiting in the outbox, if any. */
  #savedEmail(): string | undefined {
    const email = this.#outbox.pending[0]?.meta?.email;
    return typeof email === 'string' ? email : undefined;
  }

  /** Whether there is a consent checkbox: a `consent` label, `consent-html`, or a `consent` slot. */
  get #hasConsent(): boolean {
    return !!(this.consent || this.consentHtml || (!isServer && this.querySelector(':scope > [slot=consent]')));
  }

  #input(name: string): HTMLInputElement {
    return this.renderRoot.querySelector(`[name=${name}]`)!;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.resolvedStrings;
    const data = new FormData(event.target as HTMLFormElement);
    const email = `${data.get('email')}`.trim();
    const name = `${data.get('name') ?? ''}`.trim();
    this.error = !isEmail(email)
      ? ['email', t.invalid]
      : this.#hasConsent && !data.has('consent')
        ? ['consent', t.consentRequired]
        : undefined;
    this.message = '';
    if (this.error) {
      await this.updateComplete;
      this.#input(this.error[0]).focus();
      return;
    }
    // A bot filled the hidden field: it sees success; nothing is sent. Speed is never a reason to drop a signup.
    if (data.get('website')) return void (this.message = this.successMessage ?? t.success);

    const form = this.#fallback;
    const endpoint = resolveEndpoint(this.action ?? (form && attribute(form, 'action')));
    if (typeof endpoint === 'string') {
      this.message = t.failed;
      return this.reportProblem('invalid-attribute', 'action', endpoint);
    }
    const list = this.list ?? ((form && query<HTMLInputElement>(form, '[name=list]')?.value) || undefined);
    const consented = this.#hasConsent;
    const signup: NewsletterSignup = {
      email,
      ...(name && { name }),
      ...(consented && {
        consent: true,
        consentText: visibleText(this.renderRoot.querySelector('label[for=consent]')!),
      }),
      ...(list && { list }),
      source: pageSource(),
      elapsedMs: Date.now() - this.#started,
    };
    if (!emit(this, 'lede-subscribe', signup, true)) return;

    const adapter = this.#adapter;
    if (!Object.hasOwn(LedeNewsletter.adapters, this.provider))
      this.reportProblem('invalid-attribute', 'provider', `unknown "${this.provider}"; using json`);
    const request = adapter(signup, endpoint.href);
    // The outbox keeps absolute URLs: a relative one would be sent wherever the next page is.
    request.url = new URL(request.url, endpoint).href;
    this.busy = true;
    this.message = t.sending;
    const result = await this.#outbox.send(request, newIdempotencyKey(), { email }, this.delivery);
    this.busy = false;
    if (result === 'saved') this.message = t.saved;
    else this.#settle(result, email);
  }

  /** Shows the outcome of a signup, sent now or later from the outbox. */
  #settle(result: DeliveryResult, email: string): void {
    const t = this.resolvedStrings;
    if (result.ok) {
      const { message } = result;
      const detail: NewsletterSubscribedDetail = { email, ...(message && { message }) };
      this.message = this.successMessage ?? detail.message ?? t.success;
      const input = this.#input('email');
      if (input.value.trim() === email) input.form!.reset();
      emit(this, 'lede-subscribed', detail);
      return;
    }
    this.message = (result.outcome === 'refused' && result.message) || t.failed;
    const [code, problem] = describeFailure(result);
    this.reportProblem(code, 'action', `${problem}; the signup was not sent`);
  }

  protected override render() {
    const t = this.resolvedStrings;
    // Ids are scoped to the shadow root: these cannot clash with the page's or another element's.
    const [field, problem] = this.error ?? [];
    const invalid = (name: string) => (field === name ? 'true' : nothing);
    const describedBy = (name: string) => (field === name ? 'error' : nothing);
    const error = (name: string) => (field === name ? html`<p id="error" part="error">${problem}</p>` : nothing);
    // The email field's required state is in the accessibility tree, so its mark is for the eye only;
    // browsers expose no required state on a checkbox, so the consent box is described by its mark.
    const required = (id?: string) =>
      html` <span class="required" id=${id ?? nothing} aria-hidden=${id ? nothing : 'true'}>${t.required}</span>`;
    return html`<section part="base" aria-labelledby="heading">
      ${renderHeading(this.level, 'heading', this.heading ?? t.heading)}${this.text ? html`<p part="text">${this.text}</p>` : nothing}
      <form part="form" novalidate @submit=${this.#submit}>
        <div>
          <label for="email">${t.email}${required()}</label
          ><input
            part="input"
            id="email"
            type="email"
            name="email"
            autocomplete="email"
            required
            aria-invalid=${invalid('email')}
            aria-describedby=${describedBy('email')}
          />${error('email')}
        </div>
        ${this.nameField || (this.#fallback && query(this.#fallback, '[name=name]')) ? html`<div><label for="name">${t.name}</label><input part="input" id="name" name="name" autocomplete="name" /></div>` : nothing}
        ${
          this.#hasConsent
            ? html`<div class="consent">
                <input
                  id="consent"
                  type="checkbox"
                  name="consent"
                  aria-required="true"
                  aria-invalid=${invalid('consent')}
                  aria-describedby=${field === 'consent' ? 'error' : 'consent-required'}
                /><label for="consent"><slot name="consent">${this.#consentNodes ?? this.consent}</slot></label
                >${required('consent-required')}${error('consent')}
              </div>`
            : nothing
        }
        <input class="visually-hidden" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
        <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : nothing}>
          ${this.buttonLabel ?? t.button}
        </button>
      </form>
      <p part="status" role="status">${this.message}</p>
    </section>`;
  }
}
