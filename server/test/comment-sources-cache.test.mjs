// The cache in front of a comment system: the TTL, one request for many concurrent readers, the admin listing,
// the settings (environment and config file), and the same flow on PostgreSQL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, CLI, createPgDatabase, startLede, tempDir } from './helpers.mjs';
import { startDiscourse } from './stubs/comments/discourse.mjs';
import { startGitHub } from './stubs/comments/giscus.mjs';
import { startIsso } from './stubs/comments/isso.mjs';
import { startRemark42 } from './stubs/comments/remark42.mjs';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const COUNTS = { 'https://news.example/a': 5, 'https://news.example/b': 8 };
const remark42Env = (stub, extra = {}) => ({
  COMMENT_SOURCE: 'remark42',
  COMMENT_SOURCE_URL: stub.url,
  COMMENT_SOURCE_SITE: 'news',
  COMMENT_SOURCE_MAP: 'https://news.example/{id}',
  ...extra,
});
const count = async (server, id) =>
  (await (await fetch(`${server.url}/v1/comments/count?articleId=${encodeURIComponent(id)}`)).json()).count;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('comment count cache', () => {
  let stub;
  before(async () => {
    stub = await startRemark42({ site: 'news', counts: COUNTS });
  });
  after(() => stub?.close());

  it('answers from the database within COMMENT_CACHE_SECONDS, then asks the service again', async () => {
    const server = await startLede(remark42Env(stub, { COMMENT_CACHE_SECONDS: '2' }));
    try {
      stub.reset();
      const asked = Date.now(); // the fetch happens after this...
      assert.equal(await count(server, 'a'), 5);
      const answered = Date.now(); // ...and before this
      assert.equal(await count(server, 'a'), 5);
      assert.ok(Date.now() - asked < 2000, 'the machine is too busy for this test: two reads took over 2 s');
      assert.equal(stub.requests.length, 1, 'the second read came from the database');
      await sleep(answered + 2000 + 50 - Date.now());
      assert.equal(await count(server, 'a'), 5);
      assert.equal(stub.requests.length, 2, 'after the TTL the service is asked again');
    } finally {
      await server.stop();
    }
  });

  it('many readers asking at once for the same articles make one request to the service', async () => {
    const server = await startLede(remark42Env(stub, { COMMENT_CACHE_SECONDS: '60' }));
    try {
      stub.reset();
      stub.mode = 'hold';
      const answers = Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(`${server.url}/v1/comments/counts?articleId=a&articleId=b${i % 2 ? '&articleId=c' : ''}`).then((r) =>
            r.json(),
          ),
        ),
      );
      while (stub.requests.length === 0) await sleep(20);
      await sleep(300); // the other readers arrive while the first request is still out
      stub.release();
      for (const answer of await answers) {
        assert.equal(answer.counts.a, 5);
        assert.equal(answer.counts.b, 8);
      }
      const asked = stub.requests.flatMap((r) => JSON.parse(r.body));
      assert.equal(asked.filter((u) => u === 'https://news.example/a').length, 1, `${stub.requests.length} requests`);
    } finally {
      await server.stop();
    }
  });

  it('GET /v1/admin/comments pages through every count, with its source and staleness', async () => {
    const server = await startLede(remark42Env(stub, { COMMENT_CACHE_SECONDS: '0' }));
    try {
      stub.reset();
      await fetch(`${server.url}/v1/comments/counts?articleId=a&articleId=b&articleId=c`);
      const unauthorised = await fetch(`${server.url}/v1/admin/comments`);
      assert.equal(unauthorised.status, 401);
      const first = await (await fetch(`${server.url}/v1/admin/comments?limit=2&offset=0`, { headers: admin })).json();
      const rest = await (await fetch(`${server.url}/v1/admin/comments?limit=2&offset=2`, { headers: admin })).json();
      assert.equal(first.total, 3);
      assert.equal(first.articles.length, 2);
      assert.equal(rest.articles.length, 1);
      const all = [...first.articles, ...rest.articles].sort((x, y) => x.articleId.localeCompare(y.articleId));
      assert.deepEqual(
        all.map(({ articleId, count, source, stale }) => ({ articleId, count, source, stale })),
        [
          { articleId: 'a', count: 5, source: 'remark42', stale: false },
          { articleId: 'b', count: 8, source: 'remark42', stale: false },
          { articleId: 'c', count: 0, source: 'remark42', stale: false },
        ],
      );
      assert.ok(all.every((a) => !Number.isNaN(Date.parse(a.updatedAt))));
      const bad = await fetch(`${server.url}/v1/admin/comments?limit=-1`, { headers: admin });
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).error, /limit/);
    } finally {
      await server.stop();
    }
  });

  it('a service that answers for some articles before the timeout: those are fresh, the rest keep their last count', async () => {
    const discourse = await startDiscourse({
      apiKey: 'k',
      apiUsername: 'system',
      counts: { 'https://news.example/a': 5, 'https://news.example/slow': 9 },
    });
    const server = await startLede({
      COMMENT_SOURCE: 'discourse',
      COMMENT_SOURCE_URL: discourse.url,
      COMMENT_SOURCE_TOKEN: 'k',
      COMMENT_SOURCE_USER: 'system',
      COMMENT_SOURCE_MAP: 'https://news.example/{id}',
      COMMENT_SOURCE_TIMEOUT_MS: '1000',
      COMMENT_CACHE_SECONDS: '0',
    });
    try {
      assert.equal(await count(server, 'slow'), 9);
      discourse.hang = (request) => request.query.get('embed_url').endsWith('/slow');
      const answer = await (await fetch(`${server.url}/v1/comments/counts?articleId=a&articleId=slow`)).json();
      assert.deepEqual(answer.counts, { a: 5, slow: 9 });
      const list = await (await fetch(`${server.url}/v1/admin/comments`, { headers: admin })).json();
      const row = (id) => list.articles.find((a) => a.articleId === id);
      assert.equal(row('a').stale, false, 'the count that arrived in time is stored as fresh');
      assert.equal(row('slow').stale, true);
      assert.match(server.output(), /discourse did not answer for 1 of 2 article\(s\)/);
    } finally {
      await server.stop();
      await discourse.close();
    }
  });

  it('a pushed count is listed with source push and never stale', async () => {
    const server = await startLede({});
    try {
      await fetch(`${server.url}/v1/comments/count`, {
        method: 'PUT',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ articleId: 'pushed', count: 4 }),
      });
      const list = await (await fetch(`${server.url}/v1/admin/comments`, { headers: admin })).json();
      assert.equal(list.total, 1);
      assert.equal(list.articles[0].articleId, 'pushed');
      assert.equal(list.articles[0].count, 4);
      assert.equal(list.articles[0].source, 'push');
      assert.equal(list.articles[0].stale, false);
      assert.ok(Date.parse(list.articles[0].updatedAt) > 0);
      assert.match(server.output(), /comment counts: pushed with PUT/);
    } finally {
      await server.stop();
    }
  });
});

