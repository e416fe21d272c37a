// `lede-server migrate-to postgres://…`: copies the embedded database into an empty PostgreSQL
// database that has the same schema (the server's own migrations create it first).
//
// The copy follows the catalogs, not a hand-kept list of tables: the tables are those the
// migrations made in PostgreSQL, their order follows the foreign keys, and each value is converted
// to its PostgreSQL column type. A new table or column in a later migration is copied with no
// change here. Everything happens in one PostgreSQL transaction (all or nothing) from one read
// snapshot of the embedded database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError, loadConfig } from '../config.js';
import { MIGRATIONS, migrate } from '../db/migrations.js';
import { SQLITE_FILE } from '../db/open.js';
import type { Database as Schema } from '../db/schema.js';

/** The schema version table: the target's own migrations fill it. */
const SKIPPED_TABLES = new Set(['lede_schema']);
const BATCH_ROWS = 500;
const MAX_PARAMETERS = 60_000; // PostgreSQL takes at most 65,535 parameters in one statement.

interface Column {
  name: string;
  dataType: string;
  identity: boolean;
  serial: boolean;
}

export interface CopyReport {
  tables: { name: string; rows: number }[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables to copy in an order where every table comes after the tables it references. */
async function tablesInOrder(target: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await target.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const { rows: references } = await target.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint c
     JOIN pg_class child ON child.oid = c.conrelid
     JOIN pg_class parent ON parent.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const names = tables.map((table) => table.name).filter((name) => !SKIPPED_TABLES.has(name));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return; // A cycle: insert in name order.
    visiting.add(name);
    for (const { child, parent } of references) if (child === name && parent !== name) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

async function columnsOf(target: pg.ClientBase, table: string): Promise<Column[]> {
  const { rows } = await target.query<{
    name: string;
    data_type: string;
    is_identity: string;
    column_default: string | null;
  }>(
    `SELECT column_name AS name, data_type, is_identity, column_default FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => ({
    name: row.name,
    dataType: row.data_type,
    identity: row.is_identity === 'YES',
    serial: row.column_default?.startsWith('nextval(') ?? false,
  }));
}

/** An embedded-database value as the PostgreSQL column type wants it. */
export function convertValue(value: unknown, dataType: string): unknown {
  if (value === null || value === undefined) return null;
  switch (dataType) {
    case 'boolean':
      return typeof value === 'string' ? value === 'true' || value === '1' : Boolean(value);
    case 'timestamp with time zone':
    case 'timestamp without time zone':
    case 'date':
      // Times kept as epoch milliseconds or as ISO text both become a timestamp.
      return typeof value === 'number' || typeof value === 'bigint' ? new Date(Number(value)) : value;
    case 'json':
    case 'jsonb':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'bytea':
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    case 'text':
    case 'character varying':
    case 'character':
      return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
    default:
      return typeof value === 'bigint' ? value.toString() : value;
  }
}

/**
 * Copies every table of `source` into `target`, which must already have the schema and hold no
 * rows. Runs in one transaction on `target`.
 */
export async function copyDatabase(
  source: Database.Database,
  target: pg.ClientBase,
  log: (line: string) => void = () => {},
): Promise<CopyReport> {
  const tables = await tablesInOrder(target);
  const sourceTables = new Set(
    source
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[],
  );
  const missing = [...sourceTables].filter((name) => !SKIPPED_TABLES.has(name) && !tables.includes(name));
  if (missing.length) {
    throw new Error(
      `The target has no table ${missing.join(', ')}: is it the same lede-server version as the embedded database?`,
    );
  }
  for (const table of tables) {
    const { rows } = await target.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
    if (rows.length) throw new Error(`The target database is not empty (table ${table} has rows): nothing was copied.`);
  }

  const report: CopyReport = { tables: [] };
  source.exec('BEGIN'); // One read snapshot of the embedded database for the whole copy.
  await target.query('BEGIN');
  try {
    for (const table of tables) {
      if (!sourceTables.has(table)) {
        report.tables.push({ name: table, rows: 0 });
        continue;
      }
      const sourceColumns = new Set(
        (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name),
      );
      const columns = (await columnsOf(target, table)).filter((column) => sourceColumns.has(column.name));
      const overriding = columns.some((column) => column.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
      const columnList = columns.map((column) => quote(column.name)).join(', ');
      const batch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
      let copied = 0;
      let pending: unknown[][] = [];
      const flush = async () => {
        if (!pending.length) return;
        const values: unknown[] = [];
        const tuples = pending.map((row) => {
          const placeholders = row.map((value) => {
            values.push(value);
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        await target.query(
          `INSERT INTO ${quote(table)} (${columnList})${overriding} VALUES ${tuples.join(', ')}`,
          values,
        );
        copied += pending.length;
        pending = [];
      };
      const select = source.prepare(`SELECT ${columnList} FROM ${quote(table)}`).raw();
      for (const row of select.iterate() as Iterable<unknown[]>) {
        pending.push(row.map((value, index) => convertValue(value, columns[index]!.dataType)));
        if (pending.length >= batch) await flush();
      }
      await flush();
      // Sequences continue after the copied ids.
      for (const column of columns.filter((c) => c.identity || c.serial)) {
        await target.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(column.name)}) FROM ${quote(table)}), 0) + 1, false)`,
          [quote(table), column.name],
        );
      }
      report.tables.push({ name: table, rows: copied });
      log(`  ${table}: ${copied} row${copied === 1 ? '' : 's'}`);
    }
    await target.query('COMMIT');
  } catch (error) {
    await target.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    source.exec('ROLLBACK');
  }
  return report;
}

