// A local HTTP server standing in for an email service's API. Each service's stub (beside this file) answers as that
// service's public documentation says; this harness records every request and lets a test choose, by the address's
// first word, how the service answers a subscriber's first request:
//   ok-…    success                     dup-…   "already exists" (the service's duplicate answer, every time)
//   bad-…   a 4xx with the service's error shape (then success, for a retry)
//   r429-…  429 with Retry-After: 1, then success      r500-…  500, then success
//   hang-…  no answer at all (held open until the stub closes), then success
//   down-…  503 every time (the service is down for longer than the attempts last)
import { createServer } from 'node:http';

export const HANG = Symbol('hang');

export function modeOf(email) {
  const word = String(email ?? '').split('-')[0];
  return ['ok', 'dup', 'bad', 'r429', 'r500', 'hang', 'down'].includes(word) ? word : 'ok';
}

/**
 * `route(request, stub)` returns `{ status, json?, text?, headers? }` or HANG. `stub.first(email, action)` gives the
 * address's mode the first time it is asked for that action and 'ok' after (but 'dup' stays 'dup').
 */
export async function startStub(route) {
  const requests = [];
  const held = new Set();
  const seen = new Map();
  const wakers = new Set();
  const stub = {
    requests,
    /** Requests whose path or body mention the address. */
    about(email) {
      const encoded = encodeURIComponent(email);
      return requests.filter(
        (r) => r.body.includes(email) || r.url.includes(encoded) || r.url.includes(email) || r.subject === email,
      );
    },
    first(email, action) {
      const mode = modeOf(email);
      if (mode === 'dup' || mode === 'down') return mode;
      const key = `${email}|${action}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n === 0 ? mode : 'ok';
    },
    /** Resolves once `predicate(requests)` holds (rejects after `timeoutMs`). */
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`stub: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => {
          wakers.add(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json;
      try {
        json = body === '' ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const url = new URL(req.url, 'http://stub.invalid');
      const request = {
        method: req.method,
        url: req.url,
        path: decodeURIComponent(url.pathname),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        json,
        at: Date.now(),
      };
      requests.push(request);
      let answer;
      try {
        answer = route(request, stub);
      } catch (error) {
        answer = { status: 500, json: { stubError: error.message } };
      }
      for (const wake of wakers) wake();
      wakers.clear();
      if (answer === HANG) {
        held.add(res);
        res.on('close', () => {
          held.delete(res);
          request.closedAt = Date.now();
        });
        return;
      }
      const headers = { 'content-type': 'application/json', ...answer.headers };
      if (answer.json === undefined && answer.text === undefined) delete headers['content-type'];
      res.writeHead(answer.status, headers);
      res.end(answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? ''));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${server.address().port}`;
  stub.close = () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return stub;
}

/** The answers every stub gives for the retryable modes, in the service's own error shape. */
export function retryable(mode, shape) {
  if (mode === 'r429') return { status: 429, headers: { 'retry-after': '1' }, json: shape(429, 'Too many requests') };
  if (mode === 'r500') return { status: 500, json: shape(500, 'Internal server error') };
  if (mode === 'down') return { status: 503, json: shape(503, 'Service unavailable') };
  if (mode === 'hang') return HANG;
  return undefined;
}

export function basicAuth(header) {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const at = text.indexOf(':');
  return { user: text.slice(0, at), password: text.slice(at + 1) };
}
