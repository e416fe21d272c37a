import type { Hono } from 'hono';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Deps, Env } from '../deps.js';
import { HttpError } from '../http/errors.js';
import { LIMITS, stringField } from '../http/validate.js';
import { pageParams } from './admin-params.js';

const STATUSES = ['pending', 'confirmed', 'unsubscribed'];

export interface SubscriberFilter {
  list?: string;
  status?: 'pending' | 'confirmed' | 'unsubscribed';
  /** Part of the address, any case. */
  q?: string;
}

/** `list`, `status` and `q` from the query string, checked; each absent one does not filter. */
export function subscriberFilter(query: (name: string) => string | undefined): SubscriberFilter {
  const list = stringField({ list: query('list') }, 'list', { max: LIMITS.id });
  const status = query('status') || undefined;
  if (status !== undefined && !STATUSES.includes(status)) {
    throw new HttpError(400, 'status is pending, confirmed or unsubscribed.');
  }
  const q = stringField({ q: query('q') }, 'q', { max: LIMITS.email })?.trim() || undefined;
  return { list, status: status as SubscriberFilter['status'], q };
}

type SubscriberQuery<O> = SelectQueryBuilder<Database, 'subscribers', O>;

/**
 * Adds the filter's conditions. Addresses are stored in lower case (the signup route lowers them), so `email like`
 * with a lower-case pattern matches the same rows on SQLite (whose LIKE ignores ASCII case) and PostgreSQL.
 */
export function applyFilter<O>(query: SubscriberQuery<O>, filter: SubscriberFilter): SubscriberQuery<O> {
  let q = query;
  if (filter.list !== undefined) q = q.where('list', '=', filter.list);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.q !== undefined) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql<boolean>`email like ${pattern} escape '\\'`);
  }
  return q;
}

const iso = (ms: number | null) => (ms === null ? undefined : new Date(Number(ms)).toISOString());

/** A row as the admin routes show it: the address, its list and status, and the consent record. */
export function toSubscriber(r: Database['subscribers']) {
  return {
    email: r.email,
    name: r.name ?? undefined,
    list: r.list || undefined,
    status: r.status,
    consent:
      r.consent_at === null ? null : { text: r.consent_text ?? '', at: iso(r.consent_at)!, source: r.source ?? '' },
    createdAt: iso(r.created_at)!,
    confirmedAt: iso(r.confirmed_at),
    unsubscribedAt: iso(r.unsubscribed_at),
  };
}

/** `GET /v1/admin/subscribers/search`: one page of the filtered subscribers, newest first, and how many match. */
export function adminSubscriberRoutes(app: Hono<Env>, deps: Deps): void {
  const { db } = deps.store;

  app.get('/v1/admin/subscribers/search', async (c) => {
    const query = (name: string) => c.req.query(name);
    const filter = subscriberFilter(query);
    const { limit, offset } = pageParams(query);
    // The page's ids first: the indexes on (created_at, id) and (list, status, created_at, id) hold all it needs, so
    // a deep page skips index entries, not rows; then the page's rows by id.
    // A search by address matches few rows: reading the table once and sorting the matches beats walking the time
    // index with a row lookup per entry, which SQLite would pick for the ORDER BY (`+created_at` keeps it off the index).
    const newest = filter.q === undefined ? sql`created_at` : sql`+created_at`;
    const [ids, total] = await Promise.all([
      applyFilter(db.selectFrom('subscribers').select('id'), filter)
        .orderBy(newest, 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      applyFilter(
        db.selectFrom('subscribers').select((eb) => eb.fn.countAll<number>().as('n')),
        filter,
      ).executeTakeFirstOrThrow(),
    ]);
    const order = new Map(ids.map((r, i) => [r.id, i]));
    const rows =
      ids.length === 0
        ? []
        : (
            await db
              .selectFrom('subscribers')
              .selectAll()
              .where(
                'id',
                'in',
                ids.map((r) => r.id),
              )
              .execute()
          ).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return c.json({ subscribers: rows.map(toSubscriber), total: Number(total.n), limit, offset }, 200, {
      'Cache-Control': 'no-store',
    });
  });
}