describe('comment source settings', () => {
  const run = (env) =>
    spawnSync(process.execPath, [CLI], {
      env: { PATH: process.env.PATH, PORT: '0', LEDE_DATA_DIR: tempDir().dir, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('a wrong or incomplete source is a clear error at start, naming the setting', () => {
    const cases = [
      [{ COMMENT_SOURCE: 'disqus' }, /COMMENT_SOURCE is one of push, remark42, isso, discourse, coral, giscus, hyvor/],
      [{ COMMENT_SOURCE: 'isso' }, /COMMENT_SOURCE_URL is required for isso/],
      [{ COMMENT_SOURCE: 'giscus', COMMENT_SOURCE_SITE: 'o/n' }, /COMMENT_SOURCE_TOKEN is required for giscus/],
      [{ COMMENT_SOURCE: 'giscus', COMMENT_SOURCE_TOKEN: 't', COMMENT_SOURCE_SITE: 'x' }, /owner\/name/],
      [
        { COMMENT_SOURCE: 'discourse', COMMENT_SOURCE_URL: 'https://forum.example', COMMENT_SOURCE_TOKEN: 'k' },
        /COMMENT_SOURCE_USER/,
      ],
      [{ COMMENT_SOURCE: 'hyvor' }, /website id/],
      [{ COMMENT_SOURCE: 'isso', COMMENT_SOURCE_URL: 'ftp://x' }, /http\(s\) URL/],
      [{ COMMENT_SOURCE: 'isso', COMMENT_SOURCE_URL: 'https://c.example', COMMENT_SOURCE_MAP: '/posts/' }, /\{id\}/],
    ];
    for (const [env, message] of cases) {
      const result = run(env);
      assert.equal(result.status, 1, JSON.stringify(env));
      assert.match(result.stderr, message);
    }
  });

  it('--help lists the comment source settings', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    for (const name of [
      'COMMENT_SOURCE',
      'COMMENT_SOURCE_URL',
      'COMMENT_SOURCE_TOKEN',
      'COMMENT_SOURCE_MAP',
      'COMMENT_CACHE_SECONDS',
    ])
      assert.match(help, new RegExp(`^  ${name} `, 'm'));
  });

  it('lede-server.config.json may group them as "commentSource": { name, url, map, ... }', async () => {
    const stub = await startIsso({ counts: { '/posts/x': 7 } });
    const { dir, remove } = tempDir();
    writeFileSync(
      join(dir, 'lede-server.config.json'),
      JSON.stringify({ commentSource: { name: 'isso', url: stub.url, map: '/posts/{id}', cacheSeconds: 30 } }),
    );
    const server = await startLede({}, { cwd: dir });
    try {
      assert.equal(await count(server, 'x'), 7);
      assert.match(server.output(), /from isso at .*, articles as \/posts\/\{id\}, cached 30 s/);
    } finally {
      await server.stop();
      await stub.close();
      remove();
    }
  });

  it('an unreachable service answers 0 and the log says why', async () => {
    const closed = await startIsso({ counts: {} });
    const url = closed.url;
    await closed.close();
    const server = await startLede({ COMMENT_SOURCE: 'isso', COMMENT_SOURCE_URL: url, COMMENT_SOURCE_MAP: '/{id}' });
    try {
      const response = await fetch(`${server.url}/v1/comments/counts?articleId=a&articleId=b`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { counts: { a: 0, b: 0 } });
      assert.match(server.output(), /isso did not answer for 2 of 2 article\(s\): fetch failed \(.*ECONNREFUSED/);
    } finally {
      await server.stop();
    }
  });

  it('a refused token (401) or a GraphQL error answers the last known count and logs the service message only', async () => {
    const stub = await startGitHub({
      token: 'right',
      repo: 'o/n',
      discussions: { '/p/a': { comments: 2, replies: [1] } },
    });
    const server = await startLede({
      COMMENT_SOURCE: 'giscus',
      COMMENT_SOURCE_URL: `${stub.url}/graphql`,
      COMMENT_SOURCE_TOKEN: 'wrong-secret-token',
      COMMENT_SOURCE_SITE: 'o/n',
      COMMENT_SOURCE_MAP: '/p/{id}',
      COMMENT_CACHE_SECONDS: '0',
    });
    try {
      assert.equal(await count(server, 'a'), 0);
      assert.match(server.output(), /giscus did not answer for 1 of 1 article\(s\): HTTP 401: Bad credentials/);
      assert.equal(server.output().includes('wrong-secret-token'), false);
    } finally {
      await server.stop();
      await stub.close();
    }
  });
});

const database = await createPgDatabase('comment_sources');
describe(
  'comment counts from a source on PostgreSQL',
  { skip: database ? false : 'no PostgreSQL at 127.0.0.1:5432' },
  () => {
    let stub;
    let server;
    before(async () => {
      stub = await startRemark42({ site: 'news', counts: COUNTS });
      server = await startLede({ DATABASE_URL: database.url, ...remark42Env(stub, { COMMENT_CACHE_SECONDS: '0' }) });
    });
    after(async () => {
      await server?.stop();
      await stub?.close();
      await database?.drop();
    });

    it('fetches, stores, falls back to the last known count and lists it for the admin', async () => {
      const ids = Array.from({ length: 150 }, (_, i) => `pg-${i}`);
      stub.reset();
      const many = await (
        await fetch(`${server.url}/v1/comments/counts?articleId=a&${ids.map((id) => `articleId=${id}`).join('&')}`)
      ).json();
      assert.equal(many.counts.a, 5);
      assert.equal(stub.requests.length, 2, '151 articles in batches of 100');
      stub.mode = 'error';
      assert.equal(await count(server, 'a'), 5);
      const rows = await database.query(
        'select count::int as count, source from comment_counts where article_id = $1',
        ['a'],
      );
      assert.deepEqual(rows, [{ count: 5, source: 'remark42' }]);
      const list = await (await fetch(`${server.url}/v1/admin/comments?limit=1`, { headers: admin })).json();
      assert.equal(list.total, 151);
      assert.equal(list.articles.length, 1);
    });

    it('two processes on one database ask the service once per TTL between them', async () => {
      const env = { DATABASE_URL: database.url, ...remark42Env(stub, { COMMENT_CACHE_SECONDS: '60' }) };
      const [first, other] = await Promise.all([startLede(env), startLede(env)]);
      try {
        stub.reset();
        stub.mode = 'hold';
        const held = count(first, 'b');
        while (stub.requests.length === 0) await sleep(20);
        // The first process is fetching (the service holds its answer): the other answers at once, without asking.
        assert.equal(await count(other, 'b'), 0, 'no count known yet');
        assert.equal(stub.requests.length, 1);
        stub.release();
        assert.equal(await held, 8);
        assert.equal(await count(other, 'b'), 8, 'the other process reads what the first fetched');
        assert.equal(stub.requests.length, 1);
      } finally {
        await Promise.all([first.stop(), other.stop()]);
      }
    });
  },
);
