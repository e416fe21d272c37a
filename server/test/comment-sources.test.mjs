// Comment counts from each comment system, through the real lede-server process: a local stub per service answers as
// that service's documentation says (stubs/comments/*), in the states ok, 500 and no answer (timeout).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, startLede } from './helpers.mjs';
import { startCoral } from './stubs/comments/coral.mjs';
import { startDiscourse } from './stubs/comments/discourse.mjs';
import { startGitHub } from './stubs/comments/giscus.mjs';
import { startHyvor } from './stubs/comments/hyvor.mjs';
import { startIsso } from './stubs/comments/isso.mjs';
import { startRemark42 } from './stubs/comments/remark42.mjs';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const BULK = Array.from({ length: 200 }, (_, i) => `bulk-${i}`);
/** What each article has on the comment system (bulk-i: i % 7); articles not listed have no thread. */
const COUNTS = { 'a-1': 12, 'a-2': 3, ...Object.fromEntries(BULK.map((id, i) => [id, i % 7])) };
const SECRET = 'stub-secret-token-7d1e';

const byKey = (keyOf) => Object.fromEntries(Object.entries(COUNTS).map(([id, n]) => [keyOf(id), n]));
const url = (id) => `https://news.example/story/${id}`;
const path = (id) => `/story/${id}`;

const SOURCES = [
  {
    name: 'remark42',
    start: () => startRemark42({ site: 'news', counts: byKey(url) }),
    env: () => ({ COMMENT_SOURCE_SITE: 'news', COMMENT_SOURCE_MAP: 'https://news.example/story/{id}' }),
    requestsFor200: 2,
  },
  {
    name: 'isso',
    start: () => startIsso({ counts: byKey(path) }),
    env: () => ({ COMMENT_SOURCE_MAP: '/story/{id}' }),
    requestsFor200: 2,
  },
  {
    name: 'discourse',
    start: () => startDiscourse({ apiKey: SECRET, apiUsername: 'system', counts: byKey(url) }),
    env: () => ({
      COMMENT_SOURCE_TOKEN: SECRET,
      COMMENT_SOURCE_USER: 'system',
      COMMENT_SOURCE_MAP: 'https://news.example/story/{id}',
    }),
    // Discourse looks up one embed URL per request: 200 articles are 200 requests, at most 8 at once (then cached),
    // so it gets more time on a busy machine.
    requestsFor200: 200,
    parallel: 8,
    timeoutMs: 8000,
  },
  {
    name: 'coral',
    start: () => startCoral({ token: SECRET, counts: byKey(url) }),
    env: () => ({ COMMENT_SOURCE_TOKEN: SECRET, COMMENT_SOURCE_MAP: 'https://news.example/story/{id}' }),
    requestsFor200: 4,
  },
  {
    name: 'giscus',
    start: () =>
      startGitHub({
        token: SECRET,
        repo: 'news/comments',
        discussions: {
          ...Object.fromEntries(Object.entries(byKey(path)).map(([title, n]) => [title, { comments: n, replies: [] }])),
          // 12 = 10 comments + their 2 replies, as giscus counts; a title that only contains the term is another page.
          [path('a-1')]: { comments: 10, replies: [1, 0, 1] },
          [`${path('a-1')}-follow-up`]: { comments: 99, replies: [] },
        },
      }),
    env: (stub) => ({
      COMMENT_SOURCE_URL: `${stub.url}/graphql`,
      COMMENT_SOURCE_TOKEN: SECRET,
      COMMENT_SOURCE_SITE: 'News/Comments',
      COMMENT_SOURCE_MAP: '/story/{id}',
    }),
    requestsFor200: 10,
  },
  {
    name: 'hyvor',
    start: () =>
      startHyvor({
        websiteId: 4242,
        apiKey: SECRET,
        pages: Object.entries(COUNTS).map(([identifier, n]) => ({ identifier, comments_count: n })),
      }),
    env: () => ({ COMMENT_SOURCE_SITE: '4242', COMMENT_SOURCE_TOKEN: SECRET }),
    // Hyvor lists pages 50 at a time: 202 pages are 5 requests.
    requestsFor200: 5,
  },
];