const USAGE = `Usage: lede-server migrate-to postgres://user:password@host:5432/database [--data-dir DIR]

Copies the embedded database (LEDE_DATA_DIR, default ./lede-data) into an empty PostgreSQL database:
creates the schema there, then copies every table in one transaction. Stop the server first; the
embedded database is only read. Then start with DATABASE_URL set to the same URL.
`;

const redact = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return '(the given URL)';
  }
};

/** The `migrate-to` command: returns the exit code (0 copied, 1 failed, 2 bad usage). */
export async function migrateTo(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, 'data-dir': { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const targetUrl = positionals[0];
  if (positionals.length !== 1 || !targetUrl || !/^postgres(ql)?:\/\//.test(targetUrl)) {
    process.stderr.write(`migrate-to needs one postgres:// URL.\n\n${USAGE}`);
    return 2;
  }

  let dataDir: string;
  try {
    const overrides = values['data-dir'] ? { dataDir: values['data-dir'] } : {};
    dataDir = loadConfig({ env: { ...env, DATABASE_URL: undefined }, overrides }).dataDir;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) {
    process.stderr.write(
      `No embedded database at ${file}: set LEDE_DATA_DIR or --data-dir to the folder the server used.\n`,
    );
    return 1;
  }

  const source = new Database(file, { fileMustExist: true });
  const pool = new pg.Pool({ connectionString: targetUrl, max: 1, connectionTimeoutMillis: 5000 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    const version = Number(
      (source.prepare('SELECT MAX(version) AS v FROM lede_schema').get() as { v: number | null } | undefined)?.v ?? 0,
    );
    if (version !== MIGRATIONS.length) {
      process.stderr.write(
        version > MIGRATIONS.length
          ? `The embedded database has schema version ${version}, newer than this lede-server (${MIGRATIONS.length}): use the newer lede-server to copy it.\n`
          : `The embedded database has schema version ${version}; this lede-server has ${MIGRATIONS.length}. Start this lede-server on it once (it migrates at start), stop it, then copy.\n`,
      );
      return 1;
    }
    process.stdout.write(`Copying ${file}\n   into ${redact(targetUrl)}\n`);
    await migrate(db, 'postgres');
    const client = await pool.connect();
    let report: CopyReport;
    try {
      report = await copyDatabase(source, client, (line) => process.stdout.write(`${line}\n`));
    } finally {
      client.release();
    }
    const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `Done: ${rows} rows in ${report.tables.length} tables. Start the server with DATABASE_URL=${redact(targetUrl)}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`migrate-to failed, nothing was copied: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await db.destroy().catch(() => {});
    source.close();
  }
}
