// The bin: --help, the config file, refusing a newer schema, draining on SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { CLI, SITE, startLede, tempDir } from './helpers.mjs';

describe('lede-server command', () => {
  it('--help lists every setting', () => {
    const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    for (const name of [
      'PORT',
      'HOST',
      'LEDE_DATA_DIR',
      'DATABASE_URL',
      'PUBLIC_URL',
      'ALLOWED_ORIGINS',
      'SMTP_URL',
      'MAIL_FROM',
      'MAIL_DIR',
      'ADMIN_TOKEN',
      'LISTS',
      'RATE_LIMIT_SIGNUPS',
      'RATE_LIMIT_VOTES',
      'VOTE_CAP_PER_ARTICLE',
      'TRUST_PROXY',
    ]) {
      assert.match(help, new RegExp(`^  ${name} `, 'm'));
    }
    assert.match(help, /lede-server\.config\.json/);
  });

  it('reads lede-server.config.json, and the environment wins over it', async () => {
    const { dir, remove } = tempDir();
    writeFileSync(
      join(dir, 'lede-server.config.json'),
      JSON.stringify({ ALLOWED_ORIGINS: 'https://from-file.example', RATE_LIMIT_VOTES: 'x' }),
    );
    const server = await startLede({ ALLOWED_ORIGINS: '', RATE_LIMIT_VOTES: '5' }, { cwd: dir });
    try {
      const preflight = await fetch(`${server.url}/v1/votes`, {
        method: 'OPTIONS',
        headers: { origin: 'https://from-file.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://from-file.example');
    } finally {
      await server.stop();
      remove();
    }
  });

  it('refuses to start on a database migrated by a newer lede-server, and changes nothing', async () => {
    const { dir, remove } = tempDir();
    try {
      const server = await startLede({}, { cwd: dir });
      await server.stop();
      const file = join(dir, 'lede-data', 'lede.sqlite');
      const db = new Database(file);
      db.prepare('insert into lede_schema (version, applied_at) values (99, 0)').run();
      db.close();
      const run = spawnSync(process.execPath, [CLI], {
        cwd: dir,
        env: { PATH: process.env.PATH, PORT: '0' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /schema version 99, written by a newer lede-server/);
      const after = new Database(file, { readonly: true });
      assert.equal(after.prepare('select max(version) as v from lede_schema').get().v, 99);
      after.close();
    } finally {
      remove();
    }
  });

  it('without SMTP_URL, mails are written as .eml files to the data folder, and the log says where', async () => {
    const { dir, remove } = tempDir();
    const server = await startLede({}, { cwd: dir });
    try {
      const mailDir = join(dir, 'lede-data', 'mail');
      assert.ok(server.output().includes(`mails are written as .eml files to ${mailDir}`), server.output());
      const response = await fetch(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'eml-1' },
        body: JSON.stringify({ email: 'eml@example.org', name: 'Élodie', source: `${SITE}/x` }),
      });
      assert.equal(response.status, 202);
      let files = [];
      for (let i = 0; i < 100 && files.length === 0; i++) {
        files = readdirSync(mailDir).filter((n) => n.endsWith('.eml') && !n.startsWith('.'));
        if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(files.length, 1);
      assert.match(files[0], /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[\w-]+\.eml$/);
      const mail = await simpleParser(readFileSync(join(mailDir, files[0])));
      assert.equal(mail.to.value[0].address, 'eml@example.org');
      assert.equal(mail.to.value[0].name, 'Élodie');
      assert.match(mail.text, /\/v1\/confirm\?token=/);
    } finally {
      await server.stop();
      remove();
    }
  });

  it('stores no client address: only keyed hashes reach the data folder', async () => {
    const { dir, remove } = tempDir();
    const server = await startLede({ PUBLIC_URL: 'https://lede.test' }, { cwd: dir });
    try {
      for (let i = 0; i < 3; i++) {
        const vote = await fetch(`${server.url}/v1/votes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `ip-${i}` },
          body: JSON.stringify({ articleId: 'ip', scenarioId: 'a', readerId: `r${i}` }),
        });
        assert.equal(vote.status, 200);
      }
      const signup = await fetch(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ip@example.org', source: `${SITE}/x` }),
      });
      assert.equal(signup.status, 202);
    } finally {
      await server.stop();
    }
    try {
      const files = readdirSync(join(dir, 'lede-data'), { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      );
      assert.ok(files.some((f) => f.name === 'lede.sqlite'));
      for (const file of files) {
        const bytes = readFileSync(join(file.parentPath ?? file.path, file.name), 'latin1');
        assert.equal(bytes.includes('127.0.0.1'), false, `${file.name} holds the client address`);
      }
    } finally {
      remove();
    }
  });

  it('SIGTERM: a request whose body is still arriving is answered, then the process exits 0', async () => {
    const server = await startLede();
    const body = JSON.stringify({ articleId: 'drain', scenarioId: 'a', readerId: 'r' });
    const answer = new Promise((resolve, reject) => {
      const req = request(`${server.url}/v1/votes`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': 'drain-1',
          origin: SITE,
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // The server has the headers and half the body when the signal comes; the rest follows after it.
      req.on('socket', (socket) =>
        socket.on('connect', () =>
          setTimeout(() => {
            server.child.kill('SIGTERM');
            setTimeout(() => req.end(body.slice(10)), 300);
          }, 200),
        ),
      );
    });
    const { status, text } = await answer;
    assert.equal(status, 200);
    assert.deepEqual(JSON.parse(text), { counts: { a: 1 }, choice: 'a' });
    const exit = await server.exited;
    assert.equal(exit.code, 0);
    assert.match(server.output(), /SIGTERM: finishing requests in flight/);
  });
});
