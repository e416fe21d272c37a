// Real parts for the server tests: the lede-server process, an SMTP server, a PostgreSQL database, a TCP proxy.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const SITE = 'https://news.example';

export function tempDir(prefix = 'lede-server-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `lede-server` as its own process on a free port and resolves once it listens.
 * `env` is added to a minimal environment (no settings leak in from the developer's shell).
 */
export async function startLede(env = {}, { cwd } = {}) {
  const dir = cwd ?? tempDir().dir;
  const child = spawn(process.execPath, [CLI], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LEDE_DATA_DIR: join(dir, 'lede-data'),
      ALLOWED_ORIGINS: SITE,
      ADMIN_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then(({ code }) => reject(new Error(`lede-server exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    dir,
    child,
    exited,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A real SMTP server on a free port; every message is parsed (mailparser) and kept with its raw headers. */
export async function startSmtp() {
  const mails = [];
  const waiters = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          for (const waiter of waiters.splice(0)) waiter();
          callback();
        })
        .catch(callback);
    },
  });
  // A sender killed mid-session (the crash test's kill -9) resets its connection: expected, not a test failure.
  // Without a listener, smtp-server's 'error' event would end the test process.
  server.on('error', () => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Resolves with the mails to `address` once there are `count` of them (or rejects after `timeoutMs`). */
    async waitFor(address, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.filter((m) => m.to?.value.some((v) => v.address === address));
        if (found.length >= count) return found;
        if (Date.now() > deadline)
          throw new Error(`no mail ${count} for ${address} within ${timeoutMs} ms (have ${found.length})`);
        await new Promise((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export const PG_ADMIN_URL = process.env.LEDE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the local PostgreSQL (dropped by `drop()`), or undefined when none answers. */
export async function createPgDatabase(tag) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.LEDE_REQUIRE_POSTGRES === '1') {
      throw new Error(
        `PostgreSQL is required (LEDE_REQUIRE_POSTGRES=1) but ${PG_ADMIN_URL} does not answer: ${error.message}`,
      );
    }
    return undefined;
  }
  const name = `lede_test_${process.pid}_${tag}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async query(text, values) {
      const client = new pg.Client({ connectionString: url.href });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A TCP proxy to `target` that a test can cut (every connection dropped, new ones refused) and restore. */
export async function startProxy(targetPort, targetHost = '127.0.0.1') {
  const sockets = new Set();
  let open = true;
  const server = createTcpServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      open = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

let keyCounter = 0;
export function newKey(prefix = 'k') {
  return `${prefix}-${process.pid}-${Date.now()}-${keyCounter++}`;
}

/** POST JSON with an Idempotency-Key (a fresh one unless given). */
export async function postJson(url, body, { key = newKey(), headers = {} } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function linksIn(text) {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
}

/** A raw HTTP request (node:http), for what fetch may not send: Sec-Fetch-Mode: navigate, a lying Content-Length... */
export function rawRequest(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
