// The dashboard's JSON routes on both databases: the real lede-server process, seeded through its
// public routes, counts and pages the same on embedded SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, createPgDatabase, startLede, tempDir } from './helpers.mjs';
import { SEED, SEED_ENV, seedThroughRoutes } from './admin-seed.mjs';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function get(server, path, headers = auth) {
  const response = await fetch(`${server.url}${path}`, { headers });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

function routeTests(name, start) {
  describe(`admin routes on ${name}`, () => {
    let server;
    let cleanup = async () => {};

    before(async () => {
      const started = await start();
      if (!started) return;
      ({ server, cleanup } = started);
      await seedThroughRoutes({ url: server.url, mailDir: join(server.dir, 'lede-data', 'mail'), ...SEED });
    });
    after(async () => {
      await server?.stop();
      await cleanup();
    });

    test('overview: statuses, lists, confirmation rate, signups and votes per day', async (t) => {
      if (!server) return t.skip('no PostgreSQL');
      const { status, json } = await get(server, '/v1/admin/overview?days=30');
      assert.equal(status, 200);
      const e = SEED.expected;
      assert.deepEqual(json.subscribers, { pending: e.pending, confirmed: e.confirmed, unsubscribed: e.unsubscribed });
      assert.equal(json.confirmationRate, e.rate);
      assert.deepEqual(json.lists, [
        { list: 'daily', pending: 1, confirmed: 0, unsubscribed: 0 },
        { list: 'weekly', pending: 1, confirmed: 1, unsubscribed: 1 },
      ]);
      assert.deepEqual(json.votes, { total: e.votes, articles: e.articles });
      assert.equal(json.days.length, 30);
      const today = new Date().toISOString().slice(0, 10);
      assert.deepEqual(json.days.at(-1), { day: today, signups: 4, votes: 6 });
      assert.equal(
        json.days.slice(0, -1).reduce((n, d) => n + d.signups + d.votes, 0),
        0,
      );
    });

    test('search pages and filters in the database', async (t) => {
      if (!server) return t.skip('no PostgreSQL');
      const all = await get(server, '/v1/admin/subscribers/search?limit=2');
      assert.equal(all.json.total, 4);
      assert.deepEqual(
        all.json.subscribers.map((s) => s.email),
        ['dee@example.org', 'cy@example.org'],
        'newest first',
      );
      const next = await get(server, '/v1/admin/subscribers/search?limit=2&offset=2');
      assert.deepEqual(
        next.json.subscribers.map((s) => s.email),
        ['bo@example.org', 'ada@example.org'],
      );
      const found = await get(server, '/v1/admin/subscribers/search?q=CY%40EXAMPLE');
      assert.deepEqual(
        found.json.subscribers.map((s) => s.email),
        ['cy@example.org'],
        'any case',
      );
      assert.equal(found.json.subscribers[0].consent.source, 'https://news.example/articles/port-pact');
      const literal = await get(server, '/v1/admin/subscribers/search?q=%25');
      assert.equal(literal.json.total, 0, '% is a character, not a wildcard');
      const weeklyPending = await get(server, '/v1/admin/subscribers/search?list=weekly&status=pending');
      assert.deepEqual(
        weeklyPending.json.subscribers.map((s) => s.email),
        ['cy@example.org'],
      );
    });

    test('the export takes the same filters, and without them answers as before', async (t) => {
      if (!server) return t.skip('no PostgreSQL');
      const every = await get(server, '/v1/admin/subscribers');
      assert.equal(every.json.subscribers.length, 4);
      const csv = await get(server, '/v1/admin/subscribers?format=csv&status=confirmed');
      assert.equal(csv.text.trim().split('\r\n').length, 2, 'header and one row');
      assert.match(csv.text, /^ada@example\.org,/m);
      const filtered = await get(server, '/v1/admin/subscribers?list=weekly&q=bo');
      assert.deepEqual(
        filtered.json.subscribers.map((s) => [s.email, s.status]),
        [['bo@example.org', 'unsubscribed']],
      );
    });

    test('predictions: articles by readers, scenarios by votes, one article per day', async (t) => {
      if (!server) return t.skip('no PostgreSQL');
      const { json } = await get(server, '/v1/admin/predictions');
      assert.equal(json.total, 2);
      assert.deepEqual(json.articles[0], {
        articleId: 'port-pact',
        readers: 5,
        scenarios: [
          { scenarioId: 'rival-hubs', votes: 3 },
          { scenarioId: 'joint-hub', votes: 2 },
        ],
      });
      assert.equal(json.articles[1].articleId, 'harbour-budget');
      const days = await get(server, '/v1/admin/predictions/days?articleId=port-pact&days=7');
      assert.equal(days.json.days.length, 7);
      assert.deepEqual(days.json.days.at(-1).votes, { 'rival-hubs': 3, 'joint-hub': 2 });
      assert.deepEqual(days.json.days[0].votes, {});
    });

    test('bad parameters get a clear 400, a wrong token 401', async (t) => {
      if (!server) return t.skip('no PostgreSQL');
      for (const [path, message] of [
        ['/v1/admin/overview?days=0', /days must be a whole number from 1 to 366/],
        ['/v1/admin/subscribers/search?status=gone', /status is pending, confirmed or unsubscribed/],
        ['/v1/admin/subscribers/search?limit=500', /limit must be a whole number from 1 to 200/],
        ['/v1/admin/subscribers/search?offset=-1', /offset must be a whole number/],
        ['/v1/admin/predictions/days', /articleId is required/],
      ]) {
        const answer = await get(server, path);
        assert.equal(answer.status, 400, path);
        assert.match(answer.json.error, message);
      }
      const refused = await get(server, '/v1/admin/overview', { Authorization: 'Bearer wrong' });
      assert.equal(refused.status, 401);
    });
  });
}

routeTests('embedded SQLite', async () => {
  const { dir, remove } = tempDir();
  return { server: await startLede(SEED_ENV, { cwd: dir }), cleanup: async () => remove() };
});

routeTests('PostgreSQL', async () => {
  const database = await createPgDatabase('admin_routes');
  if (!database) return undefined;
  const { dir, remove } = tempDir();
  return {
    server: await startLede({ ...SEED_ENV, DATABASE_URL: database.url }, { cwd: dir }),
    cleanup: async () => {
      remove();
      await database.drop();
    },
  };
});
