// `npm run bench:server`: lede-server under load, from a second process on loopback.
//
// The server is the real bin in its own process (embedded database in a fresh folder, then
// PostgreSQL in a fresh database when one answers at 127.0.0.1:5432); autocannon runs here. Each
// measure runs for DURATION seconds: the highest rate (votes, signups, count GETs: requests/s,
// p50/p99, errors), then votes and signups at half their budget rate to check p99. After each
// database's run the store is read back through the admin routes: every 2xx vote and signup must
// be there ("nothing lost"). Rate limits are raised for the bench (one client plays every reader).
//
// Options: --duration=10 (seconds per measure), --connections=20, --only=embedded|postgres,
// --synchronous=FULL|NORMAL (the embedded database's SQLITE_SYNCHRONOUS; NORMAL is the server's default),
// --cpu-prof (writes the server's CPU profile to server/bench/profiles/), --json (figures as JSON).
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ROOT, ensureServerBuilt, startLedeServer } from '../../scripts/lede-server.mjs';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    synchronous: { type: 'string', default: 'NORMAL' },
  },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const PG_ADMIN_URL = process.env.LEDE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The budgets this bench checks (requests/s, and p99 in ms at half the rate). */
const BUDGETS = {
  embedded: { votes: 2000, signups: 500, counts: 5000 },
  postgres: { votes: 1000 },
  p99AtHalfRate: 50,
};

const ADMIN_TOKEN = randomBytes(18).toString('base64url');
const run = randomBytes(4).toString('hex');

function voteRequests(articleId) {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/v1/votes',
      setupRequest(request) {
        n += 1;
        const scenarioId = `scenario-${n % 3}`;
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${articleId}-${n}` },
          body: JSON.stringify({ articleId, scenarioId, readerId: `reader-${run}-${n}` }),
        };
      },
    },
  ];
}

function signupRequests(list) {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/v1/signups',
      setupRequest(request) {
        n += 1;
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-signup-${list}-${n}` },
          body: JSON.stringify({
            email: `reader-${n}-${run}@bench.example`,
            name: 'Bench Reader',
            consent: true,
            consentText: 'I agree to receive the newsletter.',
            list,
            source: 'http://127.0.0.1/bench',
            elapsedMs: 5000,
          }),
        };
      },
    },
  ];
}

const countRequests = () =>
  ['a', 'b', 'c', 'd'].map((id) => ({ method: 'GET', path: `/v1/comments/count?articleId=bench-${id}` }));

function load(url, requests, { rate } = {}) {
  return new Promise((resolveResult, reject) => {
    autocannon(
      {
        url,
        requests,
        connections: rate ? Math.min(CONNECTIONS, 10) : CONNECTIONS,
        duration: DURATION,
        ...(rate ? { overallRate: rate } : {}),
      },
      (error, result) => (error ? reject(error) : resolveResult(result)),
    );
  });
}

/** CPU seconds the process has used (user + system), from /proc on Linux; undefined elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

/** Runs one measure and adds the server's CPU time per answered request to its summary. */
async function measured(name, server, requests, rate) {
  const before = cpuSeconds(server.child.pid);
  const result = await load(server.url, requests, rate ? { rate } : {});
  const after = cpuSeconds(server.child.pid);
  const row = summary(name, result);
  const answered = result['2xx'] + result.non2xx;
  if (before !== undefined && after !== undefined && answered) {
    row.cpuMsPerRequest = ((after - before) * 1000) / answered;
    row.perFreeCore = Math.round(1000 / row.cpuMsPerRequest);
  }
  return row;
}

function summary(name, result) {
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    errors: result.errors + result.timeouts + result.non2xx,
    detail: { statusCodes: result.statusCodeStats, timeouts: result.timeouts, errors: result.errors },
  };
}

async function admin(url, path) {
  const answer = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
  return answer.json();
}

