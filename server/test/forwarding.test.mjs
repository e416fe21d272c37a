// Forwarding confirmed subscribers to email services, through the real lede-server process on the embedded database:
// for each service, a stub that answers as its documentation says (success, duplicate, 4xx, 429, 5xx, no answer),
// then unsubscribe and erasure; the admin routes and the CLI on the same data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, CLI, postJson, startLede, startSmtp, tempDir } from './helpers.mjs';
import { ADMIN, address, allDone, assertRequests, jobs, signupAndConfirm, waitForJobs } from './forwarding-helpers.mjs';
import { SERVICES } from './forwarding-services.mjs';

const MODES = ['ok', 'dup', 'bad', 'r429', 'r500', 'hang'];

describe('forwarding to email services (embedded database)', () => {
  const stubs = {};
  let smtp;
  let server;
  let dir;
  before(async () => {
    smtp = await startSmtp();
    for (const row of SERVICES) stubs[row.service] = await row.start();
    const forwarders = SERVICES.map((row) => ({ ...row.forwarder(stubs[row.service]), lists: [row.service] }));
    dir = tempDir();
    server = await startLede(
      {
        SMTP_URL: smtp.url,
        RATE_LIMIT_SIGNUPS: '100000',
        FORWARDERS: JSON.stringify(forwarders),
        FORWARD_TIMEOUT_MS: '800',
        FORWARD_RETRY_BASE_MS: '100',
        FORWARD_MAX_ATTEMPTS: '3',
      },
      { cwd: dir.dir },
    );
  });
  after(async () => {
    await server?.stop();
    await Promise.all(Object.values(stubs).map((s) => s.close()));
    await smtp?.close();
    dir?.remove();
  });

  for (const row of SERVICES) {
    describe(row.service, () => {
      it('subscribe: success, duplicate, 4xx (kept, then retried), 429 with Retry-After, 5xx, no answer', async () => {
        const stub = stubs[row.service];
        const emails = Object.fromEntries(MODES.map((mode) => [mode, address(mode, row.service)]));
        await Promise.all(MODES.map((mode) => signupAndConfirm(server, smtp, emails[mode], row.service)));
        const final = {};
        for (const mode of MODES) {
          const [job] = await waitForJobs(server, emails[mode], (list) =>
            list.some((j) => j.status === (mode === 'bad' ? 'failed' : 'done')),
          );
          final[mode] = job;
          assert.equal(job.service, row.service);
          assert.equal(job.list, row.service);
          assert.equal(job.action, 'subscribe');
        }
        const expected = (email) => row.subscribe(email);
        const primary = (email) => {
          const [first] = expected(email);
          return stub.about(email).filter((r) => r.method === first.method && r.path === first.path);
        };

        // Success: exactly the documented request, once.
        assert.equal(final.ok.attempts, 1);
        assert.equal(final.ok.lastError, null);
        assert.equal(final.ok.nextAttemptAt, null);
        assertRequests(stub.about(emails.ok), expected(emails.ok), `${row.service} success`);

        // The service's "already exists" answer counts as done.
        assert.equal(final.dup.attempts, 1);
        assert.equal(final.dup.lastError, null);
        assertRequests(
          stub.about(emails.dup),
          row.duplicate?.(emails.dup) ?? expected(emails.dup),
          `${row.service} duplicate`,
        );

        // A 4xx stops the job with the service's own message, and is not retried until the admin says so.
        assert.equal(final.bad.status, 'failed');
        assert.equal(final.bad.attempts, 1);
        assert.match(final.bad.lastError, row.badMessage);
        assert.equal(primary(emails.bad).length, 1);
        const retry = await postJson(
          `${server.url}/v1/admin/forwarding/retry`,
          { id: final.bad.id },
          { headers: ADMIN },
        );
        assert.deepEqual(retry.json, { retried: 1 });
        const [retried] = await waitForJobs(server, emails.bad, allDone('subscribe'));
        assert.equal(retried.lastError, null);
        assert.equal(primary(emails.bad).length, 2);

        // 429, 500 and no answer: retried, then done; exactly one more request each.
        for (const mode of ['r429', 'r500', 'hang']) {
          assert.equal(final[mode].attempts, 2, `${mode} attempts`);
          assert.equal(final[mode].lastError, null, `${mode} lastError`);
          assert.equal(primary(emails[mode]).length, 2, `${mode}: two requests`);
        }
        const [first429, second429] = primary(emails.r429);
        assert.ok(second429.at - first429.at >= 900, `Retry-After: 1 honoured (${second429.at - first429.at} ms)`);
      });

      it('unsubscribe and erasure are forwarded; an erased address leaves no job behind', async () => {
        const stub = stubs[row.service];
        const email = address('ok', row.service);
        const unsubscribeLink = await signupAndConfirm(server, smtp, email, row.service);
        await waitForJobs(server, email, allDone('subscribe'));
        const subscribed = stub.about(email).length;

        const page = await fetch(unsubscribeLink, { method: 'POST' });
        assert.equal(page.status, 200);
        await waitForJobs(server, email, allDone('unsubscribe'));
        assertRequests(stub.about(email).slice(subscribed), row.unsubscribe(email), `${row.service} unsubscribe`);
        const unsubscribed = stub.about(email).length;

        const erase = await fetch(`${server.url}/v1/admin/subscribers?email=${encodeURIComponent(email)}`, {
          method: 'DELETE',
          headers: ADMIN,
        });
        assert.deepEqual(await erase.json(), { erased: true });
        const erasure = row.erase(email);
        await stub.waitFor(() => stub.about(email).length >= unsubscribed + erasure.length);
        await waitForJobs(server, email, (list) => list.length === 0);
        assertRequests(stub.about(email).slice(unsubscribed), erasure, `${row.service} erase`);
      });
    });
  }

  describe('admin', () => {
    it('needs the admin token; validates its input', async () => {
      for (const path of ['/v1/admin/forwarding', '/v1/admin/forwarding/summary']) {
        assert.equal((await fetch(`${server.url}${path}`)).status, 401);
      }
      const noToken = await postJson(`${server.url}/v1/admin/forwarding/retry`, {});
      assert.equal(noToken.status, 401);
      const badStatus = await fetch(`${server.url}/v1/admin/forwarding?status=maybe`, { headers: ADMIN });
      assert.equal(badStatus.status, 400);
      assert.match((await badStatus.json()).error, /pending, failed, done or all/);
      const badLimit = await fetch(`${server.url}/v1/admin/forwarding?limit=-1`, { headers: ADMIN });
      assert.equal(badLimit.status, 400);
      const unknown = await postJson(
        `${server.url}/v1/admin/forwarding/retry`,
        { id: 'no-such-job' },
        { headers: ADMIN },
      );
      assert.equal(unknown.status, 404);
      assert.ok(unknown.json.error);
    });

    it('lists with the contract shape, filters, pages and counts', async () => {
      const all = await jobs(server);
      assert.ok(all.total > 0);
      const job = all.jobs[0];
      assert.deepEqual(Object.keys(job).sort(), [
        'action',
        'attempts',
        'createdAt',
        'email',
        'forwarder',
        'id',
        'lastError',
        'list',
        'nextAttemptAt',
        'service',
        'status',
        'updatedAt',
      ]);
      const done = await jobs(server, 'status=done&limit=2&offset=1');
      assert.ok(done.jobs.length <= 2);
      assert.ok(done.jobs.every((j) => j.status === 'done'));
      const summary = await (await fetch(`${server.url}/v1/admin/forwarding/summary`, { headers: ADMIN })).json();
      assert.deepEqual(Object.keys(summary).sort(), ['done', 'failed', 'pending']);
      assert.equal(summary.done, done.total);
      assert.equal(summary.pending + summary.failed + summary.done, all.total);
    });

    it('a service down for longer than the attempts: failed after FORWARD_MAX_ATTEMPTS; {} retries every failed job', async () => {
      const stub = stubs.webhook;
      const email = address('down', 'webhook');
      await signupAndConfirm(server, smtp, email, 'webhook');
      const [failed] = await waitForJobs(server, email, (list) => list.some((j) => j.status === 'failed'));
      assert.equal(failed.attempts, 3);
      assert.match(failed.lastError, /^gave up after 3 attempts: HTTP 503: Service unavailable$/);
      assert.equal(failed.nextAttemptAt, null);
      assert.equal(stub.about(email).length, 3);
      const summary = await (await fetch(`${server.url}/v1/admin/forwarding/summary`, { headers: ADMIN })).json();
      assert.ok(summary.failed >= 1);
      const retry = await fetch(`${server.url}/v1/admin/forwarding/retry`, { method: 'POST', headers: ADMIN });
      assert.equal(retry.status, 200);
      assert.ok((await retry.json()).retried >= 1);
      await stub.waitFor(() => stub.about(email).length === 6);
      const [again] = await waitForJobs(server, email, (list) => list.some((j) => j.status === 'failed'));
      assert.equal(again.attempts, 3, 'the attempt count started over');
    });

    it('an erasure while the subscribe is in flight goes right after that request ends; nothing is resent', async () => {
      const stub = stubs.webhook;
      const email = address('hang', 'webhook');
      await signupAndConfirm(server, smtp, email, 'webhook');
      await stub.waitFor(() => stub.about(email).length === 1);
      const erase = await fetch(`${server.url}/v1/admin/subscribers?email=${encodeURIComponent(email)}`, {
        method: 'DELETE',
        headers: ADMIN,
      });
      assert.equal(erase.status, 200);
      // Within the stub's wait, long before the claim of the held request would run out (4 × 800 ms + 30 s).
      await stub.waitFor(() => stub.about(email).some((r) => r.json.type === 'erase'));
      await waitForJobs(server, email, (list) => list.length === 0);
      const sent = stub.about(email);
      assert.deepEqual(
        sent.map((r) => r.json.type),
        ['subscribe', 'erase'],
      );
      assert.ok(sent[1].at >= sent[0].closedAt, 'the service sees the erasure after the subscribe ended');
    });

    it('a list with no forwarder queues nothing', async () => {
      const email = address('ok', 'nolist');
      await signupAndConfirm(server, smtp, email, 'no-forwarder-here');
      assert.equal((await jobs(server)).jobs.filter((j) => j.email === email).length, 0);
    });

    it('CLI: forwarding list and retry on the same database', async () => {
      const env = { PATH: process.env.PATH, LEDE_DATA_DIR: `${dir.dir}/lede-data`, ADMIN_TOKEN };
      const listed = JSON.parse(
        execFileSync(process.execPath, [CLI, 'forwarding', 'list', '--status', 'done', '--json'], {
          env,
          encoding: 'utf8',
        }),
      );
      assert.ok(listed.total > 0);
      assert.ok(listed.jobs.every((j) => j.status === 'done'));
      const text = execFileSync(process.execPath, [CLI, 'forwarding', 'list', '--limit', '3'], {
        env,
        encoding: 'utf8',
      });
      assert.match(text, /3 of \d+ jobs/);
      const retried = execFileSync(process.execPath, [CLI, 'forwarding', 'retry'], { env, encoding: 'utf8' });
      assert.match(retried, /^\d+ jobs? queued to be sent again\./);
      let failed;
      try {
        execFileSync(process.execPath, [CLI, 'forwarding', 'retry', '--id', 'nope'], {
          env,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        failed = error;
      }
      assert.equal(failed?.status, 1);
      assert.match(failed.stderr, /no job has the id nope/);
    });

    it('the log never holds an API key or a forwarded address', () => {
      const output = server.output();
      assert.match(output, /forwarding confirmed subscribers to buttondown \(buttondown\)/);
      assert.match(output, /job \S+ \(buttondown subscribe, attempt 1\) failed: HTTP 400/);
      for (const row of SERVICES) {
        const options = row.forwarder(stubs[row.service]);
        for (const secret of [options.apiKey, options.secret].filter(Boolean)) assert.ok(!output.includes(secret));
      }
      assert.ok(!/@example\.org/.test(output), 'no address in the log');
    });
  });
});
