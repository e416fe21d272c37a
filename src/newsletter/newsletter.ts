import { html, isServer, nothing, type PropertyValues } from 'lit';
import { LedeElement } from '../core/base-element.js';
import {
  deliver,
  newIdempotencyKey,
  type DeliveryOptions,
  type DeliveryRequest,
  type DeliveryResult,
} from '../core/delivery.js';
import { emit } from '../core/events.js';
import { renderHeading } from '../core/heading.js';
import { enqueue } from '../core/outbox.js';
import { OutboxController } from '../core/outbox-controller.js';
import {
  emailField,
  fillForm,
  formAction,
  formRequest,
  nameField,
  opensElsewhere,
  post,
  postsItself,
  submitNatively,
} from './child-form.js';
import { consentNodes, visibleText } from './consent.js';
import { isEmail } from './email.js';
import { newsletterStyles } from './newsletter.styles.js';
import { query } from '../core/page.js';
import { own, toJson } from '../core/own.js';
import { answers, pageSource, resolveEndpoint, takeReturnedSignup } from './page.js';

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
  offline:
    'You are offline, so nothing was sent. Your address is still here: subscribe again once you are back online.',
  unreachable: 'The newsletter service cannot be reached right now, so nothing was sent. Please try again later.',
  elsewhere: 'Almost done: finish your signup on the page that just opened.',
};

export type NewsletterStrings = typeof defaultStrings;

const CHANNEL = 'newsletter';

const offline = (): boolean => navigator.onLine === false;

/** Endpoints (origin and path) that answered this page's fetch without CORS headers: their child forms go to the browser from now on. */
const corsBlocked = new Set<string>();
/** Endpoints (origin and path) whose answers this page could read. */
const corsReadable = new Set<string>();

