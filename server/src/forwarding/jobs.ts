import type { Db } from '../db/schema.js';

export type StatusFilter = 'pending' | 'failed' | 'done' | 'all';

export interface JobView {
  id: string;
  list: string;
  service: string;
  forwarder: string;
  action: 'subscribe' | 'unsubscribe' | 'erase';
  email: string;
  status: 'pending' | 'failed' | 'done';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Jobs for the admin, newest first (the shape of `GET /v1/admin/forwarding`, shared with the CLI). */
export async function listJobs(
  db: Db,
  status: StatusFilter,
  limit: number,
  offset: number,
): Promise<{ jobs: JobView[]; total: number }> {
  let rows = db.selectFrom('forward_jobs').selectAll();
  let count = db.selectFrom('forward_jobs').select((eb) => eb.fn.countAll<number>().as('n'));
  if (status !== 'all') {
    rows = rows.where('status', '=', status);
    count = count.where('status', '=', status);
  }
  const [found, total] = await Promise.all([
    rows.orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    count.executeTakeFirst(),
  ]);
  return {
    total: Number(total?.n ?? 0),
    jobs: found.map((r) => ({
      id: r.id,
      list: r.list,
      service: r.service,
      forwarder: r.forwarder,
      action: r.action,
      email: r.email,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    })),
  };
}

export async function summary(db: Db): Promise<{ pending: number; failed: number; done: number }> {
  const rows = await db
    .selectFrom('forward_jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const out = { pending: 0, failed: 0, done: 0 };
  for (const row of rows) out[row.status] = Number(row.n);
  return out;
}

/**
 * Sends again: one job by id (a failed one, or a pending one that waits for its next attempt: now), or every failed
 * job. The attempt count starts over, so the backoff does too. Returns how many were rescheduled; undefined when the
 * id names no job.
 */
export async function retryJobs(db: Db, id?: string, now = Date.now()): Promise<number | undefined> {
  let query = db
    .updateTable('forward_jobs')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now });
  if (id === undefined) {
    query = query.where('status', '=', 'failed');
  } else {
    const found = await db.selectFrom('forward_jobs').select('status').where('id', '=', id).executeTakeFirst();
    if (!found) return undefined;
    // A job being sent right now is left to finish; a done one has nothing to send.
    query = query.where('id', '=', id).where('status', '!=', 'done').where('locked_until', '<', now);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
