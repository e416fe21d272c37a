import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database, Db, Dialect } from './schema.js';

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, without secrets (for the log). */
  description: string;
  /** After an erasure: SQLite copies the WAL into the main file and truncates it, so deleted bytes leave every file. */
  scrub(): Promise<void>;
  close(): Promise<void>;
}

export const SQLITE_FILE = 'lede.sqlite';

/** PostgreSQL bigint (int8) and numeric counts as JS numbers: every bigint here is a time in ms or a count. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function openStore(config: Config, log: (message: string) => void): Store {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      // Long enough to wait for a free connection under load; an unreachable database fails at once (ECONNREFUSED).
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 10_000,
      types: pgTypes,
    });
    // A connection that breaks while idle (database restarted) must not crash the process; the pool reconnects.
    pool.on('error', (error) => log(`database connection lost: ${error.message}`));
    // pg-pool listens for errors only on idle clients: one that breaks while checked out (between two statements of a
    // transaction) would emit an unhandled 'error' and end the process. Its next query fails instead (503).
    pool.on('connect', (client) => client.on('error', () => {}));
    const url = new URL(config.databaseUrl);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      scrub: async () => {},
      close: async () => {
        await pool.end().catch(() => {});
      },
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, SQLITE_FILE);
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file);
  } catch (error) {
    if (/bindings file|NODE_MODULE_VERSION|invalid ELF|was compiled against/i.test((error as Error).message)) {
      throw new Error(
        'the embedded database driver (better-sqlite3) has no working native binding here. npm 11 skips install ' +
          'scripts unless approved: run `npm install-scripts approve better-sqlite3` and then `npm rebuild better-sqlite3` ' +
          `where lede-server is installed (or set DATABASE_URL to use PostgreSQL). Cause: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    throw error;
  }
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${config.sqliteSynchronous}`);
  database.pragma('secure_delete = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${file} (WAL, synchronous=${config.sqliteSynchronous})`,
    scrub: async () => {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    },
    close: async () => {
      await db.destroy().catch(() => {});
    },
  };
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'SQLITE_BUSY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);

/** True when an error means "the database cannot answer now" (503 + Retry-After), not a bug (500). */
export function isUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_CODES.has(code)) return true;
  // PostgreSQL: 08xxx connection exceptions, 57Pxx operator intervention (shutdown), 53xxx insufficient resources.
  if (/^(08|57P|53)/.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|not queryable|Query read timeout|connection to server|Client has encountered a connection error|the database system is (starting|shutting) down/i.test(
    message,
  );
}

/** A unique-key race lost to another transaction (retry the whole transaction once). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
