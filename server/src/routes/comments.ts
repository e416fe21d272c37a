import type { Hono } from 'hono';
import { json, type Deps, type Env } from '../deps.js';
import { readFields } from '../http/body.js';
import { HttpError } from '../http/errors.js';
import { requireAdmin } from '../http/admin.js';
import { idParam, LIMITS, stringField } from '../http/validate.js';
import { COUNT_CACHE } from './votes.js';

const MAX_BATCH = 100;

export function commentRoutes(app: Hono<Env>, deps: Deps): void {
  const { store } = deps;

  app.get('/v1/comments/count', async (c) => {
    const articleId = idParam(c.req.query('articleId'), 'articleId');
    const row = await store.db
      .selectFrom('comment_counts')
      .select('count')
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    return c.json({ count: Number(row?.count ?? 0) }, 200, COUNT_CACHE);
  });

  app.get('/v1/comments/counts', async (c) => {
    const ids = [...new Set(c.req.queries('articleId') ?? [])];
    if (ids.length === 0) throw new HttpError(400, 'articleId is required.');
    if (ids.length > MAX_BATCH) throw new HttpError(400, `At most ${MAX_BATCH} articleId values per request.`);
    for (const id of ids) idParam(id, 'articleId');
    const rows = await store.db
      .selectFrom('comment_counts')
      .select(['article_id', 'count'])
      .where('article_id', 'in', ids)
      .execute();
    const found = new Map(rows.map((r) => [r.article_id, Number(r.count)]));
    return c.json({ counts: Object.fromEntries(ids.map((id) => [id, found.get(id) ?? 0])) }, 200, COUNT_CACHE);
  });

  app.put('/v1/comments/count', requireAdmin(deps.config.adminToken), async (c) => {
    const body = await readFields(c, false);
    const articleId = stringField(body.fields, 'articleId', { max: LIMITS.id, required: true })!;
    const count = body.fields.count;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      throw new HttpError(400, 'count must be a whole number ≥ 0.');
    await store.db
      .insertInto('comment_counts')
      .values({ article_id: articleId, count, updated_at: Date.now() })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ count, updated_at: Date.now() }))
      .execute();
    const answer = json(200, { articleId, count });
    return c.body(answer.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
