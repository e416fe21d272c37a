// `lede-server check <base-url>`: the endpoint contract the Lede elements rely on, run against any server, so a
// publisher with their own backend knows it works before readers find out. Side effects on the checked server: one
// pending signup for an address at example.invalid (or --email), and one vote on an article named lede-check-….
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

export const CHECK_USAGE = `Usage: lede-server check <base-url> [--origin https://news.example] [--email someone@example.invalid]

Runs the endpoint contract the Lede elements rely on against any server (lede-server or your own backend)
and prints pass or fail per rule; exits 1 when a rule fails.
  --origin   an origin the server allows (ALLOWED_ORIGINS): needed for the CORS rules, skipped without it
  --email    the address of the test signup (default: a new one at example.invalid, which no mail reaches)
  --timeout  milliseconds to wait for each answer (default 10000)
Side effects: one pending signup for that address, one vote on an article named lede-check-<time>.
`;

const FOREIGN_ORIGIN = 'https://lede-check.invalid';
const TOO_LARGE_BYTES = 32 * 1024;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RuleResult {
  rule: string;
  outcome: 'pass' | 'fail' | 'skip';
  detail: string;
}

class RuleFailure extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new RuleFailure(message);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isCountMap = (v: unknown) => isObject(v) && Object.values(v).every(isCount);
const short = (a: Answer) => `${a.status} ${a.text.replace(/\s+/g, ' ').slice(0, 100)}`;

function expectError(answer: Answer, status: number) {
  expect(answer.status === status, `expected ${status}, got ${short(answer)}`);
  expect(
    isObject(answer.json) && typeof answer.json.error === 'string' && answer.json.error !== '',
    `expected a JSON body { "error": "…" }, got ${short(answer)}`,
  );
}

function expectCacheable(answer: Answer) {
  const cache = answer.headers.get('cache-control') ?? '';
  expect(
    /\bpublic\b/.test(cache) && /\bmax-age=[1-9]\d*/.test(cache),
    `Cache-Control is "${cache}", not public with a max-age`,
  );
  expect(/\borigin\b/i.test(answer.headers.get('vary') ?? ''), 'no Vary: Origin (a CDN would mix answers per site)');
}

export interface CheckOptions {
  baseUrl: string;
  origin?: string;
  email?: string;
  timeoutMs?: number;
}

