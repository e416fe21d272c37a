// The local endpoint that answers what Lede sends (signup, votes, comment count), from memory.
// The demo's dev server and the test runner both mount it. Tests can isolate their state in a
// session (`/api/s/<session>/…`), script faults for the next requests, and read what arrived.
//
//   POST /api/signup                    JSON or urlencoded: { email, name?, consent?, list?, source }
//   GET  /api/votes?articleId=…         { counts }
//   POST /api/votes                     { articleId, scenarioId } -> { counts }
//   GET  /api/comments/count?articleId= { count }
//   GET  /api/comments/counts?articleId=a&articleId=b  { counts: { a, b } } (at most 200 ids, as lede-server)
//   POST /api/s/<session>/__comments    { counts: { <articleId>: n } } sets the session's comment counts
//   GET  /api/pages/<name>              a page stored with __pages (HTML fragments, Lede documents)
//   POST /api/s/<session>/__pages       { name, body, contentType? } stores a page for GET pages/<name>
//   POST /api/s/<session>/__faults      { route: 'signup'|'votes'|'count'|'pages', faults: Fault[] }
//   GET  /api/s/<session>/__log         { requests, subscribers, votes }; a request the client gave up
//                                       on before it was answered (an aborted fetch) has `aborted: true`;
//                                       each request has its `url` (path and query)
//
// A Fault shapes one answer: { status?, body?, headers?, delay? (ms), hang? (never answer),
// drop? (close the socket) }. Faults are used in order, one per request to that route.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_BODY = 64 * 1024;

// Maps keyed by what readers send (article and scenario ids): no prototype, so `__proto__` is just a key.
const dict = () => Object.create(null);

