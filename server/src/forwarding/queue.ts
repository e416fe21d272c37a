import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../tokens.js';
import { forwardersFor } from './config.js';
import type { ForwardAction, ForwarderConfig, ForwardPayload } from './types.js';

type Trx = Transaction<Database>;

export interface Subscriber {
  email: string;
  list: string;
  name: string | null;
  lang: string | null;
  source: string | null;
  consent_text: string | null;
  consent_at: number | null;
  confirmed_at: number | null;
}

function payloadOf(subscriber: Subscriber, action: ForwardAction): ForwardPayload {
  // An unsubscribe or erasure needs the address only: nothing else about the reader is kept for it.
  if (action !== 'subscribe')
    return { name: null, lang: null, source: null, consentText: null, consentAt: null, confirmedAt: null };
  return {
    name: subscriber.name,
    lang: subscriber.lang,
    source: subscriber.source,
    consentText: subscriber.consent_text,
    consentAt: subscriber.consent_at,
    confirmedAt: subscriber.confirmed_at,
  };
}

/** One pending job for `forwarder`, due at `dueAt`. */
async function insertJob(
  trx: Trx,
  forwarder: ForwarderConfig,
  subscriber: Subscriber,
  action: ForwardAction,
  dueAt: number,
  now: number,
): Promise<void> {
  await trx
    .insertInto('forward_jobs')
    .values({
      id: newId(),
      forwarder: forwarder.name,
      service: forwarder.service,
      list: subscriber.list,
      action,
      email: subscriber.email,
      payload: JSON.stringify(payloadOf(subscriber, action)),
      status: 'pending',
      attempts: 0,
      last_error: null,
      next_attempt_at: dueAt,
      locked_until: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Queues one job per forwarder of the subscriber's list, inside the caller's transaction: the job exists exactly when
 * the change it forwards was committed (a crash cannot keep one without the other). Returns how many were queued.
 */
export async function enqueueForwards(
  trx: Trx,
  forwarders: readonly ForwarderConfig[],
  action: ForwardAction,
  subscriber: Subscriber,
  now = Date.now(),
): Promise<number> {
  const targets = forwardersFor(forwarders, subscriber.list);
  for (const forwarder of targets) await insertJob(trx, forwarder, subscriber, action, now, now);
  return targets.length;
}

/**
 * An erasure: every job that holds the address goes (pending, failed and done alike), and each forwarder of a list
 * the address was ever confirmed on gets an `erase` job. A job that is being sent right now cannot be called back:
 * the erase waits until its claim ends, so the service sees the erasure after it, never before.
 */
export async function enqueueErasure(
  trx: Trx,
  forwarders: readonly ForwarderConfig[],
  subscribers: readonly Subscriber[],
  now = Date.now(),
): Promise<number> {
  const emails = [...new Set(subscribers.map((s) => s.email))];
  const inFlight =
    emails.length === 0
      ? []
      : await trx
          .selectFrom('forward_jobs')
          .select(['forwarder', 'email', 'locked_until'])
          .where('email', 'in', emails)
          .where('status', '=', 'pending')
          .where('locked_until', '>', now)
          .execute();
  if (emails.length > 0) await trx.deleteFrom('forward_jobs').where('email', 'in', emails).execute();
  let queued = 0;
  for (const subscriber of subscribers) {
    if (subscriber.confirmed_at === null) continue; // Never confirmed: never forwarded.
    for (const forwarder of forwardersFor(forwarders, subscriber.list)) {
      const busyUntil = inFlight
        .filter((j) => j.forwarder === forwarder.name && j.email === subscriber.email)
        .reduce((max, j) => Math.max(max, j.locked_until), now);
      await insertJob(trx, forwarder, subscriber, 'erase', busyUntil, now);
      queued++;
    }
  }
  return queued;
}
