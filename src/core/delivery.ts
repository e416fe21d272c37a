import type { LedeErrorCode } from './events.js';
import { isRecord, options, own } from './own.js';

/**
 * Sends one request to a publisher's endpoint the way a reader's flaky connection needs: a
 * timeout on every attempt, retries with exponential backoff and jitter on network errors, 5xx and
 * 429 (honouring `Retry-After`), and the same `Idempotency-Key` on every attempt, so the endpoint
 * can tell a retry from a second request. It never throws and never reports success on an
 * answer it could not read.
 */

/** Everything needed to send (or re-send from the outbox) one request: plain data, storable as JSON. */
export interface DeliveryRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
}

export interface DeliveryOptions {
  /** Milliseconds before one attempt is abandoned; 8000 by default. */
  timeout?: number;
  /** Attempts after the first one; 3 by default. */
  retries?: number;
  /** First backoff delay in milliseconds (600 by default); doubles on every retry. */
  backoff?: number;
  /** The longest wait between attempts, including a `Retry-After`; a longer one ends the retries. 15000 by default. */
  maxDelay?: number;
  /** Sent as `Idempotency-Key` on every attempt. */
  idempotencyKey?: string;
  /** Aborts the delivery (the element was removed, the reader cancelled). */
  signal?: AbortSignal;
  /** Called before each attempt, from 1. */
  onAttempt?: (attempt: number) => void;
  /** Milliseconds a request that could not be delivered waits in the outbox before it is dropped unsent; 30 days by default. */
  keepFor?: number;
}

export type DeliveryResult =
  /** The endpoint accepted it (2xx with a JSON or empty body); `message` is its own `{ message }`, bounded. */
  | { ok: true; status: number; data: unknown; message?: string }
  /** The endpoint refused it (4xx other than 429): do not retry; `message` is the endpoint's own. */
  | { ok: false; outcome: 'refused'; status: number; data: unknown; message?: string }
  /** It could not be delivered now: worth keeping and sending later. */
  | {
      ok: false;
      outcome: 'unavailable';
      reason: 'offline' | 'network' | 'timeout' | 'server' | 'unreadable' | 'aborted';
      status?: number;
    };

/** `data[key]` when `data` is a plain object that has it as its own property (never an inherited one). */
export const ownField = (data: unknown, key: string): unknown => (isRecord(data) ? own(data, key) : undefined);

/** A random key, unique per logical request. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const isOffline = (): boolean => globalThis.navigator?.onLine === false;

type Unavailable = Extract<DeliveryResult, { outcome: 'unavailable' }>;

const unavailable = (reason: Unavailable['reason'], status?: number): Unavailable => ({
  ok: false,
  outcome: 'unavailable',
  reason,
  status,
});

/** Resolves after `ms`, or as soon as `signal` aborts. */
const wait = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });

/**
 * `Retry-After` in milliseconds: a whole number of seconds or an HTTP date; undefined when absent
 * or unreadable (`-1`, `1.5`, `soon`), so that the caller falls back to its backoff.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its weekday or month (`Wed, 21 Oct 2015 07:28:00 GMT`); `-1` or `1e3` is no date.
  if (!/^[a-z]{3}/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The longest endpoint text shown to a reader; longer ones are cut at a word with an ellipsis. */
export const MAX_MESSAGE_LENGTH = 300;

