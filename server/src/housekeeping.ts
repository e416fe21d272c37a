import { utcDay } from './clients.js';
import type { Db } from './db/schema.js';

const HOUR = 3600_000;

/** Deletes what no rule needs any more. Idempotency records are kept 48 h (the contract promises at least 24 h). */
export async function sweep(db: Db, now = Date.now()): Promise<void> {
  await db
    .deleteFrom('idempotency')
    .where('created_at', '<', now - 48 * HOUR)
    .execute();
  await db
    .deleteFrom('rate_limits')
    .where('window_start', '<', now - 2 * 60_000)
    .execute();
  await db
    .deleteFrom('vote_caps')
    .where('day', '<', utcDay(now - 24 * HOUR))
    .execute();
  await db
    .deleteFrom('salts')
    .where('day', '<', utcDay(now - 24 * HOUR))
    .execute();
  await db
    .deleteFrom('mail_log')
    .where('sent_at', '<', now - 25 * HOUR)
    .execute();
  await db
    .deleteFrom('tokens')
    .where('expires_at', '<', now - 30 * 24 * HOUR)
    .execute();
}
