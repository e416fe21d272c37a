import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from './db/schema.js';

export function utcDay(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function nextUtcMidnight(now = Date.now()): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

/**
 * Who a client is, without keeping who they are: an HMAC of its address under a random salt that every process
 * shares through the database and that is replaced each UTC day (old salts are deleted, so old keys can't be reversed).
 */
export class ClientKeys {
  private salts = new Map<string, Promise<string>>();
  private emailSecret: Promise<string> | undefined;

  constructor(private readonly db: Db) {}

  private salt(day: string): Promise<string> {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = (async () => {
        await this.db
          .insertInto('salts')
          .values({ day, salt: randomBytes(32).toString('base64url') })
          .onConflict((oc) => oc.column('day').doNothing())
          .execute();
        const row = await this.db.selectFrom('salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
        return row.salt;
      })();
      salt.catch(() => this.salts.delete(day));
      this.salts.clear();
      this.salts.set(day, salt);
    }
    return salt;
  }

  async clientKey(address: string, now = Date.now()): Promise<string> {
    const salt = await this.salt(utcDay(now));
    return createHmac('sha256', salt).update(address).digest('base64url').slice(0, 32);
  }

  /** A stable keyed hash of an address (mail limits, erasure of idempotency records) under a secret kept in the database. */
  async emailKey(email: string): Promise<string> {
    if (!this.emailSecret) {
      const secret = (async () => {
        await this.db
          .insertInto('settings')
          .values({ key: 'email_key_secret', value: randomBytes(32).toString('base64url') })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const row = await this.db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', 'email_key_secret')
          .executeTakeFirstOrThrow();
        return row.value;
      })();
      secret.catch(() => (this.emailSecret = undefined));
      this.emailSecret = secret;
    }
    return createHmac('sha256', await this.emailSecret)
      .update(email)
      .digest('base64url')
      .slice(0, 32);
  }
}
