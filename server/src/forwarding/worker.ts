import type { Selectable } from 'kysely';
import type { Database, Db, Dialect } from '../db/schema.js';
import { secretsOf } from './config.js';
import { ForwardError } from './errors.js';
import { httpClient } from './http.js';
import { SERVICES } from './services/index.js';
import type { Adapter, ForwarderConfig, ForwardJob, ForwardPayload, HttpClient } from './types.js';
import { PollLoop } from '../poll-loop.js';

const POLL_MS = 2_000;
const BATCH = 8;
const MAX_DELAY_MS = 6 * 3600_000;
const MAX_RETRY_AFTER_MS = 24 * 3600_000;
const CLEANUP_MS = 10 * 60_000;

type Row = Selectable<Database['forward_jobs']>;

export interface ForwardSettings {
  forwarders: readonly ForwarderConfig[];
  timeoutMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  keepDays: number;
}

/** Exponential backoff with jitter (half fixed, half random), never shorter than the service's Retry-After. */
export function retryDelay(attempts: number, baseMs: number, retryAfterMs?: number): number {
  const exponential = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.min(attempts - 1, 30));
  const jittered = Math.round(exponential * (0.5 + Math.random() * 0.5));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/**
 * Runs what waits in `forward_jobs`. A job is claimed by moving `locked_until` past now in one conditional UPDATE
 * (atomic on SQLite and on PostgreSQL, so two processes never send one job at the same time); the claim lasts longer
 * than any request may (FORWARD_TIMEOUT_MS per request), and the result is written only by the claim that holds it.
 * A process killed mid-request leaves its claim: SQLite (one process) releases every claim at start; on PostgreSQL the
 * claim runs out. Either way the job is sent once more: at least once, and twice at most after a crash.
 * Jobs for one address at one forwarder run in the order they were queued (a subscribe before its unsubscribe).
 */
