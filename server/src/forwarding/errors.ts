import type { Reply } from './types.js';

/** A job that did not go through. `retry`: try again later (5xx, 429, network); otherwise it stops as failed. */
export class ForwardError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    /** From Retry-After: wait at least this long. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Retry-After as seconds or an HTTP date, in ms from now (undefined when absent or unreadable). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The answer that is not a success, as an error: 429 and 5xx (and 408) are retried, Retry-After honoured; any other
 * status stops the job as failed with the service's own message (`message`, taken from its documented error shape).
 */
export function failure(reply: Reply, message: string | undefined): ForwardError {
  const text = `HTTP ${reply.status}${message ? `: ${message}` : ''}`;
  const retry = reply.status === 429 || reply.status === 408 || reply.status >= 500;
  return new ForwardError(text, retry, retry ? retryAfterMs(reply.headers.get('retry-after')) : undefined);
}

/** A short, single-line excerpt of a body that is not in the documented shape. */
export function excerpt(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** A value at a path of a parsed JSON body, when it is a non-empty string. */
export function pick(json: unknown, ...path: (string | number)[]): string | undefined {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}
