import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Dialect } from './schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations build tables the typed schema does not know yet */
type Migration = (trx: Transaction<any>, dialect: Dialect) => Promise<void>;

/**
 * The schema, one step per version. Steps are append-only: a released step never changes, a change is a new step.
 * The same steps serve SQLite and PostgreSQL (bigint times, text ids, no dialect-only types).
 */
export const MIGRATIONS: readonly Migration[] = [
  async (trx) => {
    const s = trx.schema;
    await s
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await s
      .createTable('subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lang', 'text')
      .addColumn('consent_text', 'text')
      .addColumn('consent_at', 'bigint')
      .addColumn('source', 'text')
      .addColumn('elapsed_ms', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('confirmed_at', 'bigint')
      .addColumn('unsubscribed_at', 'bigint')
      .addUniqueConstraint('subscribers_email_list', ['email', 'list'])
      .execute();
    await s
      .createTable('tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('subscriber_id', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('used_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await s.createIndex('tokens_subscriber').on('tokens').column('subscriber_id').execute();
    await s
      .createTable('mail_queue')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subscriber_id', 'text')
      .addColumn('to_email', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_until', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .execute();
    await s.createIndex('mail_queue_due').on('mail_queue').column('next_attempt_at').execute();
    await s
      .createTable('mail_log')
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'bigint', (c) => c.notNull())
      .execute();
    await s.createIndex('mail_log_key').on('mail_log').columns(['email_key', 'sent_at']).execute();
    await s
      .createTable('votes')
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('reader_id', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('votes_pk', ['article_id', 'reader_id'])
      .execute();
    await s
      .createTable('vote_counts')
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('n', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('vote_counts_pk', ['article_id', 'scenario_id'])
      .execute();
    await s
      .createTable('vote_caps')
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('n', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('vote_caps_pk', ['client_key', 'article_id', 'day'])
      .execute();
    await s
      .createTable('comment_counts')
      .addColumn('article_id', 'text', (c) => c.primaryKey())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await s
      .createTable('idempotency')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('body', 'text')
      .addColumn('subject', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['scope', 'key'])
      .execute();
    await s.createIndex('idempotency_created').on('idempotency').column('created_at').execute();
    await s.createIndex('idempotency_subject').on('idempotency').column('subject').execute();
    await s
      .createTable('rate_limits')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('n', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'client_key', 'window_start'])
      .execute();
    await s
      .createTable('salts')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .execute();
  },
  // Comment counts from a comment system: which source a count came from, and when it was last asked (a failed ask
  // keeps the count and its updated_at, so the count is answered until the next try).
  async (trx) => {
    await trx.schema.alterTable('comment_counts').addColumn('source', 'text').execute();
    await trx.schema.alterTable('comment_counts').addColumn('checked_at', 'bigint').execute();
  },
  // Forwarding confirmed subscribers to the publisher's email services (server/src/forwarding): one row per job.
  async (trx) => {
    await trx.schema
      .createTable('forward_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('forwarder', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_until', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await trx.schema
      .createIndex('forward_jobs_due')
      .on('forward_jobs')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await trx.schema.createIndex('forward_jobs_email').on('forward_jobs').columns(['email', 'forwarder']).execute();
  },
  // The dashboard (issue 14) counts per day and per list and status, and pages subscribers newest first, in the database.
  async (trx) => {
    const s = trx.schema;
    await s.createIndex('subscribers_created').on('subscribers').columns(['created_at', 'id']).execute();
    await s
      .createIndex('subscribers_list_status')
      .on('subscribers')
      .columns(['list', 'status', 'created_at', 'id'])
      .execute();
    await s.createIndex('votes_created').on('votes').column('created_at').execute();
    await s.createIndex('votes_article_day').on('votes').columns(['article_id', 'created_at', 'scenario_id']).execute();
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

export class SchemaTooNewError extends Error {}

/** Brings the database to this server's schema; refuses a database a newer server has migrated. */
export async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<{ from: number; to: number }> {
  return db.transaction().execute(async (trx) => {
    // Two processes starting at once on PostgreSQL: the second waits here, then finds the work done.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(74630210)`.execute(trx);
    await trx.schema
      .createTable('lede_schema')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    const row = await trx
      .selectFrom('lede_schema')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const from = Number(row?.v ?? 0);
    if (from > MIGRATIONS.length) {
      throw new SchemaTooNewError(
        `This database has schema version ${from}, written by a newer lede-server; this one knows versions up to ` +
          `${MIGRATIONS.length}. Upgrade lede-server (or restore a backup made before the upgrade); nothing was changed.`,
      );
    }
    for (let version = from + 1; version <= MIGRATIONS.length; version++) {
      await MIGRATIONS[version - 1]!(trx, dialect);
      await trx.insertInto('lede_schema').values({ version, applied_at: Date.now() }).execute();
    }
    return { from, to: MIGRATIONS.length };
  });
}
