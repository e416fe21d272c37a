// `npm run bench:admin`: the dashboard's admin routes at publisher scale. Seeds 100,000 subscribers and
// 1,000,000 votes straight into the database (bulk inserts, after the real lede-server has migrated
// it), then starts the real lede-server on it and times each admin route from here: sequential
// requests on loopback, median and slowest of --runs after two warm-ups.
//
// Options: --only=embedded|postgres, --subscribers=100000, --votes=1000000, --articles=500, --runs=15,
// --json (figures as JSON). PostgreSQL runs when one answers at LEDE_BENCH_PG_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), in a database of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SERVER_DIR, ensureServerBuilt, startLedeServer } from '../../scripts/lede-server.mjs';

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
const DAY = 86_400_000;
const NOW = Date.now();
const LISTS = ['weekly', 'daily', 'breaking'];
const SCENARIOS = ['rival-hubs', 'joint-hub', 'managed-decline', 'status-quo'];
const say = (line) => !options.json && console.log(line);

/** The bench's data, the same on both databases: a year of signups and votes, popular articles first. */
const subscriberRow = (i) => {
  const roll = i % 10;
  const status = roll < 7 ? 'confirmed' : roll < 9 ? 'pending' : 'unsubscribed';
  const created = NOW - Math.floor(((i * 7919) % 365) * DAY + ((i * 104_729) % DAY));
  return {
    id: `bench-s-${i}`,
    email: `reader${i}@example${i % 97}.org`,
    list: LISTS[i % LISTS.length],
    status,
    created,
    confirmed: status === 'pending' ? null : created + 600_000,
    unsubscribed: status === 'unsubscribed' ? created + 30 * DAY : null,
  };
};
const voteRow = (i) => {
  // Article k gets about 1/(k+1) of the votes (a few big stories, a long tail).
  const article = Math.min(
    ARTICLES - 1,
    Math.floor(Math.exp((((i * 2654435761) % 4294967296) / 4294967296) * Math.log(ARTICLES + 1))) - 1,
  );
  return {
    article: `article-${Math.max(0, article)}`,
    reader: `bench-r-${i}`,
    scenario: SCENARIOS[(i * 31) % SCENARIOS.length],
    created: NOW - Math.floor(((i * 6151) % (365 * 24)) * 3_600_000),
  };
};

async function migrated(env) {
  const server = await startLedeServer({ env: { ...env, ADMIN_TOKEN, LOG_LEVEL: 'silent' } });
  await server.stop();
}

async function seedSqlite(dataDir) {
  const require = createRequire(join(SERVER_DIR, 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(join(dataDir, 'lede.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertSubscriber = db.prepare(
    `insert into subscribers (id, email, list, name, status, lang, consent_text, consent_at, source, elapsed_ms,
       created_at, confirmed_at, unsubscribed_at)
     values (?, ?, ?, null, ?, 'en', 'Send me the newsletter.', ?, 'https://news.example/a', 5000, ?, ?, ?)`,
  );
  const insertVote = db.prepare(
    `insert into votes (article_id, reader_id, scenario_id, client_key, created_at) values (?, ?, ?, 'bench', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const s = subscriberRow(i);
      insertSubscriber.run(s.id, s.email, s.list, s.status, s.created, s.created, s.confirmed, s.unsubscribed);
    }
    for (let i = 0; i < VOTES; i++) {
      const v = voteRow(i);
      insertVote.run(v.article, v.reader, v.scenario, v.created);
    }
    db.exec(
      `insert into vote_counts (article_id, scenario_id, n) select article_id, scenario_id, count(*) from votes group by 1, 2`,
    );
  })();
  db.exec('analyze');
  db.close();
}

/** PostgreSQL: the rows come from the same formulas, generated in one statement each by generate_series. */
async function seedPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Batches of JSON rows built by the same functions as SQLite's, so both databases hold the same data.
  const batch = 20_000;
  for (let from = 0; from < SUBSCRIBERS; from += batch) {
    const rows = [];
    for (let i = from; i < Math.min(SUBSCRIBERS, from + batch); i++) rows.push(subscriberRow(i));
    await client.query(
      `insert into subscribers (id, email, list, name, status, lang, consent_text, consent_at, source, elapsed_ms,
         created_at, confirmed_at, unsubscribed_at)
       select r.id, r.email, r.list, null, r.status, 'en', 'Send me the newsletter.', r.created,
         'https://news.example/a', 5000, r.created, r.confirmed, r.unsubscribed
       from json_to_recordset($1::json) as r(id text, email text, list text, status text, created bigint,
         confirmed bigint, unsubscribed bigint)`,
      [JSON.stringify(rows)],
    );
  }
  for (let from = 0; from < VOTES; from += batch * 2) {
    const rows = [];
    for (let i = from; i < Math.min(VOTES, from + batch * 2); i++) rows.push(voteRow(i));
    await client.query(
      `insert into votes (article_id, reader_id, scenario_id, client_key, created_at)
       select r.article, r.reader, r.scenario, 'bench', r.created
       from json_to_recordset($1::json) as r(article text, reader text, scenario text, created bigint)`,
      [JSON.stringify(rows)],
    );
  }
  await client.query(
    `insert into vote_counts (article_id, scenario_id, n) select article_id, scenario_id, count(*) from votes group by 1, 2`,
  );
  await client.query('vacuum analyze');
  await client.end();
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
    ['export, every subscriber (CSV)', '/v1/admin/subscribers?format=csv'],
    ['dashboard page', '/admin/'],
  ];
}

async function time(url, path) {
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
  for (let i = 0; i < RUNS; i++) {
    const sample = await once();
    samples.push(sample.ms);
    bytes = sample.bytes;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], max: samples.at(-1), bytes };
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
    for (const [name, path] of routes()) {
      const figures = await time(server.url, path);
      results.push({ route: name, path, ...figures });
      say(
        `  ${name.padEnd(46)} median ${figures.median.toFixed(1).padStart(7)} ms   slowest ${figures.max.toFixed(1).padStart(7)} ms   ${(figures.bytes / 1024).toFixed(1)} KB`,
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
    report.push(await measure('embedded SQLite', env, () => seedSqlite(dataDir)));
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
      report.push(await measure('PostgreSQL', env, () => seedPostgres(url.href)));
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
