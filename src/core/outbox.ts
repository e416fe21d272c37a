import { deliver, type DeliveryRequest, type DeliveryResult } from './delivery.js';
import { isRecord, own, toJson } from './own.js';
import { httpUrl, listen } from './page.js';

/**
 * What could not be delivered waits here, in localStorage, until the reader is back online or
 * returns to a page with Lede. Flushing runs under a Web Lock shared by every tab of the origin,
 * and re-reads the storage inside the lock, so an entry is sent by one tab only, once.
 *
 * Any script of the origin can write to localStorage, so nothing read back is trusted: an entry
 * must have the shape Lede writes (an absolute http(s) URL, `POST`, string headers and body, an
 * expiry) or it is dropped with a warning, and each channel's owner sends only the entries it
 * could have written itself (see `OutboxController`). Entries expire (30 days by default).
 */
export interface OutboxEntry {
  id: string;
  /** Who owns the entry, such as `newsletter` or `votes`; each element flushes its own channel. */
  channel: string;
  /** Always an absolute URL: a relative one would be resolved against whichever page flushes it. */
  request: DeliveryRequest;
  idempotencyKey: string;
  createdAt: number;
  /** When the entry is dropped unsent (milliseconds since the epoch). */
  expiresAt: number;
  /** Anything the owner needs to describe the entry to the reader later (never secrets). */
  meta?: Record<string, unknown>;
}

/** What a caller gives to `enqueue`; `maxAge` is how long the entry may wait (30 days by default). */
export type NewOutboxEntry = Omit<OutboxEntry, 'id' | 'createdAt' | 'expiresAt'> & { maxAge?: number };

/** How long an entry waits by default: 30 days. */
export const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60 * 1000;

/** The localStorage key, and the name of the Web Lock that guards it. */
const STORAGE_KEY = 'lede-outbox';

/** The longest body an entry may hold; Lede's own are far shorter. */
const MAX_BODY = 16 * 1024;

/** Whether a stored value has the shape Lede writes; anything else was planted or is from a broken write. */
function isWellFormed(value: unknown): value is OutboxEntry {
  if (!isRecord(value)) return false;
  const request = own(value, 'request');
  if (!isRecord(request)) return false;
  const url = own(request, 'url');
  const headers = own(request, 'headers');
  const body = own(request, 'body');
  const meta = own(value, 'meta');
  return (
    typeof own(value, 'id') === 'string' &&
    typeof own(value, 'channel') === 'string' &&
    typeof own(value, 'idempotencyKey') === 'string' &&
    Number.isFinite(own(value, 'createdAt')) &&
    Number.isFinite(own(value, 'expiresAt')) &&
    typeof url === 'string' &&
    httpUrl(url) === url &&
    own(request, 'method') === 'POST' &&
    isRecord(headers) &&
    Object.values(headers).every((v) => typeof v === 'string') &&
    typeof body === 'string' &&
    body.length <= MAX_BODY &&
    (meta === undefined || isRecord(meta))
  );
}

const warnDropped = (count: number, why: string) =>
  console.warn(`[lede] outbox: dropped ${count} ${count === 1 ? 'entry' : 'entries'} ${why}`);

/** The stored entries that are well-formed and not expired; the rest leave the storage, with a warning. */
function readAll(now = Date.now()): OutboxEntry[] {
  let parsed: unknown;
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return [];
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined; // Storage blocked by the browser's privacy settings (nothing to drop), or not JSON.
  }
  const stored = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  const entries = stored.filter(isWellFormed);
  const live = entries.filter((e) => e.expiresAt > now);
  if (live.length !== stored.length) {
    if (entries.length !== stored.length || !Array.isArray(parsed))
      warnDropped(stored.length - entries.length || 1, 'that Lede did not write');
    if (live.length !== entries.length) warnDropped(entries.length - live.length, 'that waited too long (expired)');
    writeAll(live);
  }
  return live;
}

