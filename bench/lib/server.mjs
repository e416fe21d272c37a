// The benchmark's server: the work tree's files as they are (dist/, demo/), pages made in memory
// by the measures, and the local endpoint under /api/ (votes, counts, signups). Localhost only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createLedeEndpoint } from '../../server/endpoint.mjs';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Compressed bodies, by the body (files are read once per run, pages are strings kept by the server). */
const gzipped = new Map();
const gzipOnce = (body) => gzipped.get(body) ?? gzipped.set(body, gzipSync(body, { level: 9 })).get(body);

/**
 * Text is sent gzipped (level 9, as the size check counts it) when the browser accepts it, as a
 * real server would; compressed once per run, so that the server's own work stays out of the times.
 */
function reply(req, res, status, headers, body) {
  const compress =
    /text|javascript|json|svg/.test(headers['content-type'] ?? '') &&
    /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (compress) {
    body = gzipOnce(body);
    headers = { ...headers, 'content-encoding': 'gzip' };
  }
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startServer(root = process.cwd()) {
  const pages = new Map();
  const files = new Map();
  const endpoint = createLedeEndpoint();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (pages.has(path)) {
      const { body, type } = pages.get(path);
      reply(req, res, 200, { 'content-type': type, 'cache-control': 'no-store' }, body);
      return;
    }
    void endpoint(req, res, async () => {
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      try {
        const body = files.get(file) ?? files.set(file, await readFile(file)).get(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        reply(req, res, 200, { 'content-type': type, 'cache-control': 'no-store' }, body);
      } catch {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Serves `html` at `path` and returns its full URL. */
    page(path, html) {
      pages.set(path, { body: html, type: 'text/html' });
      return origin + path;
    },
    /** Serves any text (a built script) at `path` and returns its full URL. */
    file(path, body, type = 'text/javascript') {
      pages.set(path, { body, type });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