export class ForwardWorker {
  private readonly adapters = new Map<string, Adapter>();
  private readonly http: HttpClient;
  private readonly secrets: string[];
  private readonly leaseMs: number;
  private cleanup: NodeJS.Timeout | undefined;
  private readonly loop = new PollLoop(
    async () => {
      await this.drain();
      return this.nextWake();
    },
    (error) => {
      this.log(`forwarding: ${this.redact(error.message)}`);
      return POLL_MS;
    },
  );

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly settings: ForwardSettings,
    private readonly log: (message: string) => void,
  ) {
    for (const forwarder of settings.forwarders) {
      this.adapters.set(forwarder.name, SERVICES.get(forwarder.service)!.create(forwarder.options));
    }
    this.http = httpClient(settings.timeoutMs);
    this.secrets = secretsOf(settings.forwarders);
    // Up to three requests per job (a look-up, then the change), each within the timeout, and room to write the result.
    this.leaseMs = settings.timeoutMs * 4 + 30_000;
  }

  get forwarders(): readonly ForwarderConfig[] {
    return this.settings.forwarders;
  }

  async start(): Promise<void> {
    if (this.dialect === 'sqlite') {
      await this.db.updateTable('forward_jobs').set({ locked_until: 0 }).where('locked_until', '>', 0).execute();
    }
    await this.removeFinished();
    this.cleanup = setInterval(() => void this.removeFinished(), CLEANUP_MS);
    this.cleanup.unref();
    this.loop.start();
  }

  /** Something was queued: send it now rather than at the next poll. */
  kick(): void {
    this.loop.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.cleanup);
    await this.loop.stop();
  }

  /** The next job due in the future (a retry waiting out its backoff), or the poll interval. */
  private async nextWake(): Promise<number> {
    const now = Date.now();
    const row = await this.db
      .selectFrom('forward_jobs')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '>', now)
      .executeTakeFirst();
    const at = row?.at === null || row?.at === undefined ? undefined : Number(row.at);
    return at === undefined ? POLL_MS : Math.max(0, Math.min(POLL_MS, at - now));
  }

  private async drain(): Promise<void> {
    while (!this.loop.stopped) {
      const now = Date.now();
      const due = await this.db
        .selectFrom('forward_jobs as j')
        .selectAll('j')
        .where('j.status', '=', 'pending')
        .where('j.next_attempt_at', '<=', now)
        .where('j.locked_until', '<', now)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('forward_jobs as o')
                .select('o.id')
                .whereRef('o.email', '=', 'j.email')
                .whereRef('o.forwarder', '=', 'j.forwarder')
                .where('o.status', '=', 'pending')
                .where((eb) =>
                  eb.or([
                    eb('o.created_at', '<', eb.ref('j.created_at')),
                    eb.and([eb('o.created_at', '=', eb.ref('j.created_at')), eb('o.id', '<', eb.ref('j.id'))]),
                  ]),
                ),
            ),
          ),
        )
        .orderBy('j.created_at')
        .orderBy('j.id')
        .limit(BATCH)
        .execute();
      if (due.length === 0) return;
      await Promise.all(due.map((row) => this.runOne(row)));
    }
  }

  private async runOne(row: Row): Promise<void> {
    const now = Date.now();
    const lease = now + this.leaseMs;
    const attempts = row.attempts + 1;
    const claimed = await this.db
      .updateTable('forward_jobs')
      .set({ locked_until: lease, attempts, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('locked_until', '<', now)
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return;

    const job: ForwardJob = {
      ...(JSON.parse(row.payload) as ForwardPayload),
      id: row.id,
      action: row.action,
      list: row.list,
      email: row.email,
    };
    const label = `job ${row.id} (${row.forwarder} ${row.action}, attempt ${attempts})`;
    let error: ForwardError | undefined;
    const adapter = this.adapters.get(row.forwarder);
    if (!adapter) {
      error = new ForwardError(`no forwarder named "${row.forwarder}" is configured (FORWARDERS)`, false);
    } else {
      try {
        await adapter.run(job, this.http);
      } catch (caught) {
        error = caught instanceof ForwardError ? caught : new ForwardError((caught as Error).message, true);
      }
    }

    const done = Date.now();
    const mine = this.db.updateTable('forward_jobs').where('id', '=', row.id).where('locked_until', '=', lease);
    let written: bigint;
    if (!error) {
      if (row.action === 'erase') {
        // Erased: the job keeps nothing of the address once the service confirmed.
        const deleted = await this.db
          .deleteFrom('forward_jobs')
          .where('id', '=', row.id)
          .where('locked_until', '=', lease)
          .executeTakeFirst();
        written = deleted.numDeletedRows;
      } else {
        const updated = await mine
          .set({ status: 'done', last_error: null, locked_until: 0, updated_at: done })
          .executeTakeFirst();
        written = updated.numUpdatedRows;
      }
      this.log(`forwarding: ${label} done`);
    } else {
      const message = this.redact(error.message).slice(0, 1000);
      if (!error.retry || attempts >= this.settings.maxAttempts) {
        const final = error.retry ? `gave up after ${attempts} attempts: ${message}` : message;
        const updated = await mine
          .set({ status: 'failed', last_error: final, locked_until: 0, updated_at: done })
          .executeTakeFirst();
        written = updated.numUpdatedRows;
        this.log(`forwarding: ${label} failed: ${this.hide(final, row.email)} (retry it from the admin)`);
      } else {
        const delay = retryDelay(attempts, this.settings.retryBaseMs, error.retryAfterMs);
        const updated = await mine
          .set({ last_error: message, next_attempt_at: done + delay, locked_until: 0, updated_at: done })
          .executeTakeFirst();
        written = updated.numUpdatedRows;
        this.log(
          `forwarding: ${label} not taken, next attempt in ${Math.ceil(delay / 1000)} s: ${this.hide(message, row.email)}`,
        );
      }
    }
    // The row is gone: the address was erased while this request was in flight. Its erase job waits for this claim
    // to end; the request has ended, so the erasure goes now rather than when the claim would have run out.
    if (Number(written) === 0) {
      await this.db
        .updateTable('forward_jobs')
        .set({ next_attempt_at: done })
        .where('forwarder', '=', row.forwarder)
        .where('email', '=', row.email)
        .where('action', '=', 'erase')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '>', done)
        .execute();
      this.loop.kick();
    }
  }

  private async removeFinished(): Promise<void> {
    try {
      await this.db
        .deleteFrom('forward_jobs')
        .where('status', '=', 'done')
        .where('updated_at', '<', Date.now() - this.settings.keepDays * 24 * 3600_000)
        .execute();
    } catch (error) {
      this.log(`forwarding: clean-up: ${(error as Error).message}`);
    }
  }

  /** No API key or secret in anything stored or logged, even when a service echoes it back. */
  private redact(message: string): string {
    let out = message;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }

  /** The log is not erasable: it never names the address (the admin list does, until erasure). */
  private hide(message: string, email: string): string {
    return message.split(email).join('<address>');
  }
}