function createSession() {
  return {
    faults: { signup: [], votes: [], count: [], counts: [], pages: [] },
    requests: [],
    subscribers: [],
    votes: dict(),
    idempotency: new Map(),
    comments: dict(),
    pages: dict(),
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text, contentType = '') {
  if (!text) return {};
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers with the next scripted fault, if any; true when it answered. */
async function applyFault(fault, res) {
  if (!fault) return false;
  if (fault.hang) return true; // The client's timeout must deal with it.
  if (fault.drop) {
    // Headers, then a cut: a network error the browser cannot quietly retry on a fresh socket.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    res.write('{');
    setTimeout(() => res.socket?.destroy(), 10);
    return true;
  }
  if (fault.delay) await sleep(fault.delay);
  if (fault.status === undefined) return false; // A delay alone, then the normal answer.
  send(res, fault.status, fault.body ?? {}, fault.headers);
  return true;
}

function signup(session, body, req, res) {
  if (!body || typeof body !== 'object') return send(res, 400, { error: 'The request could not be read.' });
  const key = req.headers['idempotency-key'];
  if (key && session.idempotency.has(key)) return send(res, 200, session.idempotency.get(key));
  const email = String(body.email ?? '').trim();
  if (!EMAIL.test(email)) return send(res, 400, { error: 'Please enter a valid email address.' });
  if (session.subscribers.some((s) => s.email.toLowerCase() === email.toLowerCase())) {
    const answer = { message: `${email} is already subscribed.` };
    if (key) session.idempotency.set(key, answer);
    return send(res, 200, answer);
  }
  session.subscribers.push({
    email,
    name: body.name,
    consent: body.consent,
    list: body.list,
    source: body.source,
    key,
  });
  const answer = { message: `Thanks! Check ${email} to confirm your subscription.` };
  if (key) session.idempotency.set(key, answer);
  return send(res, 201, answer);
}

function votes(session, method, body, url, req, res) {
  if (method === 'GET') {
    const articleId = url.searchParams.get('articleId');
    if (!articleId) return send(res, 400, { error: 'articleId is required.' });
    return send(res, 200, { counts: session.votes[articleId] ?? {} });
  }
  if (!body || typeof body.articleId !== 'string' || typeof body.scenarioId !== 'string') {
    return send(res, 400, { error: 'articleId and scenarioId are required.' });
  }
  const key = req.headers['idempotency-key'];
  const counts = (session.votes[body.articleId] ??= dict());
  if (!key || !session.idempotency.has(key)) {
    counts[body.scenarioId] = (counts[body.scenarioId] ?? 0) + 1;
    if (key) session.idempotency.set(key, true);
  }
  return send(res, 200, { counts });
}

function commentCount(session, url, res) {
  const articleId = url.searchParams.get('articleId') ?? 'default';
  return send(res, 200, { count: session.comments[articleId] ?? 12 });
}

/** Many articles' counts in one request, as lede-server answers it (unknown articles count 0). */
function commentCounts(session, url, res) {
  const ids = [...new Set(url.searchParams.getAll('articleId'))];
  if (ids.length === 0) return send(res, 400, { error: 'articleId is required.' });
  if (ids.length > 200) return send(res, 400, { error: 'At most 200 articleId values per request.' });
  return send(res, 200, { counts: Object.fromEntries(ids.map((id) => [id, session.comments[id] ?? 0])) });
}

function page(session, name, res) {
  const stored = session.pages[name];
  if (!stored) return send(res, 404, { error: `No page named ${name}.` });
  return send(res, 200, stored.body, { 'Content-Type': stored.contentType });
}

/**
 * A connect-style middleware `(req, res, next)`. Options: `prefix` (default `/api`) and
 * `seed(session)` to fill the default session with demo data.
 */
export function createLedeEndpoint({ prefix = '/api', seed } = {}) {
  const sessions = new Map();
  const sessionFor = (name) => {
    if (!sessions.has(name)) {
      const session = createSession();
      if (name === 'default') seed?.(session);
      sessions.set(name, session);
    }
    return sessions.get(name);
  };

  return async function ledeEndpoint(req, res, next) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${prefix}/`)) return next?.();
    let rest = url.pathname.slice(prefix.length + 1);
    let name = 'default';
    const scoped = /^s\/([\w-]{1,64})\/(.*)$/.exec(rest);
    if (scoped) [, name, rest] = scoped;
    const session = sessionFor(name);
    const method = req.method ?? 'GET';

    try {
      const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      const body = parseBody(text, req.headers['content-type']);

      if (rest === '__faults' && method === 'POST') {
        session.faults[body.route] = [...(session.faults[body.route] ?? []), ...(body.faults ?? [])];
        return send(res, 200, { ok: true });
      }
      if (rest === '__pages' && method === 'POST') {
        if (!body || typeof body.name !== 'string' || typeof body.body !== 'string')
          return send(res, 400, { error: 'name and body are required.' });
        session.pages[body.name] = { body: body.body, contentType: body.contentType ?? 'text/html; charset=utf-8' };
        return send(res, 200, { ok: true });
      }
      if (rest === '__comments' && method === 'POST') {
        Object.assign(session.comments, body?.counts);
        return send(res, 200, { ok: true });
      }
      if (rest === '__log')
        return send(res, 200, { requests: session.requests, subscribers: session.subscribers, votes: session.votes });

      const route = rest.startsWith('pages/')
        ? 'pages'
        : { signup: 'signup', votes: 'votes', 'comments/count': 'count', 'comments/counts': 'counts' }[rest];
      if (!route) return send(res, 404, { error: `No endpoint at ${url.pathname}.` });
      const entry = { route, method, url: req.url, headers: { ...req.headers }, body: body ?? text, at: Date.now() };
      session.requests.push(entry);
      res.on('close', () => {
        if (!res.writableEnded) entry.aborted = true;
      });
      if (await applyFault(session.faults[route].shift(), res)) return;

      if (route === 'signup' && method === 'POST') return signup(session, body, req, res);
      if (route === 'votes' && (method === 'GET' || method === 'POST'))
        return votes(session, method, body, url, req, res);
      if (route === 'count' && method === 'GET') return commentCount(session, url, res);
      if (route === 'counts' && method === 'GET') return commentCounts(session, url, res);
      if (route === 'pages' && method === 'GET')
        return page(session, decodeURIComponent(rest.slice('pages/'.length)), res);
      return send(
        res,
        405,
        { error: `${method} is not allowed here.` },
        { Allow: route === 'count' || route === 'counts' ? 'GET' : 'GET, POST' },
      );
    } catch (error) {
      return send(res, 400, { error: error.message });
    }
  };
}
