import { deliver, type DeliveryRequest, type DeliveryResult } from './delivery.js';

/**
 * What could not be delivered waits here, in localStorage, until the reader is back online or
 * returns to a page with Lede. Flushing runs under a Web Lock shared by every tab of the origin,
 * and re-reads the storage inside the lock, so an entry is sent by one tab only, once.
 */
export interface OutboxEntry {
  id: string;
  /** Who owns the entry, such as `newsletter` or `votes`; each element flushes its own channel. */
  channel: string;
  request: DeliveryRequest;
  idempotencyKey: string;
  createdAt: number;
  /** Anything the owner needs to describe the entry to the reader later (never secrets). */
  meta?: Record<string, unknown>;
}

/** The localStorage key, and the name of the Web Lock that guards it. */
const STORAGE_KEY = 'lede-outbox';

function readAll(): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? (parsed as OutboxEntry[]).filter((e) => e && typeof e.id === 'string' && e.request)
      : [];
  } catch {
    return []; // Storage blocked by the browser's privacy settings, or not JSON.
  }
}

function writeAll(entries: OutboxEntry[]): boolean {
  try {
    if (entries[0]) localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
    else localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false; // Quota exceeded, or storage blocked or missing.
  }
}

/** Keeps a request for later. Returns false when the browser allows no storage at all. */
export function enqueue(entry: Omit<OutboxEntry, 'id' | 'createdAt'>): boolean {
  const entries = readAll();
  if (entries.some((e) => e.idempotencyKey === entry.idempotencyKey)) return true;
  return writeAll([...entries, { ...entry, id: entry.idempotencyKey, createdAt: Date.now() }]);
}

/** The entries waiting in one channel. */
export function pending(channel: string): OutboxEntry[] {
  return readAll().filter((e) => e.channel === channel);
}

/**
 * Takes a request out of the outbox: sent after all (a page kept in the back/forward cache while
 * it was on its way, then shown again), or answered by a flush.
 */
export function dequeue(id: string): void {
  const entries = readAll();
  if (entries.some((e) => e.id === id)) writeAll(entries.filter((e) => e.id !== id));
}

/** Runs `task` while no other tab (or caller in this tab) flushes. */
function exclusively(task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(STORAGE_KEY, task).then(() => {});
  return task(); // No Web Locks (very old browsers): the endpoint's idempotency key still prevents a double signup.
}

/**
 * Sends every waiting entry of `channel`. An entry the endpoint accepted or refused leaves the
 * outbox and is reported through `onResult`; one that is still undeliverable stays, and the flush
 * stops there (the connection is probably still down).
 */
export function flush(channel: string, onResult: (entry: OutboxEntry, result: DeliveryResult) => void): Promise<void> {
  return exclusively(async () => {
    for (const entry of pending(channel)) {
      // Another tab may have sent it while this one waited for the lock.
      if (!readAll().some((e) => e.id === entry.id)) continue;
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
): () => void {
  const run = () => {
    if (pending(channel).length > 0) void flush(channel, onResult);
  };
  run();
  globalThis.addEventListener?.('online', run);
  return () => globalThis.removeEventListener?.('online', run);
}
