// The same contract on PostgreSQL, plus what only several processes on one database can show.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contractTests } from './contract.mjs';
import { SITE, createPgDatabase, newKey, postJson, startLede, startProxy } from './helpers.mjs';

const database = await createPgDatabase('contract');

if (!database) {
  console.log(
    'PostgreSQL: skipped (nothing answers at 127.0.0.1:5432; set LEDE_REQUIRE_POSTGRES=1 to make this a failure)',
  );
  describe('lede-server on PostgreSQL', () => {
    it('skipped: no PostgreSQL reachable', { skip: 'no PostgreSQL at 127.0.0.1:5432' }, () => {});
  });
} else {
  after(() => database.drop());

  contractTests('PostgreSQL', (env) => startLede({ ...env, DATABASE_URL: database.url }));

  describe('two lede-server processes on one PostgreSQL database', () => {
    let a;
    let b;
    before(async () => {
      [a, b] = await Promise.all([
        startLede({ DATABASE_URL: database.url, VOTE_CAP_PER_ARTICLE: '1000', RATE_LIMIT_VOTES: '100000' }),
        startLede({ DATABASE_URL: database.url, VOTE_CAP_PER_ARTICLE: '1000', RATE_LIMIT_VOTES: '100000' }),
      ]);
    });
    after(async () => Promise.all([a?.stop(), b?.stop()]));

    it('concurrent duplicates across processes: one vote per reader, one effect per key, same answer', async () => {
      const articleId = `two-${Date.now()}`;
      const readers = 40;
      const sends = [];
      for (let i = 0; i < readers; i++) {
        const key = newKey('dup');
        const body = { articleId, scenarioId: i % 2 ? 'a' : 'b', readerId: `reader-${i}` };
        // The same request with the same key to both processes at once, and the same reader again with a new key.
        sends.push(postJson(`${a.url}/v1/votes`, body, { key }), postJson(`${b.url}/v1/votes`, body, { key }));
        sends.push(postJson(`${i % 2 ? a.url : b.url}/v1/votes`, { ...body, scenarioId: 'c' }));
      }
      const answers = await Promise.all(sends);
      assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([200]));
      for (let i = 0; i < readers; i++) {
        const [first, duplicate, again] = answers.slice(i * 3, i * 3 + 3);
        assert.equal(duplicate.text, first.text, `reader ${i}: a duplicate gets the first answer byte for byte`);
        assert.equal(again.json.choice, first.json.choice, `reader ${i}: a second vote answers the first choice`);
      }
      const rows = await database.query('select count(*)::int as n from votes where article_id = $1', [articleId]);
      assert.equal(rows[0].n, readers);
      const counts = await (await fetch(`${b.url}/v1/votes?articleId=${articleId}`)).json();
      assert.equal(
        Object.values(counts.counts).reduce((x, y) => x + y, 0),
        readers,
      );
      console.log(
        `two processes: ${sends.length} requests (${readers} readers, each twice with one key, once more with another) -> ${rows[0].n} votes stored`,
      );
    });

    it('rate limits hold across processes (counted in the database)', async () => {
      const [c, d] = await Promise.all([
        startLede({ DATABASE_URL: database.url, RATE_LIMIT_SIGNUPS: '4' }),
        startLede({ DATABASE_URL: database.url, RATE_LIMIT_SIGNUPS: '4' }),
      ]);
      try {
        const statuses = [];
        for (let i = 0; i < 6; i++) {
          const target = i % 2 ? c.url : d.url;
          statuses.push(
            (await postJson(`${target}/v1/signups`, { email: `rl-${i}-${Date.now()}@example.org`, source: `${SITE}/` }))
              .status,
          );
        }
        // A window boundary may fall inside the burst; at most 4 a window in total, never 4 per process.
        const accepted = statuses.filter((s) => s === 202).length;
        assert.ok(accepted <= 8 && statuses.includes(429), `statuses ${statuses}`);
      } finally {
        await Promise.all([c.stop(), d.stop()]);
      }
    });
  });

  describe('PostgreSQL unreachable', () => {
    it('answers 503 with Retry-After while the database is cut off, and recovers without a restart', async () => {
      const proxy = await startProxy(5432);
      const url = new URL(database.url);
      url.port = String(proxy.port);
      const server = await startLede({
        DATABASE_URL: url.href,
        RATE_LIMIT_VOTES: '100000',
        RATE_LIMIT_SIGNUPS: '100000',
      });
      try {
        const articleId = `down-${Date.now()}`;
        assert.equal(
          (await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'a', readerId: 'r0' })).status,
          200,
        );
        // Cut while transactions are between statements: the server must answer 503 for those, not crash.
        const inFlight = Array.from({ length: 30 }, (_, i) =>
          postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'b', readerId: `load-${i}` }),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
        proxy.cut();
        const loadStatuses = new Set((await Promise.all(inFlight)).map((r) => r.status));
        assert.ok(
          [...loadStatuses].every((s) => s === 200 || s === 503),
          `statuses under the cut: ${[...loadStatuses]}`,
        );
        const health = await fetch(`${server.url}/healthz`);
        assert.equal(health.status, 503);
        assert.ok(Number(health.headers.get('retry-after')) > 0);
        const vote = await postJson(
          `${server.url}/v1/votes`,
          { articleId, scenarioId: 'a', readerId: 'r1' },
          { headers: { origin: SITE } },
        );
        assert.equal(vote.status, 503);
        assert.ok(vote.json.error);
        assert.ok(Number(vote.headers.get('retry-after')) > 0);
        assert.match(vote.headers.get('access-control-expose-headers'), /Retry-After/);
        const signup = await postJson(`${server.url}/v1/signups`, { email: 'down@example.org', source: `${SITE}/` });
        assert.equal(signup.status, 503);
        proxy.restore();
        assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
        const retried = await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'a', readerId: 'r1' });
        assert.equal(retried.status, 200);
        assert.equal(retried.json.counts.a, 2);
      } catch (error) {
        console.log(`lede-server output:\n${server.output()}`);
        throw error;
      } finally {
        await server.stop();
        await proxy.close();
      }
    });
  });
}
