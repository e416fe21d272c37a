// Forwarding on PostgreSQL: the core flow, and two lede-server processes on one database that never send one job
// twice (each job is claimed in one conditional UPDATE).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPgDatabase, startLede, startSmtp } from './helpers.mjs';
import { ADMIN, address, allDone, assertRequests, signupAndConfirm, waitForJobs } from './forwarding-helpers.mjs';
import { SERVICES } from './forwarding-services.mjs';

const database = await createPgDatabase('forwarding');

if (!database) {
  describe('forwarding on PostgreSQL', () => {
    it('skipped: no PostgreSQL reachable', { skip: 'no PostgreSQL at 127.0.0.1:5432' }, () => {});
  });
} else {
  describe('forwarding on PostgreSQL', () => {
    const rows = SERVICES.filter((row) => ['mailchimp', 'webhook'].includes(row.service));
    const stubs = {};
    let smtp;
    let a;
    let b;
    before(async () => {
      smtp = await startSmtp();
      for (const row of rows) stubs[row.service] = await row.start();
      const env = {
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        RATE_LIMIT_SIGNUPS: '100000',
        FORWARD_TIMEOUT_MS: '800',
        FORWARD_RETRY_BASE_MS: '100',
        FORWARDERS: JSON.stringify(rows.map((row) => ({ ...row.forwarder(stubs[row.service]), lists: [row.service] }))),
      };
      [a, b] = await Promise.all([startLede(env), startLede(env)]);
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await Promise.all(Object.values(stubs).map((s) => s.close()));
      await smtp?.close();
      await database.drop();
    });

    for (const row of rows) {
      it(`${row.service}: subscribe (also after a 5xx), unsubscribe and erase`, async () => {
        const stub = stubs[row.service];
        const ok = address('ok', row.service);
        const failing = address('r500', row.service);
        const unsubscribeLink = await signupAndConfirm(a, smtp, ok, row.service);
        await signupAndConfirm(b, smtp, failing, row.service);
        const [done] = await waitForJobs(a, ok, allDone('subscribe'));
        assert.equal(done.attempts, 1);
        assertRequests(stub.about(ok), row.subscribe(ok), `${row.service} on PostgreSQL`);
        const [retried] = await waitForJobs(b, failing, allDone('subscribe'));
        assert.equal(retried.attempts, 2);

        await fetch(unsubscribeLink, { method: 'POST' });
        await waitForJobs(a, ok, allDone('unsubscribe'));
        const erase = await fetch(`${b.url}/v1/admin/subscribers?email=${encodeURIComponent(ok)}`, {
          method: 'DELETE',
          headers: ADMIN,
        });
        assert.equal(erase.status, 200);
        await waitForJobs(a, ok, (list) => list.length === 0);
        const rowsLeft = await database.query('select count(*)::int as n from forward_jobs where email = $1', [ok]);
        assert.equal(rowsLeft[0].n, 0, 'no job keeps an erased address');
      });
    }

    it('two processes, 24 confirmations at once: every job sent exactly once', async () => {
      const stub = stubs.webhook;
      const emails = Array.from({ length: 24 }, () => address('ok', 'two'));
      await Promise.all(emails.map((email, i) => signupAndConfirm(i % 2 ? a : b, smtp, email, 'webhook')));
      for (const email of emails) await waitForJobs(a, email, allDone('subscribe'));
      for (const email of emails) assert.equal(stub.about(email).length, 1, `${email} sent once`);
    });
  });
}
