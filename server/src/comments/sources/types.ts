/** What a comment system answers for a set of keys (URLs, page ids): a key it does not list has no comments yet. */
export type Counts = Map<string, number>;

export interface CountSource {
  /** The name in COMMENT_SOURCE, also stored beside each count. */
  readonly name: string;
  /** The most keys one call of `fetchCounts` is given (the service's batch size, or what one request should carry). */
  readonly batchSize: number;
  /**
   * Puts into `found` the count of every key the service answered for (a key it knows no thread for: 0), as soon as
   * it knows it. Throws (SourceError, network error, abort) when it cannot finish: what is in `found` by then still
   * counts, the other keys keep their last known count.
   */
  fetchCounts(keys: string[], signal: AbortSignal, found: Counts): Promise<void>;
}

/** Everything an adapter may need; which fields it reads is documented in docs/server-comment-counts.md. */
export interface SourceSettings {
  /** Base URL of the service (no trailing slash). */
  url: string;
  token: string | undefined;
  site: string | undefined;
  user: string | undefined;
  category: string | undefined;
}

/** A service answered, but not with counts: its status and its own message, never our credentials. */
export class SourceError extends Error {}

/** A whole number ≥ 0, or the reason the answer is not one. */
export function countOf(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new SourceError(`${what} is not a count: ${JSON.stringify(value)?.slice(0, 80)}`);
  return value;
}

function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  for (const key of ['error', 'message', 'details']) if (typeof b[key] === 'string') return b[key] as string;
  if (Array.isArray(b.errors)) {
    const first = b.errors[0] as unknown;
    if (typeof first === 'string') return first;
    if (first && typeof first === 'object' && typeof (first as { message?: unknown }).message === 'string')
      return (first as { message: string }).message;
  }
  return undefined;
}

/** fetch + JSON: a non-2xx answer or a body that is not JSON becomes a SourceError with the service's message. */
export async function requestJson(url: string, init: RequestInit, signal: AbortSignal): Promise<unknown> {
  // No redirects: fetch would carry a custom key header (Discourse's Api-Key) to wherever the redirect points.
  const response = await fetch(url, { ...init, signal, redirect: 'error' });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    if (response.ok) throw new SourceError(`HTTP ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const message = messageOf(body) ?? text.slice(0, 120);
    throw new SourceError(`HTTP ${response.status}${message ? `: ${message}` : ''}`, { cause: response.status });
  }
  return body;
}

/**
 * GraphQL answers 200 with `errors` for a failed query (rate limit, bad token, bad query). Any error fails the whole
 * batch: a field that is null because of an error must not read as "no comments".
 */
export function graphqlData(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as { data?: unknown; errors?: unknown };
  if (Array.isArray(b.errors) && b.errors.length > 0) throw new SourceError(`GraphQL: ${messageOf(b) ?? 'error'}`);
  if (!b.data || typeof b.data !== 'object') throw new SourceError('GraphQL: no data in the answer');
  return b.data as Record<string, unknown>;
}
