// Every refusal the contract names, and hostile input, against the real process: a clear 4xx, never a 500.
// The table (input -> status -> body) is printed, and written to $LEDE_BAD_INPUT_TABLE when that is set.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ADMIN_TOKEN, SITE, newKey, rawRequest, startLede, startSmtp } from './helpers.mjs';

const rows = [];

describe('bad input', () => {
  let server;
  let bare;
  let smtp;
  before(async () => {
    smtp = await startSmtp();
    [server, bare] = await Promise.all([startLede({ SMTP_URL: smtp.url }), startLede({ ADMIN_TOKEN: '' })]);
  });
  after(async () => {
    await Promise.all([server?.stop(), bare?.stop()]);
    await smtp?.close();
    const table = [
      '| # | input | status | answer (first 90 characters) |',
      '|---|---|---|---|',
      ...rows.map(
        (r, i) =>
          `| ${i + 1} | ${r.label} | ${r.status} | \`${r.body.replace(/\s+/g, ' ').slice(0, 90).replace(/\|/g, '\\|')}\` |`,
      ),
    ].join('\n');
    console.log(`bad-input table:\n${table}`);
    if (process.env.LEDE_BAD_INPUT_TABLE) writeFileSync(process.env.LEDE_BAD_INPUT_TABLE, `${table}\n`);
  });

  async function send(
    label,
    path,
    { method = 'POST', type = 'application/json', body, headers = {}, key = newKey('bad'), base } = {},
    expected,
  ) {
    const all = { ...(type ? { 'content-type': type } : {}), ...(key ? { 'idempotency-key': key } : {}), ...headers };
    const response = await rawRequest(`${base ?? server.url}${path}`, { method, headers: all, body });
    rows.push({ label, status: response.status, body: response.text });
    assert.ok(response.status < 500, `${label}: ${response.status}`);
    if (expected !== undefined) assert.equal(response.status, expected, `${label}: ${response.text}`);
    if (response.status >= 400 && /json/.test(response.headers['content-type'] ?? '')) {
      assert.equal(typeof JSON.parse(response.text).error, 'string', `${label}: { error }`);
    }
    return response;
  }
  const signup = (fields) => JSON.stringify({ source: `${SITE}/a`, ...fields });
  const vote = (fields) => JSON.stringify({ articleId: 'bad-article', scenarioId: 'a', readerId: 'r', ...fields });

  it('signups', async () => {
    await send('signup without email', '/v1/signups', { body: signup({}) }, 400);
    await send('signup, email "not-an-address"', '/v1/signups', { body: signup({ email: 'not-an-address' }) }, 400);
    await send(
      'signup, email of 255 characters',
      '/v1/signups',
      { body: signup({ email: `${'a'.repeat(243)}@example.org` }) },
      400,
    );
    await send(
      'signup, email with CRLF + Bcc:',
      '/v1/signups',
      { body: signup({ email: 'a@example.org\r\nBcc: all@example.org' }) },
      400,
    );
    await send(
      'signup, name with CRLF + header',
      '/v1/signups',
      { body: signup({ email: 'crlf@example.org', name: 'Eve\r\nBcc: all@example.org' }) },
      400,
    );
    await send(
      'signup, name of 201 characters',
      '/v1/signups',
      { body: signup({ email: 'long@example.org', name: 'n'.repeat(201) }) },
      400,
    );
    await send(
      'signup, name of 200 emoji (200 characters, 800 bytes)',
      '/v1/signups',
      { body: signup({ email: 'emoji@example.org', name: '😀'.repeat(200) }) },
      202,
    );
    await send('signup, email a number', '/v1/signups', { body: signup({ email: 42 }) }, 400);
    await send(
      'signup, elapsedMs -1',
      '/v1/signups',
      { body: signup({ email: 'neg@example.org', elapsedMs: -1 }) },
      400,
    );
    await send(
      'signup, elapsedMs 5 (a fast autofill)',
      '/v1/signups',
      { body: signup({ email: 'fast@example.org', elapsedMs: 5 }) },
      202,
    );
    await send(
      'signup, lang "../../etc"',
      '/v1/signups',
      { body: signup({ email: 'lang@example.org', lang: '../../etc' }) },
      400,
    );
    await send('malformed JSON', '/v1/signups', { body: '{"email": "a@example.org",' }, 400);
    await send('JSON array body', '/v1/signups', { body: '[1,2]' }, 400);
    await send('JSON null body', '/v1/signups', { body: 'null' }, 400);
    await send(
      'Content-Type: text/plain',
      '/v1/signups',
      { type: 'text/plain', body: signup({ email: 'a@example.org' }) },
      415,
    );
    await send('Content-Type: application/xml', '/v1/signups', { type: 'application/xml', body: '<email/>' }, 415);
    await send(
      'multipart/form-data without an email',
      '/v1/signups',
      { type: 'multipart/form-data; boundary=x', body: '--x--' },
      400,
    );
    await send('no Content-Type', '/v1/signups', { type: null, body: signup({ email: 'a@example.org' }) }, 415);
    await send(
      '17 KB body',
      '/v1/signups',
      { body: signup({ email: 'big@example.org', consentText: 'x'.repeat(17 * 1024) }) },
      413,
    );
    await send(
      '17 KB body, chunked (no Content-Length)',
      '/v1/signups',
      {
        body: signup({ email: 'big@example.org', consentText: 'x'.repeat(17 * 1024) }),
        headers: { 'transfer-encoding': 'chunked' },
      },
      413,
    );
    await send(
      'Idempotency-Key of 201 characters',
      '/v1/signups',
      { body: signup({ email: 'k@example.org' }), key: 'k'.repeat(201) },
      400,
    );
    await send(
      'Origin https://evil.example',
      '/v1/signups',
      { body: signup({ email: 'o@example.org' }), headers: { origin: 'https://evil.example' } },
      403,
    );
    await send(
      'Origin null',
      '/v1/signups',
      { body: signup({ email: 'o@example.org' }), headers: { origin: 'null' } },
      403,
    );
    await send(
      'Origin look-alike https://news.example.evil',
      '/v1/signups',
      { body: signup({ email: 'o@example.org' }), headers: { origin: 'https://news.example.evil' } },
      403,
    );
    await send(
      'Origin http://news.example (other scheme)',
      '/v1/signups',
      { body: signup({ email: 'o@example.org' }), headers: { origin: 'http://news.example' } },
      403,
    );
    await send(
      'preflight from https://evil.example',
      '/v1/signups',
      {
        method: 'OPTIONS',
        type: null,
        key: null,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      },
      403,
    );
    const key = newKey('reuse');
    await send('signup', '/v1/signups', { body: signup({ email: 'reuse@example.org' }), key }, 202);
    await send(
      'same Idempotency-Key, different body',
      '/v1/signups',
      { body: signup({ email: 'other@example.org' }), key },
      422,
    );
  });

  it('votes and counts', async () => {
    await send(
      'vote without readerId',
      '/v1/votes',
      { body: JSON.stringify({ articleId: 'x', scenarioId: 'a' }) },
      400,
    );
    await send('vote, articleId of 201 characters', '/v1/votes', { body: vote({ articleId: 'x'.repeat(201) }) }, 400);
    await send('vote, scenarioId a number', '/v1/votes', { body: vote({ scenarioId: 7 }) }, 400);
    await send('vote, readerId an object', '/v1/votes', { body: vote({ readerId: { $ne: 1 } }) }, 400);
    await send(
      'vote, body {"__proto__": {...}} only',
      '/v1/votes',
      { body: '{"__proto__":{"articleId":"p","scenarioId":"a","readerId":"r"}}' },
      400,
    );
    const sql = "' OR 1=1; DROP TABLE votes; --";
    const sqlVote = await send(
      'vote, SQL-looking ids',
      '/v1/votes',
      { body: vote({ articleId: sql, scenarioId: sql, readerId: sql }) },
      200,
    );
    assert.deepEqual(JSON.parse(sqlVote.text), { counts: { [sql]: 1 }, choice: sql });
    const proto = await send(
      'vote, ids "__proto__"',
      '/v1/votes',
      { body: vote({ articleId: '__proto__', scenarioId: '__proto__', readerId: '__proto__' }) },
      200,
    );
    assert.equal(proto.text, '{"counts":{"__proto__":1},"choice":"__proto__"}');
    await send(
      'vote, form-urlencoded',
      '/v1/votes',
      { type: 'application/x-www-form-urlencoded', body: 'articleId=a&scenarioId=b&readerId=c' },
      415,
    );
    await send('GET votes without articleId', '/v1/votes', { method: 'GET', type: null, key: null }, 400);
    const many = Array.from({ length: 201 }, (_, i) => `articleId=a${i}`).join('&');
    await send(
      'GET comment counts, 201 ids',
      `/v1/comments/counts?${many}`,
      { method: 'GET', type: null, key: null },
      400,
    );
    await send('GET comment counts, no id', '/v1/comments/counts', { method: 'GET', type: null, key: null }, 400);
    await send('unknown route', '/v1/nothing', { method: 'GET', type: null, key: null }, 404);
  });

  it('admin', async () => {
    const put = JSON.stringify({ articleId: 'x', count: 3 });
    await send('PUT comment count, no token', '/v1/comments/count', { method: 'PUT', body: put, key: null }, 401);
    await send(
      'PUT comment count, wrong token',
      '/v1/comments/count',
      { method: 'PUT', body: put, key: null, headers: { authorization: 'Bearer wrong' } },
      401,
    );
    await send(
      'PUT comment count, count -1',
      '/v1/comments/count',
      {
        method: 'PUT',
        body: JSON.stringify({ articleId: 'x', count: -1 }),
        key: null,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
      400,
    );
    await send('export, no token', '/v1/admin/subscribers', { method: 'GET', type: null, key: null }, 401);
    await send(
      'export, token of another length',
      '/v1/admin/subscribers',
      { method: 'GET', type: null, key: null, headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } },
      401,
    );
    await send(
      'export, Basic auth',
      '/v1/admin/subscribers',
      {
        method: 'GET',
        type: null,
        key: null,
        headers: { authorization: `Basic ${Buffer.from(`a:${ADMIN_TOKEN}`).toString('base64')}` },
      },
      401,
    );
    await send(
      'export, format=xml',
      '/v1/admin/subscribers?format=xml',
      { method: 'GET', type: null, key: null, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
      400,
    );
    await send(
      'erase without email',
      '/v1/admin/subscribers',
      { method: 'DELETE', type: null, key: null, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
      400,
    );
    await send(
      'export on a server without ADMIN_TOKEN',
      '/v1/admin/subscribers',
      { method: 'GET', type: null, key: null, base: bare.url, headers: { authorization: 'Bearer ' } },
      404,
    );
    await send(
      'PUT comment count on a server without ADMIN_TOKEN',
      '/v1/comments/count',
      { method: 'PUT', body: put, key: null, base: bare.url },
      404,
    );
  });

  it('links: unknown and expired tokens', async () => {
    await send('confirm, unknown token', '/v1/confirm?token=nope', { method: 'GET', type: null, key: null }, 404);
    await send('confirm, no token', '/v1/confirm', { method: 'GET', type: null, key: null }, 404);
    await send(
      'unsubscribe page, unknown token',
      '/v1/unsubscribe?token=nope',
      { method: 'GET', type: null, key: null },
      404,
    );
    await send(
      'one-click unsubscribe, unknown token',
      '/v1/unsubscribe?token=nope',
      { type: 'application/x-www-form-urlencoded', body: 'List-Unsubscribe=One-Click', key: null },
      404,
    );
    await send('signup to expire', '/v1/signups', { body: signup({ email: 'expire@example.org' }) }, 202);
    const [mail] = await smtp.waitFor('expire@example.org');
    const link = /http:\S+\/v1\/confirm\?token=[\w-]+/.exec(mail.text)[0];
    // Eight days later, as far as the token knows (written straight into the store, which WAL lets a second reader-writer do).
    const db = new Database(join(server.dir, 'lede-data', 'lede.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare("update tokens set expires_at = ? where purpose = 'confirm' and expires_at > ?").run(
      Date.now() - 86_400_000,
      Date.now(),
    );
    db.close();
    await send(
      'confirm, expired token',
      new URL(link).pathname + new URL(link).search,
      { method: 'GET', type: null, key: null },
      410,
    );
  });

  it('limits: signups per minute, and 1,000 votes from fresh reader ids from one client', async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (
          await send(`signup ${i + 1} of 12 in a minute`, '/v1/signups', {
            body: signup({ email: `burst${i}@example.org` }),
          })
        ).status,
      );
    assert.ok(statuses.includes(429), `a burst of 12 signups meets the limit of 10 a minute: ${statuses}`);
    const counts = {};
    let retryAfter;
    const articleId = `flood-${Date.now()}`;
    for (let i = 0; i < 1000; i++) {
      const response = await rawRequest(`${server.url}/v1/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey('flood') },
        body: JSON.stringify({ articleId, scenarioId: 'a', readerId: `fresh-${i}` }),
      });
      counts[response.status] = (counts[response.status] ?? 0) + 1;
      if (response.status === 429) retryAfter ??= response.headers['retry-after'];
    }
    const stored = JSON.parse((await rawRequest(`${server.url}/v1/votes?articleId=${articleId}`)).text).counts.a;
    rows.push({
      label: '1,000 votes, fresh readerIds, one client, one article',
      status: Object.entries(counts)
        .map(([s, n]) => `${n}× ${s}`)
        .join(', '),
      body: `counted: ${stored}; Retry-After: ${retryAfter}`,
    });
    assert.equal(stored, 30, 'VOTE_CAP_PER_ARTICLE (30) votes counted, the rest refused');
    assert.equal(counts[200], 30);
    assert.equal(counts[429], 970);
    assert.ok(Number(retryAfter) > 0);
  });
});
