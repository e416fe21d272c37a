import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { nextUtcMidnight, utcDay } from '../clients.js';
import type { Database, Db } from '../db/schema.js';
import { clientAddress, json, type Deps, type Env } from '../deps.js';
import { readFields } from '../http/body.js';
import { tooMany } from '../http/errors.js';
import { idempotencyKey, idParam, LIMITS, stringField } from '../http/validate.js';
import { idempotent, type Outcome } from '../idempotency.js';
import { takeToken } from '../ratelimit.js';

export const COUNT_CACHE = { 'Cache-Control': 'public, max-age=15, stale-while-revalidate=60' };

/** `{ scenarioId: n }` as an object without a prototype, so ids like `__proto__` are plain keys. */
export async function voteCounts(db: Db | Transaction<Database>, articleId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('vote_counts')
    .select(['scenario_id', 'n'])
    .where('article_id', '=', articleId)
    .orderBy('scenario_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.scenario_id, Number(r.n)]));
}

async function vote(
  trx: Transaction<Database>,
  deps: Deps,
  articleId: string,
  scenarioId: string,
  readerId: string,
  clientKey: string,
): Promise<Outcome> {
  const now = Date.now();
  const first = await trx
    .selectFrom('votes')
    .select('scenario_id')
    .where('article_id', '=', articleId)
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  let choice = first?.scenario_id;
  if (choice === undefined) {
    const inserted = await trx
      .insertInto('votes')
      .values({
        article_id: articleId,
        reader_id: readerId,
        scenario_id: scenarioId,
        client_key: clientKey,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['article_id', 'reader_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
      // One client (one network) may add only so many new readers to one article a day: past it, 429 and not counted.
      const cap = await trx
        .insertInto('vote_caps')
        .values({ client_key: clientKey, article_id: articleId, day: utcDay(now), n: 1 })
        .onConflict((oc) => oc.columns(['client_key', 'article_id', 'day']).doUpdateSet({ n: sql`vote_caps.n + 1` }))
        .returning('n')
        .executeTakeFirstOrThrow();
      if (Number(cap.n) > deps.config.voteCapPerArticle) {
        throw tooMany('Too many votes on this article from your network today.', nextUtcMidnight(now));
      }
      await trx
        .insertInto('vote_counts')
        .values({ article_id: articleId, scenario_id: scenarioId, n: 1 })
        .onConflict((oc) => oc.columns(['article_id', 'scenario_id']).doUpdateSet({ n: sql`vote_counts.n + 1` }))
        .execute();
      choice = scenarioId;
    } else {
      const row = await trx
        .selectFrom('votes')
        .select('scenario_id')
        .where('article_id', '=', articleId)
        .where('reader_id', '=', readerId)
        .executeTakeFirstOrThrow();
      choice = row.scenario_id;
    }
  }
  return json(200, { counts: await voteCounts(trx, articleId), choice });
}

export function voteRoutes(app: Hono<Env>, deps: Deps): void {
  const { store, keys, config } = deps;

  app.get('/v1/votes', async (c) => {
    const articleId = idParam(c.req.query('articleId'), 'articleId');
    const counts = await voteCounts(store.db, articleId);
    return c.json({ counts }, 200, COUNT_CACHE);
  });

  app.post('/v1/votes', async (c) => {
    const body = await readFields(c, false);
    const articleId = stringField(body.fields, 'articleId', { max: LIMITS.id, required: true })!;
    const scenarioId = stringField(body.fields, 'scenarioId', { max: LIMITS.id, required: true })!;
    const readerId = stringField(body.fields, 'readerId', { max: LIMITS.id, required: true })!;
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const clientKey = await keys.clientKey(clientAddress(c, config.trustProxy));
    const outcome = await idempotent(
      store.db,
      { scope: 'POST /v1/votes', key, raw: body.raw },
      () => takeToken(store.db, 'votes', clientKey, config.rateLimitVotes),
      (trx) => vote(trx, deps, articleId, scenarioId, readerId, clientKey),
    );
    return c.body(outcome.body, outcome.status as 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
