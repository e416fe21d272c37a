// `npm run bench:admin`: the dashboard's admin routes at publisher scale. Seeds 100,000 subscribers and
// 1,000,000 votes straight into the database (bulk inserts, after the real lede-server has migrated
// it), then starts the real lede-server on it and times each admin route from here: sequential
// requests on loopback, median and slowest of --runs after two warm-ups, and the server process's CPU time per request.
//
// Options: --only=embedded|postgres, --subscribers=100000, --votes=1000000, --articles=500, --runs=15,
// --json (figures as JSON). PostgreSQL runs when one answers at LEDE_BENCH_PG_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), in a database of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureServerBuilt, startLedeServer } from '../../scripts/lede-server.mjs';
import { bulkData, seedPostgres, seedSqlite } from './admin-seed-data.mjs';

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    subscribers: { type: 'string', default: '100000' },
    votes: { type: 'string', default: '1000000' },
    articles: { type: 'string', default: '500' },
    runs: { type: 'string', default: '15' },
    json: { type: 'boolean', default: false },
  },
});
const SUBSCRIBERS = Number(options.subscribers);
const VOTES = Number(options.votes);
const ARTICLES = Number(options.articles);
const RUNS = Number(options.runs);
const PG_ADMIN_URL = process.env.LEDE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN_TOKEN = randomBytes(18).toString('base64url');
const DATA = bulkData({ subscribers: SUBSCRIBERS, votes: VOTES, articles: ARTICLES });
const say = (line) => !options.json && console.log(line);

async function migrated(env) {
  const server = await startLedeServer({ env: { ...env, ADMIN_TOKEN, LOG_LEVEL: 'silent' } });
  await server.stop();
}

function routes() {
  return [
    ['overview (30 days)', '/v1/admin/overview?days=30'],
    ['overview (365 days)', '/v1/admin/overview?days=365'],
    ['subscribers, first page', '/v1/admin/subscribers/search?limit=25'],
    ['subscribers, search "reader4242"', '/v1/admin/subscribers/search?q=reader4242&limit=25'],
    ['subscribers, list + status filter', '/v1/admin/subscribers/search?list=weekly&status=pending&limit=25'],
    ['subscribers, page 2,000 (offset 49,975)', '/v1/admin/subscribers/search?limit=25&offset=49975'],
    ['predictions, first page', '/v1/admin/predictions?limit=10'],
    ['predictions, biggest article per day (30)', '/v1/admin/predictions/days?articleId=article-0&days=30'],
    ['predictions, biggest article per day (365)', '/v1/admin/predictions/days?articleId=article-0&days=365'],
    ['export, filtered (search "reader4242", CSV)', '/v1/admin/subscribers?format=csv&q=reader4242'],
    ['export, every subscriber (CSV)', '/v1/admin/subscribers?format=csv', 3],
    ['dashboard page', '/admin/'],
  ];
}

/** CPU seconds the process has used (user + system), from /proc on Linux; undefined elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Wall-clock median and slowest of `runs` sequential requests after two warm-ups, and the lede-server process's CPU
 * time per request (on a machine shared with other work, that moves much less than wall-clock time; on PostgreSQL it
 * leaves out the database's own work).
 */
async function time(url, path, runs, pid) {
  const headers = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers });
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${Buffer.from(body).toString()}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  await once();
  await once();
  const samples = [];
  let bytes = 0;
  const cpuBefore = cpuSeconds(pid);
  for (let i = 0; i < runs; i++) {
    const sample = await once();
    samples.push(sample.ms);
    bytes = sample.bytes;
  }
  const cpuAfter = cpuSeconds(pid);
  samples.sort((a, b) => a - b);
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / runs;
  return { median: samples[Math.floor(samples.length / 2)], max: samples.at(-1), cpu, bytes };
}

async function measure(label, env, seed) {
  say(
    `\n${label}: migrating, then seeding ${SUBSCRIBERS.toLocaleString('en')} subscribers and ${VOTES.toLocaleString('en')} votes...`,
  );
  await migrated(env);
  const seedStarted = performance.now();
  await seed();
  say(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const server = await startLedeServer({ env: { ...env, ADMIN_TOKEN, LOG_LEVEL: 'silent' } });
  const results = [];
  try {
    for (const [name, path, runs] of routes()) {
      const figures = await time(server.url, path, runs ?? RUNS, server.child.pid);
      results.push({ route: name, path, ...figures });
      say(
        `  ${name.padEnd(46)} median ${figures.median.toFixed(1).padStart(7)} ms   slowest ${figures.max.toFixed(1).padStart(7)} ms` +
          `   server CPU ${figures.cpu === undefined ? '?' : figures.cpu.toFixed(1).padStart(6)} ms   ${(figures.bytes / 1024).toFixed(1)} KB`,
      );
    }
  } finally {
    await server.stop();
  }
  return { database: label, results };
}

ensureServerBuilt({ quiet: options.json });
const report = [];
if (!options.only || options.only === 'embedded') {
  const dataDir = mkdtempSync(join(tmpdir(), 'lede-admin-bench-'));
  try {
    const env = { LEDE_DATA_DIR: dataDir, DATABASE_URL: undefined };
    report.push(await measure('embedded SQLite', env, () => seedSqlite(dataDir, DATA)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (!options.only || options.only === 'postgres') {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  const reachable = await admin.connect().then(
    () => true,
    () => false,
  );
  if (!reachable) say(`\nPostgreSQL: nothing answers at ${PG_ADMIN_URL}; skipped.`);
  else {
    const name = `lede_admin_bench_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'lede-admin-bench-'));
    try {
      const env = { LEDE_DATA_DIR: dataDir, DATABASE_URL: url.href };
      report.push(await measure('PostgreSQL', env, () => seedPostgres(url.href, DATA)));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  await admin.end();
}
if (options.json)
  console.log(
    JSON.stringify({ subscribers: SUBSCRIBERS, votes: VOTES, articles: ARTICLES, runs: RUNS, report }, null, 2),
  );
