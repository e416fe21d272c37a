import type { Hono } from 'hono';
import type { Deps, Env } from '../deps.js';
import { requireAdmin } from '../http/admin.js';
import { readFields } from '../http/body.js';
import { HttpError } from '../http/errors.js';
import { idParam } from '../http/validate.js';
import { listJobs, retryJobs, summary, type StatusFilter } from './jobs.js';

const STATUSES = new Set<StatusFilter>(['pending', 'failed', 'done', 'all']);
const NO_STORE = { 'Cache-Control': 'no-store' };

function whole(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new HttpError(400, `${name} must be a whole number 0 to ${max}.`);
  return Number(value);
}

/** The forwarding jobs for the admin: list, counts, retry (docs/server-forwarding.md). */
export function forwardingRoutes(app: Hono<Env>, deps: Deps): void {
  const { store } = deps;
  app.use('/v1/admin/forwarding', requireAdmin(deps.config.adminToken));
  app.use('/v1/admin/forwarding/*', requireAdmin(deps.config.adminToken));

  app.get('/v1/admin/forwarding', async (c) => {
    const status = (c.req.query('status') ?? 'all') as StatusFilter;
    if (!STATUSES.has(status)) throw new HttpError(400, 'status is pending, failed, done or all.');
    const limit = whole(c.req.query('limit'), 'limit', 50, 500);
    const offset = whole(c.req.query('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER);
    return c.json(await listJobs(store.db, status, limit, offset), 200, NO_STORE);
  });

  app.get('/v1/admin/forwarding/summary', async (c) => c.json(await summary(store.db), 200, NO_STORE));

  app.post('/v1/admin/forwarding/retry', async (c) => {
    const empty = !c.req.header('content-type') && Number(c.req.header('content-length') ?? '0') === 0;
    const fields: Record<string, unknown> = empty ? {} : (await readFields(c, false)).fields;
    const id = fields.id === undefined ? undefined : idParam(typeof fields.id === 'string' ? fields.id : '', 'id');
    const retried = await retryJobs(store.db, id);
    if (retried === undefined) throw new HttpError(404, 'No forwarding job has this id.');
    if (retried > 0) deps.forwarding.kick();
    return c.json({ retried }, 200, NO_STORE);
  });
}
