import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Deps, Env } from '../deps.js';
import { enqueueErasure } from '../forwarding/queue.js';
import { HttpError } from '../http/errors.js';
import { requireAdmin } from '../http/admin.js';
import { emailField, idParam } from '../http/validate.js';
import { applyFilter, subscriberFilter, toSubscriber } from './admin-subscribers.js';
import { voteCounts } from './votes.js';

/** A spreadsheet must not run a cell as a formula (=, +, -, @ at the start), and quotes are doubled. */
function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function adminRoutes(app: Hono<Env>, deps: Deps): void {
  const { store, keys, config } = deps;
  app.use('/v1/admin/*', requireAdmin(config.adminToken));

  app.get('/v1/admin/subscribers', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new HttpError(400, 'format is csv or json.');
    const filter = subscriberFilter((name) => c.req.query(name));
    const rows = await applyFilter(store.db.selectFrom('subscribers').selectAll(), filter)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const subscribers = rows.map(toSubscriber);
    if (format === 'json') return c.json({ subscribers }, 200, { 'Cache-Control': 'no-store' });
    const header = [
      'email',
      'name',
      'list',
      'status',
      'consent_text',
      'consent_at',
      'source',
      'created_at',
      'confirmed_at',
      'unsubscribed_at',
    ];
    const lines = subscribers.map((s) =>
      [
        s.email,
        s.name,
        s.list,
        s.status,
        s.consent?.text,
        s.consent?.at,
        s.consent?.source,
        s.createdAt,
        s.confirmedAt,
        s.unsubscribedAt,
      ]
        .map(csvCell)
        .join(','),
    );
    return c.body([header.join(','), ...lines].join('\r\n') + '\r\n', 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="subscribers.csv"',
      'Cache-Control': 'no-store',
    });
  });

  app.delete('/v1/admin/subscribers', async (c) => {
    const email = emailField({ email: c.req.query('email') });
    const emailKey = await keys.emailKey(email);
    const erased = await store.db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('subscribers').selectAll().where('email', '=', email).execute();
      const ids = found.map((r) => r.id);
      // The services the address was forwarded to are asked to erase it too; older jobs holding it go now.
      const forwarded = await enqueueErasure(trx, config.forwarders, found);
      let removed = 0;
      if (ids.length > 0) {
        removed += Number(
          (await trx.deleteFrom('tokens').where('subscriber_id', 'in', ids).executeTakeFirst()).numDeletedRows,
        );
        removed += Number(
          (await trx.deleteFrom('subscribers').where('id', 'in', ids).executeTakeFirst()).numDeletedRows,
        );
      }
      removed += Number(
        (await trx.deleteFrom('mail_queue').where('to_email', '=', email).executeTakeFirst()).numDeletedRows,
      );
      removed += Number(
        (await trx.deleteFrom('idempotency').where('subject', '=', emailKey).executeTakeFirst()).numDeletedRows,
      );
      removed += Number(
        (await trx.deleteFrom('mail_log').where('email_key', '=', emailKey).executeTakeFirst()).numDeletedRows,
      );
      return { erased: removed > 0, forwarded };
    });
    if (erased.forwarded > 0) deps.forwarding.kick();
    await store.scrub();
    const files = eraseMailFiles(config.mailDir, email);
    return c.json({ erased: erased.erased || files > 0 }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/admin/votes', async (c) => {
    const articleId = idParam(c.req.query('articleId'), 'articleId');
    const counts = await voteCounts(store.db, articleId);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return c.json({ articleId, counts, total }, 200, { 'Cache-Control': 'no-store' });
  });
}

/** Mails written to the mail folder (no SMTP_URL) hold the address too: they go with it. */
function eraseMailFiles(dir: string, email: string): number {
  let removed = 0;
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.eml'));
  } catch {
    return 0;
  }
  const needle = email.toLowerCase();
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (readFileSync(path, 'utf8').toLowerCase().includes(needle)) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return removed;
}
