import type { Transaction } from 'kysely';
import type { Database, Db, Dialect } from '../db/schema.js';
import type { QueuedMail } from './compose.js';
import type { MailTransport } from './transport.js';
import { PollLoop } from '../poll-loop.js';

const LOCK_MS = 60_000;
const POLL_MS = 2_000;

interface Row {
  id: string;
  message: string;
  attempts: number;
}

/**
 * Sends what waits in `mail_queue`; a row is deleted once the transport accepted it and retried with backoff otherwise,
 * so a crash leaves it in the queue and it is sent after the restart (at least once: a crash between sending and
 * deleting sends it again).
 * PostgreSQL (any number of processes): a row is claimed with `FOR UPDATE SKIP LOCKED` in a transaction held while it
 * is sent, so a process that dies releases its claim with its connection. SQLite (one process): a row is claimed by
 * setting `locked_until`, and the claims of a crashed run are released at start.
 */
export class MailWorker {
  private readonly loop = new PollLoop(
    async () => {
      await (this.dialect === 'postgres' ? this.drainPostgres() : this.drainSqlite());
      return POLL_MS;
    },
    (error) => {
      this.log(`mail queue: ${error.message}`);
      return POLL_MS;
    },
  );

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly transport: MailTransport,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    if (this.dialect === 'sqlite') await this.db.updateTable('mail_queue').set({ locked_until: 0 }).execute();
    this.loop.start();
  }

  /** Something was queued: send it now rather than at the next poll. */
  kick(): void {
    this.loop.kick();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends one row; true when sent (the caller deletes it), false when it was rescheduled. */
  private async deliver(row: Row, db: Db | Transaction<Database>): Promise<void> {
    try {
      await this.transport.send(row.id, JSON.parse(row.message) as QueuedMail);
      await db.deleteFrom('mail_queue').where('id', '=', row.id).execute();
    } catch (error) {
      const attempts = row.attempts + 1;
      const backoff = Math.min(3_600_000, 5_000 * 2 ** Math.min(attempts, 10));
      const message = String((error as Error).message);
      this.log(`mail ${row.id} not sent (attempt ${attempts}, next in ${Math.round(backoff / 1000)} s): ${message}`);
      await db
        .updateTable('mail_queue')
        .set({ attempts, next_attempt_at: Date.now() + backoff, locked_until: 0, last_error: message.slice(0, 500) })
        .where('id', '=', row.id)
        .execute();
    }
  }

  private async drainPostgres(): Promise<void> {
    while (!this.loop.stopped) {
      const sent = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('mail_queue')
          .select(['id', 'message', 'attempts'])
          .where('next_attempt_at', '<=', Date.now())
          .orderBy('created_at')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return false;
        await this.deliver(row, trx);
        return true;
      });
      if (!sent) return;
    }
  }

  private async drainSqlite(): Promise<void> {
    while (!this.loop.stopped) {
      const now = Date.now();
      const due = await this.db
        .selectFrom('mail_queue')
        .select(['id', 'message', 'attempts'])
        .where('next_attempt_at', '<=', now)
        .where('locked_until', '<', now)
        .orderBy('created_at')
        .limit(20)
        .execute();
      if (due.length === 0) return;
      for (const row of due) {
        if (this.loop.stopped) return;
        const claimed = await this.db
          .updateTable('mail_queue')
          .set({ locked_until: now + LOCK_MS })
          .where('id', '=', row.id)
          .where('locked_until', '<', now)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 1) await this.deliver(row, this.db);
      }
    }
  }
}