export async function runChecks(options: CheckOptions): Promise<RuleResult[]> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const stamp = `${Date.now()}-${randomUUID().slice(0, 8)}`;
  const email = options.email ?? `lede-check-${stamp}@example.invalid`;
  const origin = options.origin;
  const source = `${origin ?? 'https://lede-check.example.invalid'}/lede-check`;
  const articleId = `lede-check-${stamp}`;
  const readerId = `lede-check-reader-${stamp}`;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function send(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
  const post = (path: string, body: string, headers: Record<string, string>) =>
    send(path, { method: 'POST', body, headers: { accept: 'application/json', ...headers } });
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    post(path, JSON.stringify(body), {
      'content-type': 'application/json',
      'idempotency-key': `lede-check-${randomUUID()}`,
      ...headers,
    });

  const results: RuleResult[] = [];
  async function rule(name: string, run: () => Promise<string | void>, skip?: string): Promise<void> {
    if (skip) {
      results.push({ rule: name, outcome: 'skip', detail: skip });
      return;
    }
    try {
      results.push({ rule: name, outcome: 'pass', detail: (await run()) ?? '' });
    } catch (error) {
      const message =
        error instanceof RuleFailure
          ? error.message
          : `no answer: ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ''}`;
      results.push({ rule: name, outcome: 'fail', detail: message });
    }
  }
  const withOrigin: Record<string, string> = origin ? { origin } : {};

  await rule('signup: JSON accepted with 202', async () => {
    const a = await postJson(
      '/v1/signups',
      { email, consent: true, consentText: 'lede-server check', source },
      withOrigin,
    );
    expect(a.status === 202, `expected 202, got ${short(a)}`);
    expect(isObject(a.json) && a.json.status === 'pending', `expected { "status": "pending" }, got ${short(a)}`);
  });
  await rule('signup: form (urlencoded) accepted with 202', async () => {
    const a = await post('/v1/signups', new URLSearchParams({ email, source }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'idempotency-key': `lede-check-${randomUUID()}`,
      ...withOrigin,
    });
    expect(a.status === 202, `expected 202 (the same answer for the same address), got ${short(a)}`);
  });
  await rule('signup: an invalid address is 400 { error }', async () => {
    expectError(await postJson('/v1/signups', { email: 'not-an-address', source }, withOrigin), 400);
  });
  await rule('signup: malformed JSON is 400 { error }', async () => {
    expectError(
      await post('/v1/signups', '{"email": ', {
        'content-type': 'application/json',
        'idempotency-key': `lede-check-${randomUUID()}`,
        ...withOrigin,
      }),
      400,
    );
  });
  await rule('signup: another content type is 415 { error }', async () => {
    expectError(
      await post('/v1/signups', `email=${email}`, {
        'content-type': 'text/plain',
        'idempotency-key': `lede-check-${randomUUID()}`,
        ...withOrigin,
      }),
      415,
    );
  });
  await rule(`signup: a body over 16 KB is 413 { error }`, async () => {
    const padding = 'x'.repeat(TOO_LARGE_BYTES);
    expectError(await postJson('/v1/signups', { email, source, consentText: padding }, withOrigin), 413);
  });

  let firstVote: Answer | undefined;
  const voteKey = `lede-check-${randomUUID()}`;
  const vote = { articleId, scenarioId: 'a', readerId };
  await rule('vote: POST answers 200 { counts, choice }', async () => {
    firstVote = await postJson('/v1/votes', vote, { 'idempotency-key': voteKey, ...withOrigin });
    const a = firstVote;
    expect(a.status === 200, `expected 200, got ${short(a)}`);
    expect(isObject(a.json) && isCountMap(a.json.counts), `expected { "counts": { id: n } }, got ${short(a)}`);
    expect((a.json.counts as Record<string, number>).a === 1, `expected counts.a = 1, got ${short(a)}`);
    expect(a.json.choice === 'a', `expected "choice": "a", got ${short(a)}`);
  });
  await rule('vote: a second vote of the same reader answers the first choice', async () => {
    const a = await postJson('/v1/votes', { ...vote, scenarioId: 'b' }, withOrigin);
    expect(a.status === 200, `expected 200, got ${short(a)}`);
    expect(isObject(a.json) && a.json.choice === 'a', `expected "choice": "a" (the first), got ${short(a)}`);
    expect(isObject(a.json.counts) && a.json.counts.b === undefined, `the second vote was counted: ${short(a)}`);
  });
  await rule('vote: GET answers { counts }, cacheable', async () => {
    const a = await send(`/v1/votes?articleId=${encodeURIComponent(articleId)}`, { headers: withOrigin });
    expect(a.status === 200, `expected 200, got ${short(a)}`);
    expect(isObject(a.json) && isCountMap(a.json.counts), `expected { "counts": { id: n } }, got ${short(a)}`);
    expect((a.json.counts as Record<string, number>).a === 1, `expected counts.a = 1, got ${short(a)}`);
    expectCacheable(a);
  });
  await rule('idempotency: the same key and body get the first answer byte for byte', async () => {
    expect(firstVote?.status === 200, 'the first vote failed, nothing to replay');
    const a = await postJson('/v1/votes', vote, { 'idempotency-key': voteKey, ...withOrigin });
    expect(a.status === firstVote.status, `expected ${firstVote.status}, got ${short(a)}`);
    expect(a.text === firstVote.text, `expected ${firstVote.text}, got ${a.text.slice(0, 100)}`);
  });
  await rule('idempotency: the same key with another body is 422 { error }', async () => {
    expect(firstVote?.status === 200, 'the first vote failed, nothing to compare with');
    expectError(
      await postJson(
        '/v1/votes',
        { ...vote, readerId: `${readerId}-other` },
        { 'idempotency-key': voteKey, ...withOrigin },
      ),
      422,
    );
  });

  await rule('comment count: GET answers { count }, cacheable', async () => {
    const a = await send(`/v1/comments/count?articleId=${encodeURIComponent(articleId)}`, { headers: withOrigin });
    expect(a.status === 200, `expected 200, got ${short(a)}`);
    expect(isObject(a.json) && isCount(a.json.count), `expected { "count": n }, got ${short(a)}`);
    expectCacheable(a);
  });
  await rule('comment counts: GET answers { counts } for every id, cacheable', async () => {
    const other = `${articleId}-b`;
    const a = await send(
      `/v1/comments/counts?articleId=${encodeURIComponent(articleId)}&articleId=${encodeURIComponent(other)}`,
      { headers: withOrigin },
    );
    expect(a.status === 200, `expected 200, got ${short(a)}`);
    const counts = isObject(a.json) ? a.json.counts : undefined;
    expect(
      isCountMap(counts) &&
        isCount((counts as Record<string, unknown>)[articleId]) &&
        isCount((counts as Record<string, unknown>)[other]),
      `expected { "counts": { "${articleId}": n, "${other}": n } }, got ${short(a)}`,
    );
    expectCacheable(a);
  });
  await rule('comment counts: without articleId is 400 { error }', async () => {
    expectError(await send('/v1/comments/counts', { headers: withOrigin }), 400);
  });

  const noOrigin = origin ? undefined : 'needs --origin (an origin the server allows)';
  await rule(
    'CORS: preflight allows the origin, Content-Type and Idempotency-Key',
    async () => {
      const a = await send('/v1/votes', {
        method: 'OPTIONS',
        headers: {
          origin: origin!,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      expect(a.status >= 200 && a.status < 300, `expected 2xx, got ${short(a)}`);
      expect(
        a.headers.get('access-control-allow-origin') === origin,
        `Access-Control-Allow-Origin is ${a.headers.get('access-control-allow-origin')}`,
      );
      const allowed = (a.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      expect(
        allowed === '*' || (allowed.includes('content-type') && allowed.includes('idempotency-key')),
        `Access-Control-Allow-Headers is "${allowed}"`,
      );
      const methods = (a.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      expect(methods === '*' || methods.includes('POST'), `Access-Control-Allow-Methods is "${methods}"`);
    },
    noOrigin,
  );
  await rule(
    'CORS: answers to the origin expose Retry-After',
    async () => {
      const a = await send(`/v1/comments/count?articleId=${encodeURIComponent(articleId)}`, {
        headers: { origin: origin! },
      });
      expect(
        a.headers.get('access-control-allow-origin') === origin,
        `Access-Control-Allow-Origin is ${a.headers.get('access-control-allow-origin')}`,
      );
      expect(
        /\bretry-after\b/i.test(a.headers.get('access-control-expose-headers') ?? ''),
        `Access-Control-Expose-Headers is "${a.headers.get('access-control-expose-headers') ?? ''}"`,
      );
    },
    noOrigin,
  );
  await rule('CORS: a POST from a foreign origin is 403', async () => {
    const a = await postJson('/v1/votes', { ...vote, readerId: `${readerId}-foreign` }, { origin: FOREIGN_ORIGIN });
    expect(a.status === 403, `expected 403 for Origin ${FOREIGN_ORIGIN}, got ${short(a)}`);
    expect(a.headers.get('access-control-allow-origin') === null, 'the foreign origin may read the answer');
  });
  return results;
}

export function formatResults(baseUrl: string, results: RuleResult[]): string {
  const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;
  const lines = results.map((r) => `  ${mark[r.outcome]}  ${r.rule}${r.detail ? `\n        ${r.detail}` : ''}`);
  const count = (o: RuleResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return [
    `lede-server check ${baseUrl}`,
    ...lines,
    `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`,
    '',
  ].join('\n');
}

/** The command: 0 when every rule passed (or was skipped), 1 when one failed, 2 for a usage error. */
export async function check(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        origin: { type: 'string' },
        email: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`lede-server check: ${(error as Error).message}\n\n${CHECK_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(CHECK_USAGE);
    return 0;
  }
  const baseUrl = positionals[0];
  const usage = (message: string) => {
    process.stderr.write(`lede-server check: ${message}\n\n${CHECK_USAGE}`);
    return 2;
  };
  if (!baseUrl || positionals.length > 1) return usage('give one base URL, e.g. https://lede.news.example');
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) return usage(`${baseUrl} is not an http(s) URL`);
  let origin: string | undefined;
  if (values.origin !== undefined) {
    if (!URL.canParse(values.origin) || !/^https?:$/.test(new URL(values.origin).protocol))
      return usage(`--origin ${values.origin} is not an http(s) origin`);
    origin = new URL(values.origin).origin;
  }
  if (values.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
    return usage(`--email ${values.email} is not an address`);
  const timeoutMs = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) return usage('--timeout is a number of milliseconds');
  const results = await runChecks({ baseUrl, origin, email: values.email, timeoutMs });
  process.stdout.write(formatResults(baseUrl, results));
  return results.some((r) => r.outcome === 'fail') ? 1 : 0;
}
