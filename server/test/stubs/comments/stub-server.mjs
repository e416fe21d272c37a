// A local stand-in for a comment system that cannot be reached from the tests. Each service's file answers as that
// service's public documentation says; this file only records requests and switches the stub between states:
// 'ok' (documented answers), 'error' (the service's 500), 'slow' (no answer until the test ends: a timeout),
// 'hold' (answers wait until `release()`, to have requests overlap for certain); `hang(request)` true: that request
// gets no answer (a service slow for some pages only).
import { createServer } from 'node:http';

export async function startStub(name, handle, serverError) {
  const requests = [];
  const sockets = new Set();
  const held = new Set();
  const stub = {
    name,
    url: '',
    mode: 'ok',
    requests,
    /** Most requests in flight at one moment (to see a batch split or parallelism). */
    maxInFlight: 0,
    release() {
      stub.mode = 'ok';
      for (const resume of waiting.splice(0)) resume();
    },
    reset() {
      requests.length = 0;
      stub.maxInFlight = 0;
      stub.mode = 'ok';
      stub.hang = undefined;
    },
    close() {
      for (const res of held) res.destroy();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
  let inFlight = 0;
  const waiting = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const url = new URL(req.url, 'http://stub');
      const request = { method: req.method, path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(request);
      inFlight++;
      stub.maxInFlight = Math.max(stub.maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      if (stub.mode === 'slow' || stub.hang?.(request)) {
        held.add(res);
        return;
      }
      if (stub.mode === 'hold') await new Promise((resume) => waiting.push(resume));
      const answer = stub.mode === 'error' ? serverError : await handle(request, stub);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json; charset=utf-8' });
      res.end(text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${server.address().port}`;
  return stub;
}

export const json = (status, body) => ({ status, body });
