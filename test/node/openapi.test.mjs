// server/openapi.yaml is a valid OpenAPI 3.1 document, and it describes the server that runs: every
// documented operation, asked with a real request, gets a status the document lists for it, and
// every JSON answer matches the documented schema. The real lede-server process (embedded database)
// answers.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { simpleParser } from 'mailparser';
import { ROOT, ensureServerBuilt, startLedeServer } from '../../scripts/lede-server.mjs';

const DOCUMENT = join(ROOT, 'server', 'openapi.yaml');
const ADMIN_TOKEN = 'openapi-test-admin-token-0123456789';
const SITE = 'https://news.example';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const json = (body) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/**
 * One request per documented operation: what a real client sends. A documented operation without
 * an entry here fails the test, so a new route in the document gets a probe.
 */
const PROBES = {
  preflightSignup: () => ({
    method: 'OPTIONS',
    path: '/v1/signups',
    headers: {
      Origin: SITE,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,idempotency-key',
    },
  }),
  createSignup: () => ({
    method: 'POST',
    path: '/v1/signups',
    ...json({
      email: 'reader@example.org',
      name: 'Ada',
      consent: true,
      consentText: 'I agree.',
      list: 'weekly',
      source: `${SITE}/a`,
      elapsedMs: 4000,
    }),
    headers: { 'Content-Type': 'application/json', Origin: SITE, ...key() },
  }),
  signupPendingPage: () => ({ method: 'GET', path: '/v1/signups/pending?lede-signup=pending' }),
  confirmSignup: ({ confirmToken }) => ({ method: 'GET', path: `/v1/confirm?token=${confirmToken}` }),
  showUnsubscribe: ({ unsubscribeToken }) => ({ method: 'GET', path: `/v1/unsubscribe?token=${unsubscribeToken}` }),
  unsubscribe: ({ unsubscribeToken }) => ({
    method: 'POST',
    path: `/v1/unsubscribe?token=${unsubscribeToken}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  }),
  preflightVote: () => ({
    method: 'OPTIONS',
    path: '/v1/votes',
    headers: {
      Origin: SITE,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  }),
  getVotes: () => ({ method: 'GET', path: '/v1/votes?articleId=port-pact' }),
  castVote: () => ({
    method: 'POST',
    path: '/v1/votes',
    ...json({ articleId: 'port-pact', scenarioId: 'rival-hubs', readerId: crypto.randomUUID() }),
    headers: { 'Content-Type': 'application/json', Origin: SITE, ...key() },
  }),
  getCommentCount: () => ({ method: 'GET', path: '/v1/comments/count?articleId=port-pact' }),
  putCommentCount: () => ({
    method: 'PUT',
    path: '/v1/comments/count',
    headers: { 'Content-Type': 'application/json', ...admin },
    body: JSON.stringify({ articleId: 'port-pact', count: 23 }),
  }),
  getCommentCounts: () => ({ method: 'GET', path: '/v1/comments/counts?articleId=port-pact&articleId=other' }),
  exportSubscribers: () => ({ method: 'GET', path: '/v1/admin/subscribers?format=json', headers: admin }),
  eraseSubscriber: () => ({
    method: 'DELETE',
    path: `/v1/admin/subscribers?email=${encodeURIComponent('nobody@example.org')}`,
    headers: admin,
  }),
  adminVotes: () => ({ method: 'GET', path: '/v1/admin/votes?articleId=port-pact', headers: admin }),
  adminComments: () => ({ method: 'GET', path: '/v1/admin/comments?limit=10', headers: admin }),
  listForwarding: () => ({ method: 'GET', path: '/v1/admin/forwarding?status=all&limit=50&offset=0', headers: admin }),
  forwardingSummary: () => ({ method: 'GET', path: '/v1/admin/forwarding/summary', headers: admin }),
  retryForwarding: () => ({
    method: 'POST',
    path: '/v1/admin/forwarding/retry',
    headers: { 'Content-Type': 'application/json', ...admin },
    body: '{}',
  }),
  searchSubscribers: () => ({
    method: 'GET',
    path: '/v1/admin/subscribers/search?q=reader&status=pending&limit=10&offset=0',
    headers: admin,
  }),
  adminOverview: () => ({ method: 'GET', path: '/v1/admin/overview?days=7', headers: admin }),
  adminPredictions: () => ({ method: 'GET', path: '/v1/admin/predictions?limit=5', headers: admin }),
  adminPredictionDays: () => ({
    method: 'GET',
    path: '/v1/admin/predictions/days?articleId=port-pact',
    headers: admin,
  }),
  adminDashboard: () => ({ method: 'GET', path: '/admin/' }),
  health: () => ({ method: 'GET', path: '/healthz' }),
};

/** Requests that must be refused with a documented status (and the documented error body). */
const REFUSALS = [
  ['getVotes', { method: 'GET', path: '/v1/votes' }, 400],
  ['getCommentCount', { method: 'GET', path: '/v1/comments/count' }, 400],
  ['castVote', { method: 'POST', path: '/v1/votes', ...json({ articleId: 'a' }) }, 400],
  ['castVote', { method: 'POST', path: '/v1/votes', headers: { 'Content-Type': 'text/plain' }, body: 'x' }, 415],
  [
    'castVote',
    { method: 'POST', path: '/v1/votes', headers: { 'Content-Type': 'application/json' }, body: '{"articleId":' },
    400,
  ],
  [
    'createSignup',
    {
      method: 'POST',
      path: '/v1/signups',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'a@example.org', source: 'https://evil.example/' }),
    },
    403,
  ],
  [
    'createSignup',
    {
      method: 'POST',
      path: '/v1/signups',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.org', source: `${SITE}/`, name: 'x'.repeat(17 * 1024) }),
    },
    413,
  ],
  ['exportSubscribers', { method: 'GET', path: '/v1/admin/subscribers' }, 401],
  ['listForwarding', { method: 'GET', path: '/v1/admin/forwarding?status=maybe', headers: admin }, 400],
  [
    'retryForwarding',
    {
      method: 'POST',
      path: '/v1/admin/forwarding/retry',
      ...json({ id: 'no-such-job' }),
      headers: { ...json({}).headers, ...admin },
    },
    404,
  ],
  ['exportSubscribers', { method: 'GET', path: '/v1/admin/subscribers?status=gone', headers: admin }, 400],
  ['searchSubscribers', { method: 'GET', path: '/v1/admin/subscribers/search?limit=0', headers: admin }, 400],
  ['adminOverview', { method: 'GET', path: '/v1/admin/overview?days=9999', headers: admin }, 400],
  ['adminPredictionDays', { method: 'GET', path: '/v1/admin/predictions/days', headers: admin }, 400],
  ['confirmSignup', { method: 'GET', path: '/v1/confirm?token=unknown-token' }, 404],
];

describe('server/openapi.yaml', () => {
  let api;
  let server;
  let dataDir;
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

  before(async () => {
    api = await SwaggerParser.validate(DOCUMENT);
    ensureServerBuilt({ quiet: true });
    dataDir = mkdtempSync(join(tmpdir(), 'lede-openapi-'));
    server = await startLedeServer({
      env: {
        LEDE_DATA_DIR: dataDir,
        ADMIN_TOKEN,
        ALLOWED_ORIGINS: SITE,
        SMTP_URL: undefined,
        DATABASE_URL: undefined,
        LOG_LEVEL: 'silent',
        // A webhook on a closed local port: the confirmed signup's forwarding job stays pending with an error to list.
        FORWARDERS: 'webhook:openapi-test-secret?url=http://127.0.0.1:1/hook',
        FORWARD_RETRY_BASE_MS: '3600000',
      },
    });
  });
  after(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const operations = () =>
    Object.entries(api.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'delete', 'options', 'patch'].includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );

  async function send(request) {
    return fetch(`${server.url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
    });
  }

  /** Checks the answer against the operation's documented responses; returns the parsed JSON, if any. */
  async function checkAnswer(operation, answer, label) {
    const documented = operation.responses[String(answer.status)];
    const body = await answer.text();
    assert.ok(
      documented,
      `${label}: ${answer.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')}); body: ${body.slice(0, 300)}`,
    );
    const type = answer.headers.get('content-type')?.split(';')[0];
    if (!documented.content || !type) return undefined;
    assert.ok(
      documented.content[type],
      `${label}: ${answer.status} answered ${type}, documented ${Object.keys(documented.content)}`,
    );
    if (type !== 'application/json') return undefined;
    const parsed = JSON.parse(body);
    const schema = documented.content[type].schema;
    if (schema) {
      const valid = ajv.validate(schema, parsed);
      assert.ok(valid, `${label}: the answer ${body.slice(0, 300)} does not match the schema: ${ajv.errorsText()}`);
    }
    for (const name of Object.keys(documented.headers ?? {})) {
      if (['Retry-After', 'Location', 'Cache-Control'].includes(name)) {
        assert.ok(answer.headers.get(name), `${label}: ${answer.status} lacks the documented ${name} header`);
      }
    }
    return parsed;
  }

  test('is a valid OpenAPI 3.1 document', () => {
    assert.equal(api.openapi, '3.1.0');
    assert.ok(operations().length >= 15);
  });

  test('every documented operation answers a documented status, with the documented body', async () => {
    const missing = operations()
      .map(({ operation }) => operation.operationId)
      .filter((id) => !PROBES[id]);
    assert.deepEqual(missing, [], 'every documented operation has a probe in this test');

    // A signup first, so that the confirm and unsubscribe pages have a real token.
    const signup = operations().find(({ operation }) => operation.operationId === 'createSignup');
    const accepted = await send(PROBES.createSignup());
    assert.equal(accepted.status, 202);
    await checkAnswer(signup.operation, accepted, 'createSignup');
    const mailDir = join(dataDir, 'mail');
    let mail;
    for (let tries = 0; !mail; tries++) {
      const names = (() => {
        try {
          return readdirSync(mailDir).filter((name) => name.endsWith('.eml'));
        } catch {
          return [];
        }
      })();
      if (names[0]) mail = await simpleParser(readFileSync(join(mailDir, names.sort().at(-1))));
      else {
        assert.ok(tries < 100, 'the confirmation mail is written to the mail folder');
        await new Promise((wake) => setTimeout(wake, 100));
      }
    }
    const confirmToken = mail.text.match(/\/v1\/confirm\?token=([\w.~%-]+)/)?.[1];
    const listUnsubscribe = mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line ?? '';
    const unsubscribeToken = listUnsubscribe.match(/\/v1\/unsubscribe\?token=([\w.~%-]+)/)?.[1];
    assert.ok(confirmToken && unsubscribeToken, `tokens in the mail:\n${mail.text}`);

    const tokens = { confirmToken, unsubscribeToken };
    const order = ['confirmSignup', 'showUnsubscribe', 'unsubscribe'];
    const all = operations().sort(
      (a, b) => order.indexOf(a.operation.operationId) - order.indexOf(b.operation.operationId),
    );
    for (const { path, method, operation } of all) {
      if (operation.operationId === 'createSignup') continue;
      const request = PROBES[operation.operationId](tokens);
      assert.equal(request.method, method.toUpperCase(), `${operation.operationId} probes ${method}`);
      assert.equal(new URL(request.path, 'http://x').pathname, path);
      const answer = await send(request);
      assert.ok(answer.status < 300, `${method} ${path} answers a success, not ${answer.status}`);
      await checkAnswer(operation, answer, `${method.toUpperCase()} ${path}`);
    }
  });

  test('refusals get a documented status and the documented error body', async () => {
    for (const [operationId, request, status] of REFUSALS) {
      const { operation } = operations().find(({ operation }) => operation.operationId === operationId);
      const answer = await send(request);
      assert.equal(answer.status, status, `${request.method} ${request.path}`);
      await checkAnswer(operation, answer, `${operationId} refused`);
    }
  });

  test('every route the server registers is documented', () => {
    const sources = (dir) =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [readFileSync(join(dir, entry.name), 'utf8')]
            : [],
      );
    const registered = sources(join(ROOT, 'server', 'src')).flatMap((source) =>
      [...source.matchAll(/\bapp\.(get|post|put|delete|patch)\(\s*'([^']+)'/g)].map(
        ([, method, path]) => `${method} ${path}`,
      ),
    );
    assert.ok(registered.length >= 10, `found the routes in server/src (${registered.length})`);
    const documented = new Set(operations().map(({ method, path }) => `${method} ${path}`));
    assert.deepEqual(
      registered.filter((route) => !documented.has(route)),
      [],
      'routes in server/src missing from server/openapi.yaml',
    );
  });

  test('a path the document does not list is a 404', async () => {
    assert.equal((await send({ method: 'GET', path: '/v1/nothing-here' })).status, 404);
  });
});
