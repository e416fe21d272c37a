import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { DAY_MS } from './admin-params.js';

/** A day is closed a minute after it ends: a vote stamped 23:59:59 may still be committing just after midnight. */
const GRACE_MS = 60_000;
/** Per-article day counts kept for this many articles (the most recently asked). */
const MAX_ARTICLES = 500;

type Counts = Record<string, number>;

/**
 * Votes per UTC day, overall and per article and scenario. Votes are only ever added, stamped with the time they
 * arrive, so a closed day's counts never change: each is counted by the database once and kept in memory; the days
 * still open (today) are counted at every ask. A year of a million votes is read once, not on every page view.
 */
export class VoteDays {
  private readonly cache = new Map<string, Map<number, Counts>>();

  constructor(private readonly db: Db) {}

  /** Votes per day over every article, for the days first..last. */
  async total(first: number, last: number, now = Date.now()): Promise<Map<number, number>> {
    const days = await this.days('', first, last, now, (from, to) =>
      this.db
        .selectFrom('votes')
        .select([dayOf.as('day'), sql<string>`''`.as('scenario_id'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .groupBy(dayOf)
        .execute(),
    );
    return new Map([...days].map(([day, counts]) => [day, counts[''] ?? 0]));
  }

  /** One article's votes per day and scenario, for the days first..last. */
  async article(articleId: string, first: number, last: number, now = Date.now()): Promise<Map<number, Counts>> {
    return this.days(`a:${articleId}`, first, last, now, (from, to) =>
      this.db
        .selectFrom('votes')
        .select([dayOf.as('day'), 'scenario_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('article_id', '=', articleId)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .groupBy([dayOf, 'scenario_id'])
        .execute(),
    );
  }

  private async days(
    key: string,
    first: number,
    last: number,
    now: number,
    count: (fromMs: number, toMs: number) => Promise<{ day: number; scenario_id: string; n: number }[]>,
  ): Promise<Map<number, Counts>> {
    const lastClosed = Math.floor((now - GRACE_MS) / DAY_MS) - 1;
    let known = this.cache.get(key);
    if (known) this.cache.delete(key);
    known ??= new Map();
    this.cache.set(key, known);
    if (this.cache.size > MAX_ARTICLES + 1) this.cache.delete(this.cache.keys().next().value!);

    const collect = (rows: { day: number; scenario_id: string; n: number }[], into: Map<number, Counts>) => {
      for (const row of rows) {
        const counts = into.get(Number(row.day)) ?? Object.create(null);
        counts[row.scenario_id] = Number(row.n);
        into.set(Number(row.day), counts);
      }
    };
    const missing: number[] = [];
    for (let day = first; day <= Math.min(last, lastClosed); day++) if (!known.has(day)) missing.push(day);
    if (missing.length > 0) {
      const from = missing[0]!;
      const to = missing[missing.length - 1]!;
      const counted = new Map<number, Counts>();
      collect(await count(from * DAY_MS, (to + 1) * DAY_MS), counted);
      for (let day = from; day <= to; day++) known.set(day, counted.get(day) ?? Object.create(null));
    }
    const open = new Map<number, Counts>();
    if (last > lastClosed) collect(await count(Math.max(first, lastClosed + 1) * DAY_MS, (last + 1) * DAY_MS), open);

    const out = new Map<number, Counts>();
    for (let day = first; day <= last; day++) out.set(day, (day <= lastClosed ? known.get(day) : open.get(day)) ?? {});
    return out;
  }
}

const dayOf = sql<number>`created_at / ${sql.lit(DAY_MS)}`;
