// Shared steps of the forwarding tests: a reader signs up and confirms through the real server, the admin lists jobs.
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, SITE, linksIn, postJson } from './helpers.mjs';

export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const READER_NAME = 'Ada Lovelace';
export const CONSENT = 'Yes, send me the weekly newsletter.';
export const SOURCE = `${SITE}/articles/port-pact`;

let counter = 0;
export function address(mode, service) {
  return `${mode}-${service}-${process.pid}-${Date.now()}-${counter++}@example.org`;
}

/** Signup on `list`, the confirmation mail from the SMTP server, a click on its link. Returns the unsubscribe link. */
export async function signupAndConfirm(server, smtp, email, list) {
  const signup = await postJson(`${server.url}/v1/signups`, {
    email,
    list,
    name: READER_NAME,
    consentText: CONSENT,
    source: SOURCE,
  });
  assert.equal(signup.status, 202, signup.text);
  const [mail] = await smtp.waitFor(email);
  const links = linksIn(mail.text);
  const confirm = links.find((l) => l.includes('/v1/confirm?'));
  const page = await fetch(confirm);
  assert.equal(page.status, 200);
  return links.find((l) => l.includes('/v1/unsubscribe?'));
}

export async function jobs(server, query = 'status=all&limit=500') {
  const response = await fetch(`${server.url}/v1/admin/forwarding?${query}`, { headers: ADMIN });
  assert.equal(response.status, 200);
  return response.json();
}

/** Polls the admin list until `predicate(jobsOfThisAddress)` holds; fails with what it saw after `timeoutMs`. */
export async function waitForJobs(server, email, predicate, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = (await jobs(server)).jobs.filter((j) => j.email === email);
    if (predicate(mine)) return mine;
    if (Date.now() > deadline)
      throw new Error(`jobs of ${email} not as expected within ${timeoutMs} ms: ${JSON.stringify(mine, null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const allDone = (action) => (list) => list.some((j) => j.action === action && j.status === 'done');

/** Compares recorded requests with the documented ones: method, path, query, headers (value or test), JSON body. */
export function assertRequests(actual, expected, what) {
  assert.equal(
    actual.length,
    expected.length,
    `${what}: ${actual.length} requests (${actual.map((r) => `${r.method} ${r.url}`).join(', ')}), expected ${expected.length}`,
  );
  expected.forEach((e, i) => {
    const a = actual[i];
    assert.equal(a.method, e.method, `${what} #${i} method`);
    if (e.path instanceof RegExp) assert.match(a.path, e.path, `${what} #${i} path`);
    else assert.equal(a.path, e.path, `${what} #${i} path`);
    if (e.query) assert.deepEqual(a.query, e.query, `${what} #${i} query`);
    for (const [name, value] of Object.entries(e.headers ?? {})) {
      if (typeof value === 'function')
        assert.ok(value(a.headers[name]), `${what} #${i} header ${name}: ${a.headers[name]}`);
      else assert.equal(a.headers[name], value, `${what} #${i} header ${name}`);
    }
    if ('json' in e) assert.deepEqual(a.json, e.json, `${what} #${i} body`);
    if (e.check) assert.ok(e.check(a), `${what} #${i}: ${a.body}`);
  });
}
