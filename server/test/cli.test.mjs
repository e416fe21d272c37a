// The bin: --help, the config file, refusing a newer schema, draining on SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
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
