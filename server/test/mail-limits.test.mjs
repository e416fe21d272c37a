// Mail limits and the "already subscribed" mail, on the embedded database; the clock is moved by editing mail_log.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SITE, linksIn, postJson, startLede, startSmtp } from './helpers.mjs';

describe('mail limits', () => {
  let server;
  let smtp;
  before(async () => {
    smtp = await startSmtp();
    server = await startLede({ SMTP_URL: smtp.url });
  });
  after(async () => {
    await server?.stop();
    await smtp?.close();
  });

  /** Moves every recorded mail 11 minutes into the past (the 10-minute gap is over; the day is not). */
  function elevenMinutesLater() {
    const db = new Database(join(server.dir, 'lede-data', 'lede.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('update mail_log set sent_at = sent_at - 660000').run();
    db.close();
  }

  it('a confirmed address gets an "already subscribed" mail, and no address gets more than 3 mails a day', async () => {
    const email = `limits-${Date.now()}@example.org`;
    const body = { email, source: `${SITE}/l` };
    const first = await postJson(`${server.url}/v1/signups`, body);
    assert.equal(first.status, 202);
    const [confirm] = await smtp.waitFor(email, 1);
    assert.equal((await fetch(linksIn(confirm.text).find((l) => l.includes('/v1/confirm')))).status, 200);

    elevenMinutesLater();
    const second = await postJson(`${server.url}/v1/signups`, body);
    assert.equal(second.text, first.text, 'the same answer for a subscribed address');
    const mails = await smtp.waitFor(email, 2);
    const already = mails[1];
    assert.equal(already.subject, 'You are already subscribed');
    assert.equal(
      linksIn(already.text).some((l) => l.includes('/v1/confirm')),
      false,
    );
    assert.ok(linksIn(already.text).some((l) => l.includes('/v1/unsubscribe')));
    assert.ok(already.headerLines.some((h) => h.key === 'list-unsubscribe-post'));

    elevenMinutesLater();
    await postJson(`${server.url}/v1/signups`, body);
    await smtp.waitFor(email, 3);

    elevenMinutesLater();
    const fourth = await postJson(`${server.url}/v1/signups`, body);
    assert.equal(fourth.text, first.text);
    // A later address's mail comes after anything queued for the first (one queue, in order).
    const marker = `marker-${Date.now()}@example.org`;
    await postJson(`${server.url}/v1/signups`, { email: marker, source: `${SITE}/l` });
    await smtp.waitFor(marker);
    assert.equal(smtp.mails.filter((m) => m.to.value[0].address === email).length, 3, 'at most 3 mails a day');
  });
});
