// `lede-server migrate-to postgres://…`: a server fills its embedded database through its routes,
// stops, the command copies everything into a fresh PostgreSQL database (127.0.0.1:5432, one new
// database per run), and a server on PostgreSQL then answers exactly as the embedded one did:
// the same export, counts and idempotent replays, the same one-vote rule, working mail links.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { ensureServerBuilt, serverBin, startLedeServer } from '../../scripts/lede-server.mjs';

const PG_ADMIN_URL = process.env.LEDE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN_TOKEN = 'migrate-to-test-admin-token-0123456789';
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const reachable = await postgresReachable();
if (!reachable) console.log(`# PostgreSQL skipped: nothing answers at ${new URL(PG_ADMIN_URL).host}`);

function migrateTo(args, env) {
  return promisify(execFile)(process.execPath, [serverBin(), 'migrate-to', ...args], {
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function mailsIn(dir, count) {
  for (let tries = 0; ; tries++) {
    let names = [];
    try {
      names = readdirSync(dir)
        .filter((name) => name.endsWith('.eml'))
        .sort();
    } catch {
      // Not created yet.
    }
    if (names.length >= count) return Promise.all(names.map((name) => simpleParser(readFileSync(join(dir, name)))));
    assert.ok(tries < 100, `${count} mails in ${dir}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

const link = (mail, route) => mail.text.match(new RegExp(`https?://\\S+/v1/${route}\\?token=[\\w.~%-]+`))?.[0];

describe('lede-server migrate-to', { skip: !reachable && 'PostgreSQL is not reachable' }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lede-migrate-'));
  const emptyDir = mkdtempSync(join(tmpdir(), 'lede-migrate-pg-'));
  const database = `lede_migrate_${process.pid}_${Date.now().toString(36)}`;
  const adminClient = new pg.Client({ connectionString: PG_ADMIN_URL });
  const targetUrl = Object.assign(new URL(PG_ADMIN_URL), { pathname: `/${database}` }).href;
  const env = { ADMIN_TOKEN, SMTP_URL: undefined, LOG_LEVEL: 'silent', ALLOWED_ORIGINS: undefined };
  let before_;
  let replayed;
  let pendingConfirmLink;

  before(async () => {
    ensureServerBuilt({ quiet: true });
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE ${database}`);

    // An embedded server with subscribers in every state, votes, a comment count.
    const embedded = await startLedeServer({ env: { ...env, LEDE_DATA_DIR: dataDir, DATABASE_URL: undefined } });
    const post = (path, body, key) =>
      fetch(`${embedded.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }) },
        body: JSON.stringify(body),
      });
    for (const [i, email] of ['ada@example.org', 'grace@example.org', 'linus@example.org'].entries()) {
      const answer = await post(
        '/v1/signups',
        {
          email,
          name: `Reader ${i}`,
          consent: true,
          consentText: 'I agree to the weekly.',
          list: 'weekly',
          source: 'https://news.example/a',
          elapsedMs: 3000 + i,
        },
        `signup-${i}`,
      );
      assert.equal(answer.status, 202);
    }
    const mails = await mailsIn(join(dataDir, 'mail'), 3);
    const mailTo = (email) => mails.find((mail) => mail.to.text.includes(email));
    assert.equal((await fetch(link(mailTo('ada@example.org'), 'confirm'))).status, 200);
    const unsubscribe = await fetch(link(mailTo('linus@example.org'), 'unsubscribe'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(unsubscribe.status, 200);
    pendingConfirmLink = link(mailTo('grace@example.org'), 'confirm');

    for (let n = 0; n < 7; n++) {
      const answer = await post(
        '/v1/votes',
        { articleId: 'port-pact', scenarioId: n % 3 ? 'rival-hubs' : 'shared-terminals', readerId: `reader-${n}` },
        `vote-${n}`,
      );
      assert.equal(answer.status, 200);
    }
    replayed = await (
      await post(
        '/v1/votes',
        { articleId: 'port-pact', scenarioId: 'shared-terminals', readerId: 'reader-0' },
        'vote-0',
      )
    ).text();
    const put = await fetch(`${embedded.url}/v1/comments/count`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...admin },
      body: JSON.stringify({ articleId: 'port-pact', count: 23 }),
    });
    assert.equal(put.status, 200);

    before_ = {
      subscribers: await (await fetch(`${embedded.url}/v1/admin/subscribers?format=json`, { headers: admin })).json(),
      votes: await (await fetch(`${embedded.url}/v1/votes?articleId=port-pact`)).json(),
      count: await (await fetch(`${embedded.url}/v1/comments/count?articleId=port-pact`)).json(),
    };
    assert.equal(await embedded.stop(), 0);
  });

  after(async () => {
    await adminClient.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await adminClient.end().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  });

  test('copies everything; the server on PostgreSQL answers as the embedded one did', async () => {
    const copy = await migrateTo([targetUrl], { LEDE_DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.equal(copy.code, 0, `migrate-to failed:\n${copy.stdout}\n${copy.stderr}`);
    assert.match(copy.stdout, /subscribers: 3 rows/);
    assert.match(copy.stdout, /votes: 7 rows/);
    assert.doesNotMatch(copy.stdout + copy.stderr, /password/);

    // A fresh data folder: everything must come from PostgreSQL.
    const onPostgres = await startLedeServer({ env: { ...env, LEDE_DATA_DIR: emptyDir, DATABASE_URL: targetUrl } });
    try {
      const subscribers = await (
        await fetch(`${onPostgres.url}/v1/admin/subscribers?format=json`, { headers: admin })
      ).json();
      assert.deepEqual(subscribers, before_.subscribers);
      assert.deepEqual(subscribers.subscribers.map((s) => [s.email, s.status]).sort(), [
        ['ada@example.org', 'confirmed'],
        ['grace@example.org', 'pending'],
        ['linus@example.org', 'unsubscribed'],
      ]);
      assert.deepEqual(await (await fetch(`${onPostgres.url}/v1/votes?articleId=port-pact`)).json(), before_.votes);
      assert.deepEqual(
        await (await fetch(`${onPostgres.url}/v1/comments/count?articleId=port-pact`)).json(),
        before_.count,
      );

      const vote = (body, key) =>
        fetch(`${onPostgres.url}/v1/votes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(body),
        });
      // A retry of a request answered before the move gets the same answer, byte for byte.
      const replay = await vote(
        { articleId: 'port-pact', scenarioId: 'shared-terminals', readerId: 'reader-0' },
        'vote-0',
      );
      assert.equal(await replay.text(), replayed);
      // A reader who voted before the move still has one vote: the first choice.
      const again = await (
        await vote({ articleId: 'port-pact', scenarioId: 'rival-hubs', readerId: 'reader-0' }, 'new-key')
      ).json();
      assert.equal(again.choice, 'shared-terminals');
      assert.deepEqual(again.counts, before_.votes.counts);

      // A confirmation link mailed before the move still works.
      const confirm = await fetch(pendingConfirmLink.replace(/^https?:\/\/[^/]+/, onPostgres.url));
      assert.equal(confirm.status, 200);
      const after = await (
        await fetch(`${onPostgres.url}/v1/admin/subscribers?format=json`, { headers: admin })
      ).json();
      assert.equal(after.subscribers.find((s) => s.email === 'grace@example.org').status, 'confirmed');
    } finally {
      await onPostgres.stop();
    }
  });

  test('refuses a target that already holds data, and bad usage', async () => {
    const again = await migrateTo([targetUrl], { LEDE_DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /not empty/);

    const noUrl = await migrateTo([], { LEDE_DATA_DIR: dataDir });
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /postgres:\/\//);

    const noData = await migrateTo([targetUrl], { LEDE_DATA_DIR: emptyDir });
    assert.equal(noData.code, 1);
    assert.match(noData.stderr, /No embedded database/);
  });
});
