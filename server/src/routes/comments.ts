import type { Hono } from 'hono';
import { CommentCounts } from '../comments/counts.js';
import { json, type Deps, type Env } from '../deps.js';
import { readFields } from '../http/body.js';
import { HttpError } from '../http/errors.js';
import { requireAdmin } from '../http/admin.js';
import { idParam, LIMITS, stringField } from '../http/validate.js';
import { COUNT_CACHE } from './votes.js';

/** A listing page of 200 articles fits one request (the element splits longer lists at a URL length). */
const MAX_BATCH = 200;
const MAX_ADMIN_PAGE = 500;

function pageParam(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw new HttpError(400, `${name} must be a whole number from 0 to ${max}.`);
  return n;
}

export function commentRoutes(app: Hono<Env>, deps: Deps): void {
  const { store, config } = deps;
  const counts = new CommentCounts(store.db, config, deps.log);
  deps.log(counts.describe());

  app.get('/v1/comments/count', async (c) => {
    const articleId = idParam(c.req.query('articleId'), 'articleId');
    const found = await counts.counts([articleId]);
    return c.json({ count: found.get(articleId) ?? 0 }, 200, COUNT_CACHE);
  });

  app.get('/v1/comments/counts', async (c) => {
    const ids = [...new Set(c.req.queries('articleId') ?? [])];
    if (ids.length === 0) throw new HttpError(400, 'articleId is required.');
    if (ids.length > MAX_BATCH) throw new HttpError(400, `At most ${MAX_BATCH} articleId values per request.`);
    for (const id of ids) idParam(id, 'articleId');
    const found = await counts.counts(ids);
    // No prototype: an articleId like "__proto__" is a plain key.
    const body: Record<string, number> = Object.create(null);
    for (const id of ids) body[id] = found.get(id) ?? 0;
    return c.json({ counts: body }, 200, COUNT_CACHE);
  });

  app.put('/v1/comments/count', requireAdmin(config.adminToken), async (c) => {
    const body = await readFields(c, false);
    const articleId = stringField(body.fields, 'articleId', { max: LIMITS.id, required: true })!;
    const count = body.fields.count;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      throw new HttpError(400, 'count must be a whole number ≥ 0.');
    if (config.commentSource !== 'push')
      throw new HttpError(
        409,
        `Comment counts come from ${config.commentSource} (COMMENT_SOURCE); a pushed count would be overwritten.`,
      );
    const now = Date.now();
    await store.db
      .insertInto('comment_counts')
      .values({ article_id: articleId, count, updated_at: now, source: 'push', checked_at: null })
      .onConflict((oc) =>
        oc.column('article_id').doUpdateSet({ count, updated_at: now, source: 'push', checked_at: null }),
      )
      .execute();
    const answer = json(200, { articleId, count });
    return c.body(answer.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/v1/admin/comments', requireAdmin(config.adminToken), async (c) => {
    const limit = pageParam(c.req.query('limit'), 'limit', 50, MAX_ADMIN_PAGE);
    const offset = pageParam(c.req.query('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER);
    const page = await counts.list(limit, offset);
    const articles = page.articles.map((a) => ({
      articleId: a.articleId,
      count: a.count,
      source: a.source,
      updatedAt: a.updatedAt === null ? null : new Date(a.updatedAt).toISOString(),
      stale: a.stale,
    }));
    return c.json({ articles, total: page.total }, 200, { 'Cache-Control': 'no-store' });
  });
}
