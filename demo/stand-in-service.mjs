// A stand-in for an email service's public signup endpoint, on its own loopback origin, for the
// demo and the browser tests. It answers the way those services' embed endpoints do:
//
//   POST /html/<list>/…     a plain form post (urlencoded or multipart) -> an HTML thank-you page,
//                           with no CORS headers (Mailchimp, Buttondown, Kit, beehiiv, MailerLite and
//                           EmailOctopus embed forms all work like this)
//   POST /json/<list>/…     CORS-enabled JSON for fetch (preflight allows Content-Type and
//                           Idempotency-Key): 200 { message }, 400 { error }; a repeated
//                           Idempotency-Key gets the first answer and adds nobody
//   HEAD /…                 200, nothing else (what a browser's reachability probe sees)
//   GET  /__log/<list>      what arrived on that list: { requests: [{ variant, method, path, contentType,
//                           fields, idempotencyKey, origin, at }], subscribers } (CORS open, test use)
//   POST /__faults/<list>   JSON [{ status, body?, headers? }]: the next answers of /json/<list>/…
//
// Usage: `const service = await startStandInService({ port: 0 }); service.url; await service.close();`
// or `node demo/stand-in-service.mjs [port]`.
import { createServer } from 'node:http';

const MAX_BODY = 64 * 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const page = (title, text) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${title}</title><body style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem">` +
  `<h1>${title}</h1><p>${text}</p></body></html>`;

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The fields of a body, parsed as the service would: urlencoded, multipart or JSON. */
async function parseFields(body, contentType = '') {
  if (contentType.startsWith('application/json')) {
    try {
      const value = JSON.parse(body.toString('utf8'));
      return value && typeof value === 'object' ? value : {};
    } catch {
      return undefined;
    }
  }
  if (contentType.startsWith('multipart/form-data') || contentType.startsWith('application/x-www-form-urlencoded')) {
    const data = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
    return Object.fromEntries([...data].filter(([, value]) => typeof value === 'string'));
  }
  return {};
}

/** The address among a form's fields, whatever the service calls it. */
const emailOf = (fields) =>
  Object.entries(fields ?? {}).find(([key, value]) => /e-?mail|^field_0$/i.test(key) && EMAIL.test(String(value)))?.[1];

export async function startStandInService({ port = 0, host = '127.0.0.1', name = 'Stand-in Mail' } = {}) {
  const lists = new Map();
  const listFor = (id) => {
    if (!lists.has(id)) lists.set(id, { requests: [], subscribers: [], faults: [], answers: new Map() });
    return lists.get(id);
  };
  const cors = (req) => ({
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  });
  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const html = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const [, variant = '', listId = 'default'] = url.pathname.split('/');
      const list = listFor(listId);
      if (req.method === 'HEAD') return void res.writeHead(200).end();
      if (variant === '__log')
        return json(res, 200, { requests: list.requests, subscribers: list.subscribers }, cors(req));
      if (variant === '__faults') {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors(req)).end();
        list.faults.push(...JSON.parse((await readBody(req)).toString('utf8')));
        return json(res, 200, { ok: true }, cors(req));
      }
      if (variant !== 'html' && variant !== 'json') return html(res, 404, page('Not found', 'No form here.'));

      const contentType = req.headers['content-type'] ?? '';
      const body = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
      const fields = req.method === 'POST' ? await parseFields(body, contentType) : undefined;
      const idempotencyKey = req.headers['idempotency-key'];
      list.requests.push({
        variant,
        method: req.method,
        path: url.pathname + url.search,
        contentType,
        fields,
        idempotencyKey,
        origin: req.headers.origin,
        at: Date.now(),
      });

      if (variant === 'html') {
        // Like the services' embed endpoints: no CORS headers at all, a page for a person to read.
        if (req.method !== 'POST') return html(res, 405, page('Not allowed', 'Post the signup form.'));
        const email = emailOf(fields);
        if (!email) return html(res, 400, page('Please check your address', 'That email address does not look right.'));
        if (!list.subscribers.includes(email)) list.subscribers.push(email);
        return html(
          res,
          200,
          page(
            `Almost finished with ${escapeHtml(name)}`,
            `We sent a message to ${escapeHtml(email)}. Click the link in it to confirm your subscription.`,
          ),
        );
      }

      // variant === 'json'
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors(req)).end();
      if (req.method !== 'POST') return json(res, 405, { error: 'POST a signup.' }, cors(req));
      if (idempotencyKey && list.answers.has(idempotencyKey)) {
        const [status, answer] = list.answers.get(idempotencyKey);
        return json(res, status, answer, cors(req));
      }
      const fault = list.faults.shift();
      if (fault)
        return json(res, fault.status, fault.body ?? { error: 'Try again later.' }, { ...cors(req), ...fault.headers });
      if (!fields) return json(res, 400, { error: 'The request could not be read.' }, cors(req));
      const email = emailOf(fields);
      if (!email) return json(res, 400, { error: 'Please enter a valid email address.' }, cors(req));
      if (!list.subscribers.includes(email)) list.subscribers.push(email);
      const answer = { message: `Almost finished: check ${email} to confirm your subscription.` };
      if (idempotencyKey) list.answers.set(idempotencyKey, [200, answer]);
      return json(res, 200, answer, cors(req));
    } catch (error) {
      if (!res.headersSent) json(res, 400, { error: error.message });
    }
  });

  // A taken port (a second demo running) is an error, not a wait: the demo goes on without the stand-in.
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const service = await startStandInService({ port: Number(process.argv[2] ?? 8788) });
  console.log(`stand-in email service listening on ${service.url}`);
}

/**
 * A Vite plugin for the demo: the dev server starts the stand-in on `port` (8788 by default, the
 * origin the demo page's second signup form posts to) and stops it when it closes.
 */
export function standInServiceVitePlugin({ port = 8788 } = {}) {
  let service;
  return {
    name: 'lede-stand-in-service',
    async configureServer(server) {
      try {
        service = await startStandInService({ port });
        server.config.logger.info(`  stand-in email service (the second signup's "other origin"): ${service.url}`);
      } catch (error) {
        server.config.logger.warn(`  stand-in email service not started (${error.message}): the second signup says so`);
      }
      server.httpServer?.once('close', () => void service?.close());
    },
  };
}
