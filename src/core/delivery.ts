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
}

export type DeliveryResult =
  /** The endpoint accepted it (2xx with a JSON or empty body). */
  | { ok: true; status: number; data: unknown }
  /** The endpoint refused it (4xx other than 429): do not retry; `message` is the endpoint's own. */
  | { ok: false; outcome: 'refused'; status: number; data: unknown; message?: string }
  /** It could not be delivered now: worth keeping and sending later. */
  | {
      ok: false;
      outcome: 'unavailable';
      reason: 'offline' | 'network' | 'timeout' | 'server' | 'unreadable' | 'aborted';
      status?: number;
    };

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
    signal?.addEventListener('abort', done, { once: true });
  });

/** `Retry-After` in milliseconds: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(request.url, {
      method: request.method ?? 'POST',
      headers,
      body: request.body,
      signal: controller.signal,
      // Cookies only for the page's own origin: fetch's default credentials mode.
    });
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
    if (response.ok) return { ok: true, status, data };
    if (status === 429 || status >= 500)
      return { ...unavailable('server', status), after: retryAfterMs(response.headers.get('Retry-After')) };
    const { error, message } = Object(data) as { error?: unknown; message?: unknown };
    const reason = error ?? message;
    return { ok: false, outcome: 'refused', status, data, message: typeof reason === 'string' ? reason : undefined };
  } catch {
    return unavailable(signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Sends `request`, retrying what is worth retrying. Resolves with the outcome; never rejects. */
export async function deliver(request: DeliveryRequest, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { timeout = 8000, retries = 3, backoff = 600, maxDelay = 15000, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  for (let attempt = 1; ; attempt++) {
    // Aborted before the first attempt (the element left the page), or while a retry waited.
    if (signal?.aborted) return unavailable('aborted');
    if (isOffline()) return unavailable('offline');
    options.onAttempt?.(attempt);
    const { after, ...result } = await attemptOnce(request, headers, timeout, signal);
    if (result.ok || result.outcome === 'refused' || result.reason === 'aborted') return result;
    const delay = after ?? backoffMs(attempt, backoff, maxDelay);
    if (attempt > retries || delay > maxDelay) return result;
    await wait(delay, signal);
  }
}

/** Resolves in a later task, so that a request an element needs only after it has rendered does not delay that first render. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
