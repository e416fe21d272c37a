// The endpoint contract, run against a real lede-server process on each database (see embedded/postgres tests).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, SITE, linksIn, newKey, postJson, rawRequest, startSmtp } from './helpers.mjs';

/**
 * @param {string} name
 * @param {(env: Record<string,string>) => Promise<{ url: string, dir: string, stop: Function }>} start
 * @param {{ dataFiles?: (server) => string[] }} options
 */
export function contractTests(name, start, options = {}) {
  describe(`lede-server contract (${name})`, () => {
    let server;
    let smtp;
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

    before(async () => {
      smtp = await startSmtp();
      server = await start({ SMTP_URL: smtp.url, MAIL_FROM: 'News <news@example.com>' });
    });
    after(async () => {
      await server?.stop();
      await smtp?.close();
    });

    it('answers /healthz', async () => {
      const response = await fetch(`${server.url}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' });
    });

    it('double opt-in: 202, a mail in the signup language with unsubscribe headers, confirm once, unsubscribe one-click', async () => {
      const email = `reader-${Date.now()}@example.org`;
      const signup = await postJson(
        `${server.url}/v1/signups`,
        {
          email,
          name: 'Zoë "Z" Example',
          consent: true,
          consentText: 'Send me the weekly newsletter',
          source: `${SITE}/story`,
          lang: 'de',
          elapsedMs: 420,
        },
        { headers: { origin: SITE } },
      );
      assert.equal(signup.status, 202);
      assert.equal(signup.json.status, 'pending');
      assert.equal(signup.headers.get('access-control-allow-origin'), SITE);
      assert.match(signup.headers.get('access-control-expose-headers'), /Retry-After/);

      const [mail] = await smtp.waitFor(email);
      assert.equal(mail.subject, 'Bitte bestätigen Sie Ihr Abonnement');
      assert.equal(mail.to.value[0].name, 'Zoë "Z" Example');
      assert.ok(mail.text.includes('/v1/confirm?token='));
      assert.ok(mail.html.includes('/v1/confirm?token='));
      const header = (name) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
      assert.match(
        header('list-unsubscribe'),
        /^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/v1\/unsubscribe\?token=[\w-]+>$/,
      );
      assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      assert.equal(
        mail.headerLines.some((h) => h.line.includes('Zoë')),
        false,
        'the name is encoded, never raw in a header',
      );

      const confirmUrl = linksIn(mail.text).find((l) => l.includes('/v1/confirm'));
      const unsubscribeUrl = linksIn(mail.text).find((l) => l.includes('/v1/unsubscribe'));
      const first = await fetch(confirmUrl);
      assert.equal(first.status, 200);
      assert.match(first.headers.get('content-security-policy'), /default-src 'none'/);
      assert.equal(first.headers.get('set-cookie'), null);
      assert.match(await first.text(), /Abonnement bestätigt/);
      const second = await fetch(confirmUrl);
      assert.equal(second.status, 200);
      assert.match(await second.text(), /Bereits bestätigt/);

      let exported = await (await fetch(`${server.url}/v1/admin/subscribers?format=json`, { headers: admin })).json();
      let row = exported.subscribers.find((s) => s.email === email);
      assert.equal(row.status, 'confirmed');
      assert.equal(row.consent.text, 'Send me the weekly newsletter');
      assert.equal(row.consent.source, `${SITE}/story`);
      assert.ok(row.confirmedAt);

      const page = await fetch(unsubscribeUrl);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<form method="post"/);
      exported = await (await fetch(`${server.url}/v1/admin/subscribers`, { headers: admin })).json();
      assert.equal(exported.subscribers.find((s) => s.email === email).status, 'confirmed', 'GET changes nothing');

      const oneClick = await fetch(unsubscribeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.status, 200);
      // The page's own button: a browser posts the form from the server's origin (always allowed).
      const action = /<form method="post" action="([^"]+)"/.exec(html)[1].replace(/&amp;/g, '&');
      const button = await fetch(new URL(action, unsubscribeUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(server.url).origin },
        body: '',
      });
      assert.equal(button.status, 200);
      assert.match(await button.text(), /abgemeldet/);
      exported = await (await fetch(`${server.url}/v1/admin/subscribers`, { headers: admin })).json();
      row = exported.subscribers.find((s) => s.email === email);
      assert.equal(row.status, 'unsubscribed');
      assert.ok(row.unsubscribedAt);
    });

    it('gives the same answer whatever the state, and mails an address at most once in 10 minutes', async () => {
      const email = `twice-${Date.now()}@example.org`;
      const a = await postJson(`${server.url}/v1/signups`, { email, source: `${SITE}/a` });
      const b = await postJson(`${server.url}/v1/signups`, { email, source: `${SITE}/a` });
      assert.equal(a.status, 202);
      assert.equal(b.text, a.text);
      // A later address's mail arrives after anything queued for the first (one queue, in order).
      const marker = `marker-${Date.now()}@example.org`;
      await postJson(`${server.url}/v1/signups`, { email: marker, source: `${SITE}/a` });
      await smtp.waitFor(marker);
      assert.equal(smtp.mails.filter((m) => m.to.value[0].address === email).length, 1);
    });

    it('a plain form post gets 303 back to its page with lede-signup=pending, or a page saying what was wrong', async () => {
      const email = `form-${Date.now()}@example.org`;
      const form = await rawRequest(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: SITE,
          'sec-fetch-mode': 'navigate',
          accept: 'text/html',
        },
        body: new URLSearchParams({ email, source: `${SITE}/story?x=1#form` }).toString(),
      });
      assert.equal(form.status, 303);
      assert.equal(form.headers.location, `${SITE}/story?x=1&lede-signup=pending`);
      await smtp.waitFor(email);

      // A page with several newsletters learns which one it was: the list the form named.
      const listed = await rawRequest(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, 'sec-fetch-mode': 'navigate' },
        body: new URLSearchParams({ email: `daily-${email}`, list: 'daily', source: `${SITE}/story` }).toString(),
      });
      assert.equal(listed.status, 303);
      assert.equal(listed.headers.location, `${SITE}/story?lede-signup=pending&lede-list=daily`);

      const foreignSource = await rawRequest(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-mode': 'navigate' },
        body: new URLSearchParams({ email, source: 'https://evil.example/x' }).toString(),
      });
      assert.equal(foreignSource.status, 303);
      assert.equal(
        foreignSource.headers.location,
        `${new URL(server.url).origin}/v1/signups/pending?lede-signup=pending`,
      );

      const invalid = await rawRequest(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: SITE,
          'sec-fetch-mode': 'navigate',
          referer: `${SITE}/p`,
        },
        body: 'email=not-an-address',
      });
      assert.equal(invalid.status, 400);
      assert.match(invalid.headers['content-type'], /text\/html/);
      assert.match(invalid.headers['content-security-policy'], /default-src 'none'/);
      const html = invalid.text;
      assert.match(html, /valid email address/);
      assert.match(html, /href="https:\/\/news\.example\/p"/);
    });

    it("a publisher's own form sent as multipart/form-data is accepted, its unknown fields ignored", async () => {
      const email = `multipart-${Date.now()}@example.org`;
      const form = new FormData();
      form.set('email', email);
      form.set('consent', 'agree');
      form.set('consentText', 'Yes, send me news');
      form.set('source', `${SITE}/m`);
      form.set('elapsedMs', '1200');
      form.set('utm_campaign', 'spring');
      const response = await fetch(`${server.url}/v1/signups`, {
        method: 'POST',
        headers: { 'idempotency-key': newKey('mp'), accept: 'application/json', origin: SITE },
        body: form,
      });
      assert.equal(response.status, 202);
      assert.equal((await response.json()).status, 'pending');
      await smtp.waitFor(email);
      const exported = await (await fetch(`${server.url}/v1/admin/subscribers`, { headers: admin })).json();
      assert.equal(exported.subscribers.find((s) => s.email === email).consent.text, 'Yes, send me news');
    });

    it('replays are not rate-limited', async () => {
      const key = newKey('rl');
      const body = { articleId: `rl-${Date.now()}`, scenarioId: 'a', readerId: 'rl' };
      const first = await postJson(`${server.url}/v1/votes`, body, { key });
      let limited;
      for (let i = 0; i < 200 && !limited; i++) {
        const other = await postJson(`${server.url}/v1/votes`, { ...body, readerId: `rl-${i}` });
        if (other.status === 429) limited = other;
      }
      assert.ok(limited, 'the vote limit was reached');
      const replay = await postJson(`${server.url}/v1/votes`, body, { key });
      assert.equal(replay.status, 200);
      assert.equal(replay.text, first.text);
    });

    it('the honeypot gets the same 202 and nothing is stored or sent', async () => {
      const email = `bot-${Date.now()}@example.org`;
      const bot = await postJson(`${server.url}/v1/signups`, { email, source: `${SITE}/a`, website: 'http://spam' });
      assert.equal(bot.status, 202);
      const exported = await (await fetch(`${server.url}/v1/admin/subscribers`, { headers: admin })).json();
      assert.equal(
        exported.subscribers.some((s) => s.email === email),
        false,
      );
    });

    it('votes: one counted vote per reader and article, the first choice answered, counts cacheable', async () => {
      const articleId = `article-${Date.now()}`;
      const first = await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'a', readerId: 'r1' });
      assert.equal(first.status, 200);
      assert.deepEqual(first.json, { counts: { a: 1 }, choice: 'a' });
      const again = await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'b', readerId: 'r1' });
      assert.deepEqual(again.json, { counts: { a: 1 }, choice: 'a' });
      await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: '__proto__', readerId: 'r2' });
      const get = await fetch(`${server.url}/v1/votes?articleId=${encodeURIComponent(articleId)}`, {
        headers: { origin: SITE },
      });
      assert.equal(get.status, 200);
      assert.equal(get.headers.get('cache-control'), 'public, max-age=15, stale-while-revalidate=60');
      assert.match(get.headers.get('vary'), /Origin/);
      assert.equal(await get.text(), '{"counts":{"__proto__":1,"a":1}}');
      const adminVotes = await (
        await fetch(`${server.url}/v1/admin/votes?articleId=${articleId}`, { headers: admin })
      ).json();
      assert.equal(adminVotes.total, 2);
    });

    it('idempotency: a retry replays byte for byte, a different body is 422, concurrent duplicates count once', async () => {
      const articleId = `idem-${Date.now()}`;
      const key = newKey('idem');
      const first = await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'a', readerId: 'x1' }, { key });
      await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'b', readerId: 'x2' });
      const replay = await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'a', readerId: 'x1' }, { key });
      assert.equal(replay.status, first.status);
      assert.equal(replay.text, first.text, 'the first answer, counts included');
      const other = await postJson(`${server.url}/v1/votes`, { articleId, scenarioId: 'b', readerId: 'x9' }, { key });
      assert.equal(other.status, 422);
      const sameKeyOtherRoute = await postJson(
        `${server.url}/v1/signups`,
        { email: `scope-${Date.now()}@example.org`, source: `${SITE}/a` },
        { key },
      );
      assert.equal(sameKeyOtherRoute.status, 202, 'keys are scoped to the route');

      const burstKey = newKey('burst');
      const body = { articleId, scenarioId: 'c', readerId: 'x3' };
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => postJson(`${server.url}/v1/votes`, body, { key: burstKey })),
      );
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
      assert.equal(new Set(answers.map((a) => a.text)).size, 1);
      const counts = await (await fetch(`${server.url}/v1/votes?articleId=${articleId}`)).json();
      assert.deepEqual(counts.counts, { a: 1, b: 1, c: 1 });
    });

    it('comment counts: single, batched, admin PUT', async () => {
      const id = `c-${Date.now()}`;
      const none = await (await fetch(`${server.url}/v1/comments/count?articleId=${id}`)).json();
      assert.deepEqual(none, { count: 0 });
      const put = await fetch(`${server.url}/v1/comments/count`, {
        method: 'PUT',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ articleId: id, count: 12 }),
      });
      assert.equal(put.status, 200);
      assert.deepEqual(await put.json(), { articleId: id, count: 12 });
      const single = await fetch(`${server.url}/v1/comments/count?articleId=${id}`);
      assert.equal(single.headers.get('cache-control'), 'public, max-age=15, stale-while-revalidate=60');
      assert.deepEqual(await single.json(), { count: 12 });
      const batch = await (
        await fetch(`${server.url}/v1/comments/counts?articleId=${id}&articleId=other-${id}`)
      ).json();
      assert.deepEqual(batch, { counts: { [id]: 12, [`other-${id}`]: 0 } });
    });

    it('CORS: preflight for an allowed origin; a foreign origin may not write', async () => {
      const preflight = await fetch(`${server.url}/v1/votes`, {
        method: 'OPTIONS',
        headers: {
          origin: SITE,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), SITE);
      assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
      const articleId = `cors-${Date.now()}`;
      const foreign = await postJson(
        `${server.url}/v1/votes`,
        { articleId, scenarioId: 'a', readerId: 'r' },
        { headers: { origin: 'https://news.example.evil' } },
      );
      assert.equal(foreign.status, 403);
      const counts = await (await fetch(`${server.url}/v1/votes?articleId=${articleId}`)).json();
      assert.deepEqual(counts, { counts: {} });
    });

    it('export as CSV and erasure: the address and name are gone from the store', async () => {
      const email = `erase-${Date.now()}@example.org`;
      const name = `Eraseme${Date.now()}`;
      await postJson(`${server.url}/v1/signups`, {
        email,
        name,
        consent: true,
        consentText: '=cmd|x',
        source: `${SITE}/e`,
      });
      await smtp.waitFor(email);
      const csv = await fetch(`${server.url}/v1/admin/subscribers?format=csv`, { headers: admin });
      assert.match(csv.headers.get('content-type'), /text\/csv/);
      const text = await csv.text();
      assert.equal(
        text.split('\r\n')[0],
        'email,name,list,status,consent_text,consent_at,source,created_at,confirmed_at,unsubscribed_at',
      );
      assert.ok(text.includes(`${email},${name},,pending,'=cmd|x,`), 'a formula-looking cell is defused');
      const erase = await fetch(`${server.url}/v1/admin/subscribers?email=${encodeURIComponent(email)}`, {
        method: 'DELETE',
        headers: admin,
      });
      assert.equal(erase.status, 200);
      assert.deepEqual(await erase.json(), { erased: true });
      const again = await fetch(`${server.url}/v1/admin/subscribers?email=${encodeURIComponent(email)}`, {
        method: 'DELETE',
        headers: admin,
      });
      assert.deepEqual(await again.json(), { erased: false });
      const exported = await (await fetch(`${server.url}/v1/admin/subscribers`, { headers: admin })).json();
      assert.equal(
        exported.subscribers.some((s) => s.email === email),
        false,
      );
      if (options.dataFiles) {
        for (const [file, bytes] of options.dataFiles(server)) {
          assert.equal(bytes.includes(email), false, `${file} still holds the address`);
          assert.equal(bytes.includes(name), false, `${file} still holds the name`);
        }
      }
    });
  });
}
