import { sql } from 'kysely';
import type { Db } from './db/schema.js';
import { tooMany } from './http/errors.js';

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per client and bucket, counted in the database with one atomic upsert, so every
 * process behind a load balancer shares it. Throws 429 with Retry-After past the limit.
 */
export async function takeToken(
  db: Db,
  bucket: string,
  clientKey: string,
  limit: number,
  now = Date.now(),
): Promise<void> {
  const windowStart = now - (now % WINDOW_MS);
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket, client_key: clientKey, window_start: windowStart, n: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'client_key', 'window_start']).doUpdateSet({ n: sql`rate_limits.n + 1` }))
    .returning('n')
    .executeTakeFirstOrThrow();
  if (Number(row.n) > limit) {
    throw tooMany('Too many requests from your network. Please try again in a minute.', windowStart + WINDOW_MS);
  }
}