/**
 * @summary A newsletter signup that validates, retries, and keeps the signup on the device when
 * the network is down, so no email is ever lost.
 *
 * @description Progressive enhancement: put a plain `<form action method="post">` inside (your own,
 * or the embed form of your email service); it posts without JavaScript. After upgrade the element
 * validates, shows errors beside the fields and handles consent, and the child form is the
 * contract: without `action` and `provider` on the element it is sent as it would send itself
 * (method, urlencoded or multipart, its own field names, hidden fields and honeypots). On the
 * page's origin, or with `cors`, that happens by fetch; on another origin the browser submits the
 * form itself (`provider="native"` asks for that anywhere) and the service's own page answers, in
 * this tab or the form's `target`. Offline, or with the service unreachable, the reader is told
 * and keeps the typed address; nothing is claimed and nothing is kept. With `action` on the element
 * the signup is shaped by `provider` (`json` by default). Fetches go through the shared delivery
 * module (timeout, retries with backoff, one `Idempotency-Key` per signup) and, when undeliverable,
 * wait in the outbox; an answer that cannot be read (no CORS headers, not JSON) is never kept: a
 * fetch that meets an endpoint without CORS headers is reported at once with the fix, and a child
 * form is then submitted by the browser.
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
 * @fires lede-error - The endpoint refused the signup or answered something unreadable (`http`), it could not be sent or kept, answered without CORS headers, or cannot be reached (`network`), or an attribute is wrong (`invalid-attribute`).
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
    json: (signup, action) => post(action, 'application/json', toJson(signup)),
    form: (signup, action) =>
      post(action, 'application/x-www-form-urlencoded', `${new URLSearchParams(signup as never)}`),
  };

  static override properties = {
    action: {},
    provider: {},
    cors: { type: Boolean },
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
  /**
   * How the signup is sent: `json` (the default with `action`), `form` (urlencoded), `native` (the
   * browser submits the child form itself), or a key of `LedeNewsletter.adapters`. Without it, a
   * child form is sent as it would send itself: by fetch to its own origin (or with `cors`), by the
   * browser to another origin.
   */
  declare provider?: string;
  /** The endpoint answers CORS requests from this page: a child form on another origin is sent by fetch, with retries and the outbox. */
  declare cors: boolean;
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
    this.nameField = false;
    this.cors = false;
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
  /**
   * Signups that could not be sent wait in the outbox; one on its way as the page goes away is
   * kept too. Only those for this element's endpoint that it could have written are sent (only a
   * Content-Type header, a body with an address); others for that endpoint are dropped with a
   * warning, and another endpoint's wait for their own element.
   */
  #outbox = new OutboxController(this, {
    channel: CHANNEL,
    endpoint: () => {
      const form = this.#fallback;
      return this.action ?? (form && formAction(form));
    },
    accepts: ({ headers = {}, body }) =>
      Object.keys(headers).every((name) => name.toLowerCase() === 'content-type') &&
      typeof body === 'string' &&
      body.includes('@'),
    onResult: (entry, result) => this.#settle(result, entry.meta?.email as string),
    maxAge: () => own(this.delivery, 'keepFor') as number | undefined,
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
      else if (takeReturnedSignup(this.#listName())) this.message = this.successMessage ?? this.resolvedStrings.success;
    }
  }

  #listName(): string | undefined {
    const form = this.#fallback;
    return this.list ?? ((form && query<HTMLInputElement>(form, '[name=list]')?.value) || undefined);
  }

  protected override firstUpdated(): void {
    const form = this.#fallback;
    this.#input('email').value = this.#savedEmail() ?? ((form && emailField(form)?.value) || '');
  }

  /** The email of a signup waiting in the outbox, if any. */
  #savedEmail(): string | undefined {
    return this.#outbox.pending[0]?.meta?.email as string | undefined;
  }

  /** Whether the form asks for a name: `name-field`, or a name field in the child form. */
  get #asksName(): boolean {
    const form = this.#fallback;
    return this.nameField || !!(form && nameField(form));
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
    const endpoint = resolveEndpoint(this.action ?? (form && formAction(form)));
    if (typeof endpoint === 'string') return this.#unusable(endpoint);
    const list = this.#listName();
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
    if (form && this.#browserSends(form, endpoint)) return this.#sendNatively(form, signup);

    const request = this.#request(signup, endpoint, form);
    const key = newIdempotencyKey();
    const entry = this.#outbox.entry(request, key, { email });
    if (!entry) return this.#unusable(`the provider's URL ${request.url} is not an http(s) URL`);
    this.busy = true;
    this.message = t.sending;
    const url = new URL(request.url);
    const resource = url.origin + url.pathname;
    // A first request to another origin is tried once: if it fails, a probe tells a missing CORS
    // header (the server answers) from a network failure; only the latter is worth retries and the outbox.
    const probing = url.origin !== location.origin && !corsReadable.has(resource);
    let blocked = false;
    const result = await this.#outbox.track(entry, async (signal) => {
      const options: DeliveryOptions = { ...this.delivery, idempotencyKey: key, signal };
      const first = await deliver(request, probing ? { ...options, retries: 0 } : options);
      if (!probing || first.ok || first.outcome !== 'unavailable' || first.reason === 'aborted') return first;
      blocked = first.reason === 'network' && (await answers(request.url, signal));
      if (blocked) return first;
      await new Promise((resolve) => setTimeout(resolve, (own(options, 'backoff') as number | undefined) ?? 600));
      const retries = (own(options, 'retries') as number | undefined) ?? 3;
      return deliver(request, { ...options, retries: Math.max(0, retries - 1) });
    });
    this.busy = false;
    if (!result.ok && result.outcome === 'unavailable' && result.reason === 'aborted') return; // Kept in the outbox already.
    if (blocked) return this.#corsBlocked(url.origin, resource, form, signup);
    if (result.ok || result.outcome === 'refused') corsReadable.add(resource);
    if (!result.ok && result.outcome === 'unavailable') {
      // An answer that cannot be read is never kept for later: it would be re-sent forever.
      if (result.reason === 'unreadable') {
        // A child form's own endpoint may answer 2xx with a page: the browser would have shown it; it accepted the signup.
        if (form && this.provider === undefined && this.action == null && result.status && result.status < 300)
          return this.#settle({ ok: true, status: result.status, data: undefined }, email);
        this.message = t.failed;
        return this.reportProblem(
          'http',
          'action',
          `${url.origin} answered ${result.status ?? 'opaquely'} with something other than JSON; nothing is kept for a retry`,
        );
      }
      if (enqueue(entry)) return void (this.message = t.saved);
    }
    this.#settle(result, email);
  }

  /** An action that cannot be used: reported; the reader keeps the address and nothing is sent or kept. */
  #unusable(problem: string): void {
    this.message = this.resolvedStrings.failed;
    this.reportProblem('invalid-attribute', 'action', problem);
  }

  /**
   * Whether the browser submits the child form itself: `provider="native"`; a form that does not
   * POST; or, with no provider or `json`, a form whose action is on another origin that nothing
   * says answers CORS (the `cors` attribute), or that this page already found without CORS.
   */
  #browserSends(form: HTMLFormElement, endpoint: URL): boolean {
    const provider = this.provider;
    if (provider === 'native') return true;
    if (provider !== undefined && provider !== 'json') return false;
    if (!postsItself(form)) return provider === undefined && this.action == null;
    const foreign = endpoint.origin !== location.origin;
    return foreign && (!this.cors || corsBlocked.has(endpoint.origin + endpoint.pathname));
  }

  /** The request a fetch sends: the child form as it would send itself, or the provider's shape. */
  #request(signup: NewsletterSignup, endpoint: URL, form: HTMLFormElement | null): DeliveryRequest {
    let provider = this.provider;
    if (form && provider === undefined && this.action == null) {
      fillForm(form, signup.email, signup.name, signup.consent);
      const { source, elapsedMs, consentText } = signup;
      return formRequest(form, endpoint.href, {
        source,
        elapsedMs: `${elapsedMs}`,
        ...(consentText && { consent: 'on', consentText }),
      });
    }
    provider ??= 'json';
    let adapter = Object.hasOwn(LedeNewsletter.adapters, provider) ? LedeNewsletter.adapters[provider] : undefined;
    if (!adapter) {
      this.reportProblem(
        'invalid-attribute',
        'provider',
        provider === 'native'
          ? 'native needs a child <form> to submit; using json'
          : `unknown "${provider}"; using json`,
      );
      adapter = LedeNewsletter.adapters.json!;
    }
    const request = adapter(signup, endpoint.href);
    // The outbox keeps absolute URLs: a relative one would be sent wherever the next page is.
    return { ...request, url: new URL(request.url, endpoint).href };
  }

  /**
   * The browser submits the publisher's form: the service's own page answers, in this tab or the
   * form's `target`. Nothing is claimed and nothing is kept: offline or with the service down the
   * reader is told so and keeps the typed address.
   */
  async #sendNatively(form: HTMLFormElement, signup: NewsletterSignup): Promise<void> {
    const t = this.resolvedStrings;
    const target = resolveEndpoint(formAction(form));
    if (typeof target === 'string') return this.#unusable(target);
    if (offline()) return void (this.message = t.offline);
    this.busy = true;
    this.message = t.sending;
    const up = await answers(target.href, this.#outbox.signal);
    this.busy = false;
    if (!up) {
      this.message = offline() ? t.offline : t.unreachable;
      return this.reportProblem('network', 'action', `${target.origin} cannot be reached; nothing was sent`);
    }
    fillForm(form, signup.email, signup.name, signup.consent);
    submitNatively(form);
    if (opensElsewhere(form)) this.message = t.elsewhere;
  }

  /** A fetch-based provider met an endpoint without CORS headers: said once, loudly, with the fix. */
  #corsBlocked(origin: string, resource: string, form: HTMLFormElement | null, signup: NewsletterSignup): void {
    corsBlocked.add(resource);
    this.reportProblem(
      'network',
      'action',
      `${origin} answered without CORS headers for this page, so nothing is kept for a retry. Fix: allow ${location.origin} there (Access-Control-Allow-Origin, Content-Type and Idempotency-Key) or use provider="native"`,
    );
    if (form) return void this.#sendNatively(form, signup);
    this.message = this.resolvedStrings.failed;
  }

  /** Shows the outcome of a signup, sent now or later from the outbox. */
  #settle(result: DeliveryResult, email: string): void {
    const t = this.resolvedStrings;
    if (result.ok) {
      const message = (result.data as { message?: unknown } | undefined)?.message;
      const detail: NewsletterSubscribedDetail = { email, ...(typeof message === 'string' && { message }) };
      this.message = this.successMessage ?? detail.message ?? t.success;
      const input = this.#input('email');
      if (input.value.trim() === email) input.form!.reset();
      emit(this, 'lede-subscribed', detail);
      return;
    }
    const refused = result.outcome === 'refused';
    this.message = (refused && result.message) || t.failed;
    this.reportProblem(
      refused ? 'http' : 'network',
      'action',
      refused ? `refused (${result.status})` : 'not sent, not saved',
    );
  }

  protected override render() {
    // Ids are scoped to the shadow root: these cannot clash with the page's or another element's.
    const [field, problem] = this.error ?? [];
    const invalid = (name: string) => (field === name ? 'true' : nothing);
    const describedBy = (name: string) => (field === name ? 'error' : nothing);
    const error = (name: string) => (field === name ? html`<p id="error" part="error">${problem}</p>` : nothing);
    // The email field's required state is in the accessibility tree, so its mark is for the eye only;
    // browsers expose no required state on a checkbox, so the consent box is described by its mark.
    const required = (id?: string) =>
      html` <span class="required" id=${id ?? nothing} aria-hidden=${id ? nothing : 'true'}
        >${this.say('required')}</span
      >`;
    return html`<section part="base" aria-labelledby="heading">
      ${renderHeading(this.level, 'heading', this.heading ?? this.say('heading'))}${this.text ? html`<p part="text">${this.text}</p>` : nothing}
      <form part="form" novalidate @submit=${this.listener(this.#submit)}>
        <div>
          <label for="email">${this.say('email')}${required()}</label
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
        ${this.#asksName ? html`<div><label for="name">${this.say('name')}</label><input part="input" id="name" name="name" autocomplete="name" /></div>` : nothing}
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
          ${this.buttonLabel ?? this.say('button')}
        </button>
      </form>
      <p part="status" role="status">${this.mark(this.message)}</p>
    </section>`;
  }
}
