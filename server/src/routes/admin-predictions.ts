import type { Hono } from 'hono';
import { sql } from 'kysely';
import type { Deps, Env } from '../deps.js';
import { idParam } from '../http/validate.js';
import { dayWindow, intParam, pageParams, windowDays } from './admin-params.js';
import type { VoteDays } from './admin-vote-days.js';

/**
 * `GET /v1/admin/predictions`: the articles readers voted on, most readers first, with the votes per scenario (from the
 * running counts, one row per article and scenario). `GET /v1/admin/predictions/days`: one article's votes per UTC day
 * and scenario (the `votes_article_day` index covers it; closed days are counted once, see VoteDays).
 */
export function adminPredictionRoutes(app: Hono<Env>, deps: Deps, voteDays: VoteDays): void {
  const { db } = deps.store;

  app.get('/v1/admin/predictions', async (c) => {
    const { limit, offset } = pageParams((name) => c.req.query(name));
    const readers = sql<number>`sum(n)`;
    const page = await db
      .selectFrom('vote_counts')
      .select(['article_id', readers.as('readers')])
      .groupBy('article_id')
      .orderBy(readers, 'desc')
      .orderBy('article_id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await db
      .selectFrom('vote_counts')
      .select((eb) => eb.fn.count<number>('article_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    const ids = page.map((r) => r.article_id);
    const counts =
      ids.length === 0
        ? []
        : await db
            .selectFrom('vote_counts')
            .select(['article_id', 'scenario_id', 'n'])
            .where('article_id', 'in', ids)
            .orderBy('article_id')
            .orderBy('n', 'desc')
            .orderBy('scenario_id')
            .execute();
    const articles = page.map((r) => ({
      articleId: r.article_id,
      readers: Number(r.readers),
      scenarios: counts
        .filter((s) => s.article_id === r.article_id)
        .map((s) => ({ scenarioId: s.scenario_id, votes: Number(s.n) })),
    }));
    return c.json({ articles, total: Number(total.n), limit, offset }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/admin/predictions/days', async (c) => {
    const articleId = idParam(c.req.query('articleId'), 'articleId');
    const days = intParam(c.req.query('days'), 'days', 30, 1, 366);
    const window = dayWindow(days);
    const byDay = await voteDays.article(articleId, window.first, window.last);
    return c.json(
      {
        articleId,
        days: windowDays(window).map(({ n, day }) => ({ day, votes: byDay.get(n) ?? {} })),
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
}
