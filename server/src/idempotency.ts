import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from './db/schema.js';
import { isUniqueViolation } from './db/open.js';
import { HttpError } from './http/errors.js';

export interface Outcome {
  status: number;
  body: string;
}

export interface IdempotentRequest {
  /** The route, e.g. "POST /v1/votes": the same key on another route is another request. */
  scope: string;
  key: string | undefined;
  raw: Buffer;
  /** A keyed hash of the person the record is about, so an erasure can find it. */
  subject?: string;
}

class Replay {
  constructor(readonly row: { request_hash: string; status: number | null; body: string | null }) {}
}

export function hashBody(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('base64url');
}

function replayOf(row: Replay['row'], requestHash: string): Outcome & { replayed: true } {
  if (row.request_hash !== requestHash) {
    throw new HttpError(422, 'This Idempotency-Key was already used for a different request.');
  }
  return { status: row.status ?? 500, body: row.body ?? '', replayed: true };
}

/**
 * Runs `effect` at most once per (scope, key). The key is inserted in the same transaction as the effect: a duplicate
 * that arrives meanwhile blocks on that row (PostgreSQL) or on the single writer (SQLite) until the first commits, then
 * gets the stored answer byte for byte. Only committed 2xx answers are stored; a refusal (429...) rolls the key back.
 * `beforeEffect` (rate limits) runs only for requests that are not replays.
 */
export async function idempotent(
  db: Db,
  request: IdempotentRequest,
  beforeEffect: () => Promise<void>,
  effect: (trx: Transaction<Database>) => Promise<Outcome>,
): Promise<Outcome & { replayed: boolean }> {
  const requestHash = hashBody(request.raw);
  const { scope, key } = request;
  if (key !== undefined) {
    const done = await db
      .selectFrom('idempotency')
      .select(['request_hash', 'status', 'body'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (done && done.status !== null) return replayOf(done, requestHash);
  }
  await beforeEffect();
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        if (key !== undefined) {
          const inserted = await trx
            .insertInto('idempotency')
            .values({
              scope,
              key,
              request_hash: requestHash,
              status: null,
              body: null,
              subject: request.subject ?? null,
              created_at: Date.now(),
            })
            .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
            const row = await trx
              .selectFrom('idempotency')
              .select(['request_hash', 'status', 'body'])
              .where('scope', '=', scope)
              .where('key', '=', key)
              .executeTakeFirstOrThrow();
            throw new Replay(row);
          }
        }
        const result = await effect(trx);
        if (key !== undefined) {
          await trx
            .updateTable('idempotency')
            .set({ status: result.status, body: result.body })
            .where('scope', '=', scope)
            .where('key', '=', key)
            .execute();
        }
        return result;
      });
      return { ...outcome, replayed: false };
    } catch (error) {
      if (error instanceof Replay) return replayOf(error.row, requestHash);
      // Another process won a unique-key race (same reader, same address): run again and see its row.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
