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
  /** Milliseconds before one attempt is abandoned. */
  timeout?: number;
  /** Attempts after the first one. */
  retries?: number;
  /** First backoff delay in milliseconds; doubles on every retry. */
  backoff?: number;
  /** The longest wait between attempts, including a `Retry-After`; a longer one ends the retries. */
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
  | { ok: false; outcome: 'unavailable'; reason: 'offline' | 'network' | 'timeout' | 'server' | 'unreadable' | 'aborted'; status?: number };

export const DELIVERY_DEFAULTS = { timeout: 8000, retries: 3, backoff: 600, maxDelay: 15000 } as const;

/** A random key, unique per logical request. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const isOffline = (): boolean => globalThis.navigator?.onLine === false;

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      resolve();
    }
  });
}

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

type Attempt = DeliveryResult | { retry: true; reason: 'network' | 'timeout' | 'server' | 'unreadable'; status?: number; after?: number };

async function readJson(response: Response): Promise<{ readable: boolean; data: unknown }> {
  const text = await response.text();
  try {
    return { readable: true, data: text.trim() ? JSON.parse(text) : undefined };
  } catch {
    return { readable: false, data: text };
  }
}

async function attemptOnce(request: DeliveryRequest, headers: Record<string, string>, timeout: number, signal?: AbortSignal): Promise<Attempt> {
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
    // An opaque answer (no-cors) says nothing about whether the endpoint accepted the request.
    if (response.type.startsWith('opaque')) return { retry: true, reason: 'unreadable' };
    const { readable, data } = await readJson(response);
    if (response.ok) return readable ? { ok: true, status: response.status, data } : { retry: true, reason: 'unreadable', status: response.status };
    if (response.status === 429 || response.status >= 500) {
      return { retry: true, reason: 'server', status: response.status, after: retryAfterMs(response.headers.get('Retry-After')) };
    }
    const { error, message } = Object(data) as { error?: unknown; message?: unknown };
    const reason = error ?? message;
    return { ok: false, outcome: 'refused', status: response.status, data, message: typeof reason === 'string' ? reason : undefined };
  } catch {
    if (signal?.aborted) return { ok: false, outcome: 'unavailable', reason: 'aborted' };
    return { retry: true, reason: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Sends `request`, retrying what is worth retrying. Resolves with the outcome; never rejects. */
export async function deliver(request: DeliveryRequest, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { timeout, retries, backoff, maxDelay } = { ...DELIVERY_DEFAULTS, ...options };
  if (isOffline()) return { ok: false, outcome: 'unavailable', reason: 'offline' };
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.(attempt);
    const result = await attemptOnce(request, headers, timeout, options.signal);
    if (!('retry' in result)) return result;
    const unavailable = { ok: false, outcome: 'unavailable', reason: result.reason, status: result.status } as const;
    if (attempt > retries) return unavailable;
    const delay = result.after ?? backoffMs(attempt, backoff, maxDelay);
    if (delay > maxDelay) return unavailable;
    await wait(delay, options.signal);
    if (options.signal?.aborted) return { ok: false, outcome: 'unavailable', reason: 'aborted' };
    if (isOffline()) return { ok: false, outcome: 'unavailable', reason: 'offline' };
  }
}

/** Resolves in a later task, so that a request an element needs only after it has rendered does not delay that first render. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