function writeAll(entries: OutboxEntry[]): boolean {
  try {
    if (entries[0]) localStorage.setItem(STORAGE_KEY, toJson(entries));
    else localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false; // Quota exceeded, or storage blocked or missing.
  }
}

/**
 * Keeps a request for later, with its URL made absolute against the page. Returns false when the
 * request cannot be kept: no storage at all, or a URL that is not http(s).
 */
export function enqueue({ maxAge = DEFAULT_MAX_AGE, ...entry }: NewOutboxEntry): boolean {
  const url = httpUrl(entry.request.url);
  if (!url) return false;
  const entries = readAll();
  if (entries.some((e) => e.idempotencyKey === entry.idempotencyKey)) return true;
  const createdAt = Date.now();
  const stored: OutboxEntry = {
    ...entry,
    request: {
      ...entry.request,
      url,
      method: 'POST',
      headers: { ...(own(entry.request, 'headers') as object) },
      body: (own(entry.request, 'body') as string | undefined) ?? '',
    },
    id: entry.idempotencyKey,
    createdAt,
    expiresAt: createdAt + maxAge,
  };
  return writeAll([...entries, stored]);
}

/** The entries waiting in one channel. */
export function pending(channel: string): OutboxEntry[] {
  return readAll().filter((e) => e.channel === channel);
}

/**
 * Takes a request out of the outbox: sent after all (a page kept in the back/forward cache while
 * it was on its way, then shown again), answered by a flush, or not this element's to send.
 */
export function dequeue(id: string): void {
  const entries = readAll();
  if (entries.some((e) => e.id === id)) writeAll(entries.filter((e) => e.id !== id));
}

/**
 * Empties the outbox: every signup and vote waiting on this device is forgotten, unsent. For a
 * "forget this device" link; elements on the page keep what they show until the next page.
 */
export function clearOutbox(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: there is nothing kept to clear.
  }
}

/** Runs `task` while no other tab (or caller in this tab) flushes. */
function exclusively(task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(STORAGE_KEY, task).then(() => {});
  return task(); // No Web Locks (very old browsers): the endpoint's idempotency key still prevents a double signup.
}

/** Which of a channel's entries a flush sends: `send`, leaves for another element (`skip`), or drops unsent (`drop`). */
export type OutboxVerdict = 'send' | 'skip' | 'drop';

/**
 * Sends the waiting entries of `channel` that `check` lets through (all by default). An entry the
 * endpoint accepted or refused leaves the outbox and is reported through `onResult`; one that is
 * still undeliverable stays, and the flush stops there (the connection is probably still down).
 * An entry `check` drops leaves the outbox unsent, with a warning.
 */
export function flush(
  channel: string,
  onResult: (entry: OutboxEntry, result: DeliveryResult) => void,
  check: (entry: OutboxEntry) => OutboxVerdict = () => 'send',
): Promise<void> {
  return exclusively(async () => {
    for (const entry of pending(channel)) {
      // Another tab may have sent it while this one waited for the lock.
      if (!readAll().some((e) => e.id === entry.id)) continue;
      const verdict = check(entry);
      if (verdict === 'skip') continue;
      if (verdict === 'drop') {
        dequeue(entry.id);
        warnDropped(1, `for ${entry.request.url}: not a request this element sends`);
        continue;
      }
      const result = await deliver(entry.request, { idempotencyKey: entry.idempotencyKey, retries: 1 });
      if (!result.ok && result.outcome === 'unavailable') return;
      dequeue(entry.id);
      onResult(entry, result);
    }
  });
}

/** Flushes `channel` now and whenever the browser comes back online; returns a stop function. */
export function watchOutbox(
  channel: string,
  onResult: (entry: OutboxEntry, result: DeliveryResult) => void,
  check?: (entry: OutboxEntry) => OutboxVerdict,
): () => void {
  const run = () => {
    if (pending(channel).length > 0) void flush(channel, onResult, check);
  };
  run();
  return listen(globalThis, 'online', run);
}