/** An endpoint's message as a reader may see it: trimmed, at most `MAX_MESSAGE_LENGTH` characters. */
export function boundedMessage(text: unknown): string | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const chars = [...text.trim()];
  if (chars.length <= MAX_MESSAGE_LENGTH) return chars.join('');
  const cut = chars.slice(0, MAX_MESSAGE_LENGTH - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_MESSAGE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Exponential backoff with "equal jitter": between half and all of base × 2^(attempt − 1). */
export function backoffMs(attempt: number, base: number, max: number): number {
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** One attempt: a final result, or an unavailable one worth retrying (not `aborted`), after `after` ms if the endpoint said so. */
async function attemptOnce(
  request: DeliveryRequest,
  headers: Record<string, string>,
  timeout: number,
  signal?: AbortSignal,
): Promise<DeliveryResult & { after?: number }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeout);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  try {
    // Every option explicit, in an object with no prototype: a page that planted
    // `Object.prototype.credentials = 'include'` (or `mode`, `referrerPolicy`, `body`…) changes nothing.
    const init = options<RequestInit>({
      method: request.method ?? 'POST',
      headers,
      body: request.body ?? null,
      signal: controller.signal,
      credentials: 'same-origin', // Cookies for the page's own origin only.
      mode: 'cors',
      redirect: 'follow',
    });
    const response = await fetch(request.url, init);
    const { status } = response;
    // An opaque answer (no-cors) says nothing about whether the endpoint accepted the request.
    if (response.type.startsWith('opaque')) return unavailable('unreadable');
    const text = await response.text();
    let data: unknown;
    try {
      data = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      if (response.ok) return unavailable('unreadable', status);
      data = text;
    }
    if (response.ok) {
      const message = boundedMessage(ownField(data, 'message'));
      return { ok: true, status, data, ...(message && { message }) };
    }
    if (status === 429 || status >= 500)
      return { ...unavailable('server', status), after: retryAfterMs(response.headers.get('Retry-After')) };
    return {
      ok: false,
      outcome: 'refused',
      status,
      data,
      message: boundedMessage(ownField(data, 'error') ?? ownField(data, 'message')),
    };
  } catch {
    return unavailable(signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Sends `request`, retrying what is worth retrying. Resolves with the outcome; never rejects. */
export async function deliver(given: DeliveryRequest, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  // Own properties only: with `Object.prototype.body` or `.timeout` planted, `{ url, method: 'GET' }` has neither.
  const option = <K extends keyof DeliveryOptions>(key: K, fallback?: DeliveryOptions[K]) =>
    (own(options, key) as DeliveryOptions[K]) ?? fallback;
  const [timeout, retries, backoff, maxDelay] = [
    option('timeout', 8000)!,
    option('retries', 3)!,
    option('backoff', 600)!,
    option('maxDelay', 15000)!,
  ];
  const signal = option('signal');
  const idempotencyKey = option('idempotencyKey');
  const request: DeliveryRequest = {
    url: `${own(given, 'url')}`,
    method: own(given, 'method') as DeliveryRequest['method'],
    body: own(given, 'body') as string | undefined,
  };
  const headers: Record<string, string> = { Accept: 'application/json', ...(own(given, 'headers') as object) };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  for (let attempt = 1; ; attempt++) {
    // Aborted before the first attempt (the element left the page), or while a retry waited.
    if (signal?.aborted) return unavailable('aborted');
    if (isOffline()) return unavailable('offline');
    option('onAttempt')?.(attempt);
    const { after, ...result } = await attemptOnce(request, headers, timeout, signal);
    if (result.ok || result.outcome === 'refused' || result.reason === 'aborted') return result;
    const delay = after ?? backoffMs(attempt, backoff, maxDelay);
    if (attempt > retries || delay > maxDelay) return result;
    await wait(delay, signal);
  }
}

/** Resolves in a later task, so that a request an element needs only after it has rendered does not delay that first render. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

export type DeliveryFailure = Extract<DeliveryResult, { ok: false }>;

/**
 * The one mapping from a failed delivery to a `lede-error` code and a sentence for the console:
 * `http` for a refusal or a server error, `timeout`, `invalid-json` for an answer that could not
 * be read, `network` for the rest.
 */
export function describeFailure(result: DeliveryFailure): [LedeErrorCode, string] {
  if (result.outcome === 'refused')
    return ['http', `answered HTTP ${result.status}${result.message ? `: ${result.message}` : ''}`];
  switch (result.reason) {
    case 'server':
      return ['http', `answered HTTP ${result.status}`];
    case 'timeout':
      return ['timeout', 'did not answer in time'];
    case 'unreadable':
      return ['invalid-json', 'answered something that is not JSON'];
    default:
      return ['network', `could not be reached (${result.reason})`];
  }
}