async function getJson(target) {
  const response = await fetch(target);
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const countsQuery = (ids) => ids.map((id) => `articleId=${encodeURIComponent(id)}`).join('&');

for (const source of SOURCES) {
  describe(`comment counts from ${source.name}`, () => {
    let stub;
    let server;
    before(async () => {
      stub = await source.start();
      server = await startLede({
        COMMENT_SOURCE: source.name,
        COMMENT_SOURCE_URL: stub.url,
        // Every request asks the source again, so each state below is seen at once.
        COMMENT_CACHE_SECONDS: '0',
        // Long enough for a busy test machine, short enough for the no-answer state below.
        COMMENT_SOURCE_TIMEOUT_MS: String(source.timeoutMs ?? 2500),
        ...source.env(stub),
      });
    });
    after(async () => {
      await server?.stop();
      await stub?.close();
    });

    it('answers the counts the service has, single and batched, with the usual cache headers', async () => {
      const single = await getJson(`${server.url}/v1/comments/count?articleId=a-1`);
      assert.equal(single.status, 200);
      assert.deepEqual(single.json, { count: 12 });
      assert.equal(single.headers.get('cache-control'), 'public, max-age=15, stale-while-revalidate=60');
      const batch = await getJson(`${server.url}/v1/comments/counts?${countsQuery(['a-1', 'a-2', 'no-thread'])}`);
      assert.equal(batch.status, 200);
      assert.deepEqual(batch.json, { counts: { 'a-1': 12, 'a-2': 3, 'no-thread': 0 } });
      assert.equal(batch.headers.get('cache-control'), 'public, max-age=15, stale-while-revalidate=60');
      assert.ok(server.output().includes(`comment counts: from ${source.name} at ${stub.url}`));
    });

    it(`200 articles in one request: ${source.requestsFor200 === 200 ? '200 lookups, a few at once' : `at most ${source.requestsFor200} requests to the service`}`, async () => {
      stub.reset();
      const answer = await getJson(`${server.url}/v1/comments/counts?${countsQuery(BULK)}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json.counts, Object.fromEntries(BULK.map((id) => [id, COUNTS[id]])));
      assert.ok(
        stub.requests.length >= 1 && stub.requests.length <= source.requestsFor200,
        `${stub.requests.length} requests`,
      );
      if (source.parallel) assert.ok(stub.maxInFlight <= source.parallel, `${stub.maxInFlight} at once`);
      console.log(`${source.name}: 200 articles -> ${stub.requests.length} request(s) to the service`);
    });

    async function adminRow(articleId) {
      const response = await fetch(`${server.url}/v1/admin/comments?limit=500`, { headers: admin });
      assert.equal(response.status, 200);
      const body = await response.json();
      return body.articles.find((a) => a.articleId === articleId);
    }

    it('a service answering 500 gives the last known count (0 without one), never an error', async () => {
      stub.reset();
      stub.mode = 'error';
      const answer = await getJson(`${server.url}/v1/comments/counts?${countsQuery(['a-1', 'a-2', 'never-seen'])}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, { counts: { 'a-1': 12, 'a-2': 3, 'never-seen': 0 } });
      assert.ok(stub.requests.length >= 1, 'the service was asked');
      const row = await adminRow('a-1');
      assert.equal(row.source, source.name);
      assert.equal(row.stale, true);
      assert.equal((await adminRow('never-seen')).updatedAt, null);
    });

    it('a service that does not answer in time (COMMENT_SOURCE_TIMEOUT_MS) gives the last known count', async () => {
      stub.reset();
      stub.mode = 'slow';
      const answer = await getJson(`${server.url}/v1/comments/counts?${countsQuery(['a-1', 'never-seen-2'])}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, { counts: { 'a-1': 12, 'never-seen-2': 0 } });
      assert.ok(stub.requests.length >= 1, 'the service was asked');
      assert.match(server.output(), new RegExp(`${source.name} did not answer`));
    });

    it('once the service answers again the counts are fresh and no longer stale; no secret reaches the log', async () => {
      stub.reset();
      const answer = await getJson(`${server.url}/v1/comments/count?articleId=a-1`);
      assert.deepEqual(answer.json, { count: 12 });
      const row = await adminRow('a-1');
      assert.equal(row.stale, false);
      assert.ok(Date.parse(row.updatedAt) > 0);
      assert.equal(server.output().includes(SECRET), false, 'the token is never logged');
    });

    it('PUT /v1/comments/count is refused while counts come from the service', async () => {
      const put = await fetch(`${server.url}/v1/comments/count`, {
        method: 'PUT',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ articleId: 'a-1', count: 1 }),
      });
      assert.equal(put.status, 409);
      assert.match((await put.json()).error, new RegExp(source.name));
    });
  });
}
