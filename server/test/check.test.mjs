// `lede-server check`: all rules pass against lede-server itself, and the right rules fail against a backend that
// gets parts of the contract wrong (exit code 1).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CLI, SITE, startLede } from './helpers.mjs';

const run = async (args) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'check', ...args], {
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
};

/** { PASS: [rule], FAIL: [rule], SKIP: [rule] } from the printed report. */
function outcomes(stdout) {
  const out = { PASS: [], FAIL: [], SKIP: [] };
  for (const [, mark, rule] of stdout.matchAll(/^ {2}(PASS|FAIL|SKIP) {2}(.+)$/gm)) out[mark].push(rule);
  return out;
}

const RULES = [
  'signup: JSON accepted with 202',
  'signup: form (urlencoded) accepted with 202',
  'signup: an invalid address is 400 { error }',
  'signup: malformed JSON is 400 { error }',
  'signup: another content type is 415 { error }',
  'signup: a body over 16 KB is 413 { error }',
  'vote: POST answers 200 { counts, choice }',
  'vote: a second vote of the same reader answers the first choice',
  'vote: GET answers { counts }, cacheable',
  'idempotency: the same key and body get the first answer byte for byte',
  'idempotency: the same key with another body is 422 { error }',
  'comment count: GET answers { count }, cacheable',
  'comment counts: GET answers { counts } for every id, cacheable',
  'comment counts: without articleId is 400 { error }',
  'CORS: preflight allows the origin, Content-Type and Idempotency-Key',
  'CORS: answers to the origin expose Retry-After',
  'CORS: a POST from a foreign origin is 403',
];

describe('lede-server check against lede-server', () => {
  let server;
  before(async () => {
    server = await startLede({});
  });
  after(() => server?.stop());

  it('every rule passes, exit code 0; the side effects are one signup at example.invalid and one vote', async () => {
    const result = await run([server.url, '--origin', SITE]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(outcomes(result.stdout), { PASS: RULES, FAIL: [], SKIP: [] });
    assert.match(result.stdout, /17 passed, 0 failed, 0 skipped/);
    const exported = await (
      await fetch(`${server.url}/v1/admin/subscribers`, {
        headers: { authorization: 'Bearer test-admin-token-0123456789' },
      })
    ).json();
    assert.equal(exported.subscribers.length, 1);
    assert.match(exported.subscribers[0].email, /^lede-check-.+@example\.invalid$/);
    const mails = readdirSync(join(server.dir, 'lede-data', 'mail'));
    assert.ok(
      mails.every((name) => /example\.invalid/.test(readFileSync(join(server.dir, 'lede-data', 'mail', name), 'utf8'))),
    );
  });

  it('without --origin the CORS rules that need one are skipped, not failed; --email names the signup', async () => {
    const result = await run([server.url, '--email', 'publisher@example.invalid']);
    assert.equal(result.code, 0, result.stdout);
    const { SKIP, FAIL } = outcomes(result.stdout);
    assert.deepEqual(FAIL, []);
    assert.deepEqual(SKIP, [
      'CORS: preflight allows the origin, Content-Type and Idempotency-Key',
      'CORS: answers to the origin expose Retry-After',
    ]);
  });

  it('usage errors exit 2, an unreachable server fails every rule with exit 1', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['not-a-url'])).code, 2);
    assert.equal((await run([server.url, '--origin', 'javascript:alert(1)'])).code, 2);
    const closed = await run(['http://127.0.0.1:9', '--timeout', '2000']);
    assert.equal(closed.code, 1);
    assert.equal(outcomes(closed.stdout).PASS.length, 0);
    assert.match(closed.stdout, /no answer/);
  });
});

/**
 * A backend with deliberate mistakes: it validates nothing but JSON and the content type, counts every vote, ignores
 * Idempotency-Key, accepts any size and any origin, sends no cache headers, and its preflight forgets Idempotency-Key.
 */
async function startBrokenBackend() {
  const votes = {};
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const origin = req.headers.origin;
      const headers = { 'content-type': 'application/json' };
      if (origin)
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-expose-headers': 'Retry-After',
        });
      const send = (status, value) => {
        res.writeHead(status, headers);
        res.end(JSON.stringify(value));
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...headers,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'Content-Type',
        });
        return res.end();
      }
      if (req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').match(/json|urlencoded/))
          return send(415, { error: 'Unsupported type' });
        let fields;
        try {
          fields = req.headers['content-type'].includes('json')
            ? JSON.parse(body)
            : Object.fromEntries(new URLSearchParams(body));
        } catch {
          return send(400, { error: 'Bad JSON' });
        }
        if (url.pathname === '/v1/signups') return send(202, { status: 'pending' });
        if (url.pathname === '/v1/votes') {
          const counts = (votes[fields.articleId] ??= {});
          counts[fields.scenarioId] = (counts[fields.scenarioId] ?? 0) + 1;
          return send(200, { counts, choice: fields.scenarioId });
        }
      }
      if (url.pathname === '/v1/votes') return send(200, { counts: votes[url.searchParams.get('articleId')] ?? {} });
      if (url.pathname === '/v1/comments/count') return send(200, { count: 0 });
      if (url.pathname === '/v1/comments/counts') {
        const ids = url.searchParams.getAll('articleId');
        if (ids.length === 0) return send(400, { error: 'articleId is required' });
        return send(200, { counts: Object.fromEntries(ids.map((id) => [id, 0])) });
      }
      send(404, { error: 'Not found' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

describe('lede-server check against a broken backend', () => {
  let backend;
  before(async () => {
    backend = await startBrokenBackend();
  });
  after(() => backend?.close());

  it('fails exactly the rules the backend breaks, and exits 1', async () => {
    const result = await run([backend.url, '--origin', SITE]);
    assert.equal(result.code, 1);
    const expectedFailures = [
      'signup: an invalid address is 400 { error }',
      'signup: a body over 16 KB is 413 { error }',
      'vote: a second vote of the same reader answers the first choice',
      'vote: GET answers { counts }, cacheable',
      'idempotency: the same key and body get the first answer byte for byte',
      'idempotency: the same key with another body is 422 { error }',
      'comment count: GET answers { count }, cacheable',
      'comment counts: GET answers { counts } for every id, cacheable',
      'CORS: preflight allows the origin, Content-Type and Idempotency-Key',
      'CORS: a POST from a foreign origin is 403',
    ];
    const { PASS, FAIL } = outcomes(result.stdout);
    assert.deepEqual(FAIL, expectedFailures, result.stdout);
    assert.deepEqual(
      PASS,
      RULES.filter((rule) => !expectedFailures.includes(rule)),
    );
    assert.match(result.stdout, /expected 400, got 202/);
    assert.match(result.stdout, /Cache-Control is ""/);
  });
});
