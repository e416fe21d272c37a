import type { Hono } from 'hono';
import { sql } from 'kysely';
import type { Deps, Env } from '../deps.js';
import { dayWindow, DAY_MS, intParam, windowDays } from './admin-params.js';
import type { VoteDays } from './admin-vote-days.js';

type Status = 'pending' | 'confirmed' | 'unsubscribed';
type StatusCounts = Record<Status, number>;
const noStatus = (): StatusCounts => ({ pending: 0, confirmed: 0, unsubscribed: 0 });

/**
 * `GET /v1/admin/overview?days=30`: subscribers by list and status, the confirmation rate, and signups and votes per
 * UTC day, each counted by the database (`created_at / 86400000` is integer division on SQLite and PostgreSQL alike;
 * votes of closed days are counted once, see VoteDays).
 */
export function adminOverviewRoutes(app: Hono<Env>, deps: Deps, voteDays: VoteDays): void {
  const { db } = deps.store;

  app.get('/v1/admin/overview', async (c) => {
    const days = intParam(c.req.query('days'), 'days', 30, 1, 366);
    const window = dayWindow(days);

    // One pass over the subscribers: per list and status, and how many of them ever confirmed.
    const byList = await db
      .selectFrom('subscribers')
      .select([
        'list',
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.count<number>('confirmed_at').as('confirmed_ever'),
      ])
      .groupBy(['list', 'status'])
      .execute();
    const dayOf = sql<number>`created_at / ${sql.lit(DAY_MS)}`;
    const signupRows = await db
      .selectFrom('subscribers')
      .select([dayOf.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', window.fromMs)
      .groupBy(dayOf)
      .execute();
    const votes = await voteDays.total(window.first, window.last);
    const voteTotals = await db
      .selectFrom('vote_counts')
      .select([
        (eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('votes'),
        (eb) => eb.fn.count<number>('article_id').distinct().as('articles'),
      ])
      .executeTakeFirstOrThrow();

    const lists = new Map<string, StatusCounts>();
    const subscribers = noStatus();
    for (const row of byList) {
      const counts = lists.get(row.list) ?? noStatus();
      counts[row.status] += Number(row.n);
      subscribers[row.status] += Number(row.n);
      lists.set(row.list, counts);
    }
    const all = subscribers.pending + subscribers.confirmed + subscribers.unsubscribed;
    const confirmedEver = byList.reduce((sum, row) => sum + Number(row.confirmed_ever), 0);
    const perDay = (rows: { day: number; n: number }[]) => new Map(rows.map((r) => [Number(r.day), Number(r.n)]));
    const signups = perDay(signupRows);

    return c.json(
      {
        subscribers,
        confirmationRate: all === 0 ? null : confirmedEver / all,
        lists: [...lists]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([list, counts]) => ({ list, ...counts })),
        votes: { total: Number(voteTotals.votes), articles: Number(voteTotals.articles) },
        days: windowDays(window).map(({ n, day }) => ({ day, signups: signups.get(n) ?? 0, votes: votes.get(n) ?? 0 })),
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
}
