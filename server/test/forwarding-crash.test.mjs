// kill -9 of lede-server while an email service holds the forward's request open: after the restart the job is sent
// again, exactly once, and done.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startLede, startSmtp, tempDir } from './helpers.mjs';
import { address, signupAndConfirm, waitForJobs } from './forwarding-helpers.mjs';
import { BUTTONDOWN_KEY, startButtondown } from './stubs/email/buttondown.mjs';

describe('forwarding: crash mid-forward', () => {
  it('kill -9 while the service holds the request: one resend after restart, then done', async () => {
    const smtp = await startSmtp();
    const stub = await startButtondown();
    const { dir, remove } = tempDir();
    const env = {
      SMTP_URL: smtp.url,
      // Longer than the test needs to kill the process: the held request must not time out first.
      FORWARD_TIMEOUT_MS: '60000',
      FORWARDERS: JSON.stringify([{ service: 'buttondown', apiKey: BUTTONDOWN_KEY, baseUrl: `${stub.url}/v1` }]),
    };
    let server = await startLede(env, { cwd: dir });
    try {
      const email = address('hang', 'crash');
      await signupAndConfirm(server, smtp, email, 'weekly');
      // The service has the request and does not answer; the process dies with the request in flight.
      await stub.waitFor(() => stub.about(email).length === 1);
      server.child.kill('SIGKILL');
      assert.equal((await server.exited).signal, 'SIGKILL');

      server = await startLede(env, { cwd: dir });
      const [job] = await waitForJobs(server, email, (list) => list.some((j) => j.status === 'done'));
      assert.equal(job.attempts, 2, 'the attempt that died counts');
      assert.equal(job.lastError, null);
      const sent = stub.about(email);
      assert.equal(sent.length, 2, 'sent once more after the restart, not more');
      assert.deepEqual(sent[1].json, sent[0].json, 'the same request again');
    } finally {
      await server.stop();
      await stub.close();
      await smtp.close();
      remove();
    }
  });
});
