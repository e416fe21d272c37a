import type { ReactiveControllerHost } from 'lit';
import { LedeController } from './controller.js';
import { deliver, type DeliveryOptions, type DeliveryRequest, type DeliveryResult } from './delivery.js';
import {
  dequeue,
  enqueue,
  pending,
  watchOutbox,
  type NewOutboxEntry,
  type OutboxEntry,
  type OutboxVerdict,
} from './outbox.js';
import { bare } from './own.js';
import { httpUrl, listen } from './page.js';

export interface OutboxControllerOptions {
  /** The outbox channel this element owns, such as `newsletter`. */
  channel: string;
  /** The element's endpoint now (relative or absolute): only entries for it are sent. */
  endpoint(): string | null | undefined;
  /** Whether a stored request to this endpoint is one this element could have written (method, headers, body). */
  accepts(request: DeliveryRequest): boolean;
  /** Called with each entry a flush got an answer for (accepted or refused). */
  onResult(entry: OutboxEntry, result: DeliveryResult): void;
  /** Called when a request on its way was kept in the outbox because the page went away. */
  onKept?(entry: NewOutboxEntry): void;
  /** How long a kept request may wait, in milliseconds (30 days when undefined). */
  maxAge?(): number | undefined;
}

/** What `send` resolves with: the delivery's answer, or `saved` when the request waits in the outbox. */
export type SendOutcome = DeliveryResult | 'saved';

/**
 * The outbox side of an element that sends something a reader must not lose (a signup, a vote):
 * sends a request through the delivery module and keeps it in the outbox when it cannot be
 * delivered, keeps a request still on its way when the page is hidden (`pagehide`) or the element
 * removed, and sends what waits for this element's endpoint on connect and when the browser comes
 * back online. Entries for the endpoint that the element could not have written are dropped.
 */
export class OutboxController extends LedeController {
  #inflight?: NewOutboxEntry;
  #abort?: AbortController;
  #stopWatching?: () => void;
  #stopKeeping?: () => void;

  /** The element's options, without a prototype: one it leaves out (`maxAge`, `onKept`) is not read from Object.prototype. */
  private readonly options: OutboxControllerOptions;

  constructor(host: ReactiveControllerHost, options: OutboxControllerOptions) {
    super();
    this.options = bare(Object.entries(options));
    host.addController(this);
  }

  /** The entries waiting in this channel (for any endpoint). */
  get pending(): OutboxEntry[] {
    return pending(this.options.channel);
  }

  /** Aborts when the element leaves the page. */
  get signal(): AbortSignal | undefined {
    return this.#abort?.signal;
  }

  override hostConnected(): void {
    this.#abort = new AbortController();
    this.#stopKeeping = listen(window, 'pagehide', this.#keep);
    this.#stopWatching = watchOutbox(this.options.channel, this.options.onResult, this.#check);
  }

  override hostDisconnected(): void {
    // A request still on its way is kept in the outbox, for this element's successor or the next page.
    this.#keep();
    this.#abort?.abort();
    this.#stopWatching?.();
    this.#stopKeeping?.();
  }

  /**
   * Sends `request` (to an absolute http(s) URL, resolved against the page); when it cannot be
   * delivered, keeps it in the outbox and resolves `saved`.
   */
  async send(
    request: DeliveryRequest,
    idempotencyKey: string,
    meta: Record<string, unknown>,
    options: DeliveryOptions = {},
  ): Promise<SendOutcome> {
    const entry = this.entry(request, idempotencyKey, meta);
    if (!entry) return { ok: false, outcome: 'unavailable', reason: 'network' };
    const result = await this.track(entry, (signal) => deliver(entry.request, { ...options, idempotencyKey, signal }));
    // Aborted: the element left the page, and the request is kept in the outbox already.
    return !result.ok && result.outcome === 'unavailable' && (result.reason === 'aborted' || enqueue(entry))
      ? 'saved'
      : result;
  }

  /** The outbox entry for `request` in this channel (POST, absolute URL); undefined when the URL is not http(s). */
  entry(request: DeliveryRequest, idempotencyKey: string, meta: Record<string, unknown>): NewOutboxEntry | undefined {
    const url = httpUrl(request.url);
    return url
      ? {
          channel: this.options.channel,
          request: { ...request, url, method: 'POST' },
          idempotencyKey,
          meta,
          maxAge: this.#maxAge(),
        }
      : undefined;
  }

  /**
   * Runs `attempt` (the deliveries of `entry`) with the element's abort signal. Meanwhile the entry
   * is on its way: the page going away or the element leaving keeps it in the outbox. Once
   * answered, it leaves the outbox again (kept on `pagehide`, then the page came back from the
   * back/forward cache). Keeping an unanswered entry for later is the caller's choice (`enqueue`).
   */
  async track(
    entry: NewOutboxEntry,
    attempt: (signal?: AbortSignal) => Promise<DeliveryResult>,
  ): Promise<DeliveryResult> {
    this.#inflight = entry;
    const result = await attempt(this.#abort?.signal);
    if (this.#inflight === entry) this.#inflight = undefined;
    if (result.ok || result.outcome !== 'unavailable' || result.reason !== 'aborted') dequeue(entry.idempotencyKey);
    return result;
  }

  /** The element's `maxAge`, when it is a positive number of milliseconds. */
  #maxAge(): number | undefined {
    const maxAge = this.options.maxAge?.();
    return typeof maxAge === 'number' && maxAge > 0 && maxAge < Infinity ? maxAge : undefined;
  }

  #keep = (): void => {
    const entry = this.#inflight;
    if (entry && enqueue(entry)) this.options.onKept?.(entry);
  };

  /** Sends what this element could have written to its own endpoint; another endpoint's entries wait for their element. */
  #check = (entry: OutboxEntry): OutboxVerdict => {
    const endpoint = httpUrl(this.options.endpoint());
    if (!endpoint || entry.request.url !== endpoint) return 'skip';
    return this.options.accepts(entry.request) ? 'send' : 'drop';
  };
}