async function measure(database, env) {
  const profileDir = join(ROOT, 'server', 'bench', 'profiles');
  if (options['cpu-prof']) mkdirSync(profileDir, { recursive: true });
  const server = await startLedeServer({
    env: {
      ...env,
      ADMIN_TOKEN,
      SMTP_URL: undefined,
      RATE_LIMIT_SIGNUPS: '100000000',
      RATE_LIMIT_VOTES: '100000000',
      VOTE_CAP_PER_ARTICLE: '100000000',
    },
    nodeArgs: options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const rows = [];
  try {
    const budget = BUDGETS[database];
    const votes = await measured('votes, highest rate', server, voteRequests(`bench-votes-${run}`));
    rows.push({ ...votes, budget: budget.votes, met: votes.requestsPerSecond >= budget.votes && !votes.errors });
    if (database === 'embedded') {
      const half = budget.votes / 2;
      const atHalf = await measured(`votes at ${half}/s`, server, voteRequests(`bench-votes-half-${run}`), half);
      rows.push({ ...atHalf, budget: `p99 < ${BUDGETS.p99AtHalfRate} ms`, met: atHalf.p99 < BUDGETS.p99AtHalfRate });
    }
    const signups = await measured('signups, highest rate', server, signupRequests(`bench-${run}`));
    rows.push({
      ...signups,
      budget: budget.signups ?? '',
      met: budget.signups ? signups.requestsPerSecond >= budget.signups && !signups.errors : undefined,
    });
    if (database === 'embedded') {
      const half = budget.signups / 2;
      const atHalf = await measured(`signups at ${half}/s`, server, signupRequests(`bench-half-${run}`), half);
      rows.push({ ...atHalf, budget: `p99 < ${BUDGETS.p99AtHalfRate} ms`, met: atHalf.p99 < BUDGETS.p99AtHalfRate });
    }
    const counts = await measured('comment count GETs', server, countRequests());
    rows.push({
      ...counts,
      budget: budget.counts ?? '',
      met: budget.counts ? counts.requestsPerSecond >= budget.counts && !counts.errors : undefined,
    });

    // Nothing lost: every 2xx is in the store.
    const stored = async (articleId) =>
      Object.values((await admin(server.url, `/v1/admin/votes?articleId=${articleId}`)).counts ?? {}).reduce(
        (a, b) => a + b,
        0,
      );
    const votesStored =
      (await stored(`bench-votes-${run}`)) + (database === 'embedded' ? await stored(`bench-votes-half-${run}`) : 0);
    const votesAnswered = rows.filter((row) => row.name.startsWith('votes')).reduce((a, row) => a + row.ok, 0);
    const exported = (await admin(server.url, '/v1/admin/subscribers?format=json')).subscribers.length;
    const signupsAnswered = rows.filter((row) => row.name.startsWith('signups')).reduce((a, row) => a + row.ok, 0);
    rows.lost = { votesAnswered, votesStored, signupsAnswered, signupsStored: exported };
  } finally {
    await server.stop();
  }
  return rows;
}

async function postgresDatabase() {
  const adminClient = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await adminClient.connect();
  } catch {
    return undefined;
  }
  const name = `lede_bench_${run}`;
  await adminClient.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminClient.end();
    },
  };
}

function print(database, rows) {
  const title =
    database === 'embedded' ? `Embedded database (SQLite, synchronous=${options.synchronous})` : 'PostgreSQL';
  console.log(
    `\n${title}, ${CONNECTIONS} connections, ${DURATION} s each (load average ${loadavg()[0].toFixed(1)} after):`,
  );
  console.log(
    'measure                     req/s   p50 ms  p99 ms      2xx  errors  server CPU ms/req  req/s per free core  budget',
  );
  for (const row of rows) {
    const verdict = row.met === undefined ? '' : row.met ? 'met' : 'MISSED';
    const cpu = row.cpuMsPerRequest === undefined ? '' : row.cpuMsPerRequest.toFixed(2);
    console.log(
      `${row.name.padEnd(26)}${String(row.requestsPerSecond).padStart(7)}${String(row.p50).padStart(9)}${String(row.p99).padStart(8)}` +
        `${String(row.ok).padStart(9)}${String(row.errors).padStart(8)}${cpu.padStart(19)}${String(row.perFreeCore ?? '').padStart(21)}` +
        `  ${row.budget} ${verdict}`,
    );
  }
  const lost = rows.lost;
  console.log(
    `nothing lost: votes answered 2xx ${lost.votesAnswered}, stored ${lost.votesStored}; signups answered 2xx ${lost.signupsAnswered}, stored ${lost.signupsStored}` +
      ' (stored may be higher: requests still in flight when a measure ends are committed but not counted)',
  );
  for (const row of rows.filter((r) => r.errors)) console.log(`errors in "${row.name}": ${JSON.stringify(row.detail)}`);
}

ensureServerBuilt();
console.log(
  `lede-server bench (autocannon in this process, the server in its own; Node ${process.version}; ` +
    `${cpus().length} cores, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} at start)`,
);
const results = {};
let missed = false;
if (options.only !== 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  try {
    results.embedded = await measure('embedded', {
      LEDE_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      SQLITE_SYNCHRONOUS: options.synchronous,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  print('embedded', results.embedded);
}
if (options.only !== 'embedded') {
  const database = await postgresDatabase();
  if (!database) {
    console.log(`\nPostgreSQL: skipped (nothing answers at ${new URL(PG_ADMIN_URL).host}).`);
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
    try {
      results.postgres = await measure('postgres', { LEDE_DATA_DIR: dataDir, DATABASE_URL: database.url });
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    print('postgres', results.postgres);
  }
}
for (const rows of Object.values(results)) {
  if (rows.some((row) => row.met === false)) missed = true;
  if (rows.lost.votesAnswered !== rows.lost.votesStored || rows.lost.signupsAnswered !== rows.lost.signupsStored)
    missed = true;
}
if (options.json) console.log(JSON.stringify(results, null, 2));
if (options['cpu-prof'])
  console.log('\nCPU profiles of the server: server/bench/profiles/ (open in Chrome DevTools, Performance).');
console.log(missed ? '\nA budget was missed (see above).' : '\nEvery budget met.');
process.exitCode = missed ? 1 : 0;
