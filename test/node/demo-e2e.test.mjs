// The demo end to end, as `npm start` runs it: the real lede-server (embedded database), the demo
// page served by Vite, and a real headless Chromium. A reader subscribes in the page, the mail
// arrives (at an SMTP server inside this test, and in the demo's local inbox), its link confirms
// the subscription, and the admin export shows the subscriber with the consent text they saw. A
// reader votes, reloads, votes again: counted once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import puppeteer from 'puppeteer-core';
import { SMTPServer } from 'smtp-server';
import { CHROME_ARGS, findBrowser } from '../../scripts/browser.mjs';
import { freePort } from '../../scripts/lede-server.mjs';
import { startDemo } from '../../scripts/start-demo.mjs';
import { DEMO_ARTICLE_ID, DEMO_LISTING_COMMENTS, DEMO_VOTES } from '../../demo/seed.mjs';

const CONSENT = 'I agree to receive the weekly newsletter and can unsubscribe at any time.';
const executablePath = findBrowser();
// A cleanup that hangs fails the suite instead of holding CI until its own limit.
const CLEANUP = { timeout: 60_000 };

/** An SMTP server that keeps every message it receives, parsed. */
async function startSmtp() {
  const messages = [];
  const waiting = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          for (const wake of waiting.splice(0)) wake();
          done();
        },
        (error) => done(error),
      );
    },
  });
  // A sender killed mid-session (the crash test's kill -9) resets its connection: expected, not a test failure.
  // Without a listener, smtp-server's 'error' event would end the test process.
  server.on('error', () => {});
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async next(to, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = messages.find((m) => m.to?.text.includes(to));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
        await new Promise((wake) => {
          waiting.push(wake);
          setTimeout(wake, 250);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function subscribe(page, email) {
  await page.waitForFunction(() => customElements.get('lede-newsletter'));
  await page.locator('lede-newsletter[action="/v1/signups"] >>> input[name=email]').fill(email);
  await page.locator('lede-newsletter[action="/v1/signups"] >>> input[name=name]').fill('Ada Reader');
  await page.locator('lede-newsletter[action="/v1/signups"] >>> input[name=consent]').click();
  const subscribed = page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        document.addEventListener('lede-subscribed', (event) => resolve(event.detail), { once: true });
        document.addEventListener('lede-error', (event) => reject(new Error(JSON.stringify(event.detail))), {
          once: true,
        });
      }),
  );
  await page.locator('lede-newsletter[action="/v1/signups"] >>> button[type=submit]').click();
  return subscribed;
}

async function exportSubscribers(demo) {
  const answer = await fetch(`${demo.serverUrl}/v1/admin/subscribers?format=json`, {
    headers: { Authorization: `Bearer ${demo.adminToken}` },
  });
  assert.equal(answer.status, 200);
  return (await answer.json()).subscribers;
}

describe('the demo against lede-server, in Chromium', { skip: !executablePath && 'no Chromium' }, () => {
  let browser;
  before(async () => {
    browser = await puppeteer.launch({ executablePath, headless: true, args: CHROME_ARGS, protocolTimeout: 60_000 });
  });
  after(async () => {
    await browser?.close();
  }, CLEANUP);

  describe('mail through SMTP', () => {
    let smtp;
    let demo;
    let page;
    before(async () => {
      smtp = await startSmtp();
      demo = await startDemo({ port: await freePort(), smtpUrl: smtp.url, quiet: true, open: false });
      page = await browser.newPage();
    });
    after(async () => {
      await page?.close();
      await demo?.close();
      await smtp?.close();
    }, CLEANUP);

    test('a reader subscribes, the mail arrives, its link confirms, the export has the consent text', async () => {
      await page.goto(demo.url);
      const detail = await subscribe(page, 'ada@example.org');
      assert.equal(detail.email, 'ada@example.org');

      const mail = await smtp.next('ada@example.org');
      const header = (name) => mail.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
      assert.match(header('list-unsubscribe'), /^List-Unsubscribe: ?<http:\/\/localhost:\d+\/v1\/unsubscribe\?token=/);
      assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const link = mail.text.match(/https?:\/\/\S+\/v1\/confirm\?token=[\w.~%-]+/)?.[0];
      assert.ok(link, `a confirm link in:\n${mail.text}`);
      assert.ok(link.startsWith(new URL(demo.url).origin), `the link goes to PUBLIC_URL: ${link}`);

      const [before] = await exportSubscribers(demo);
      assert.equal(before.status, 'pending');

      const confirmPage = await page.goto(link);
      assert.equal(confirmPage.status(), 200);
      assert.match(await page.evaluate(() => document.body.innerText), /confirm/i);

      const subscribers = await exportSubscribers(demo);
      assert.equal(subscribers.length, 1);
      const [subscriber] = subscribers;
      assert.equal(subscriber.email, 'ada@example.org');
      assert.equal(subscriber.name, 'Ada Reader');
      assert.equal(subscriber.list, 'weekly');
      assert.equal(subscriber.status, 'confirmed');
      assert.equal(subscriber.consent?.text, CONSENT);
      assert.equal(subscriber.consent?.source, new URL(demo.url).href);
    });

    test('a reader votes, reloads, votes again: counted once', async () => {
      const counts = async () =>
        (await (await fetch(`${demo.serverUrl}/v1/votes?articleId=${DEMO_ARTICLE_ID}`)).json()).counts;
      assert.deepEqual(await counts(), DEMO_VOTES, 'the demo is seeded');

      await page.goto(demo.url);
      await page.waitForFunction(() => customElements.get('lede-scenarios'));
      const voted = page.evaluate(
        () =>
          new Promise((resolve) => document.addEventListener('lede-voted', (e) => resolve(e.detail), { once: true })),
      );
      await page.locator('lede-scenarios >>> li:nth-of-type(2) button[part=vote]').click();
      const first = await voted;
      assert.equal(first.scenarioId, 'rival-hubs');
      assert.equal(first.counts['rival-hubs'], DEMO_VOTES['rival-hubs'] + 1);

      // Reloaded, the page shows the reader's vote and the count holds it once.
      await page.reload();
      await page.waitForFunction(
        () =>
          document
            .querySelector('lede-scenarios')
            ?.shadowRoot?.querySelector('li:nth-of-type(2) button[aria-pressed=true]') != null,
      );
      assert.equal((await counts())['rival-hubs'], DEMO_VOTES['rival-hubs'] + 1);

      // The page forgets the vote (the reader id stays): voting again for another scenario is not
      // counted, and the server answers the reader's first choice.
      await page.evaluate((articleId) => localStorage.removeItem(`lede-vote:${articleId}`), DEMO_ARTICLE_ID);
      await page.reload();
      await page.waitForFunction(() => customElements.get('lede-scenarios'));
      const votedAgain = page.evaluate(
        () =>
          new Promise((resolve) => document.addEventListener('lede-voted', (e) => resolve(e.detail), { once: true })),
      );
      await page.locator('lede-scenarios >>> li:nth-of-type(3) button[part=vote]').click();
      const second = await votedAgain;
      assert.equal(second.counts['rival-hubs'], DEMO_VOTES['rival-hubs'] + 1);
      assert.equal(second.counts['managed-decline'], DEMO_VOTES['managed-decline']);
      assert.deepEqual(await counts(), { ...DEMO_VOTES, 'rival-hubs': DEMO_VOTES['rival-hubs'] + 1 });
    });

    test('the comment count comes from the server', async () => {
      await page.goto(demo.url);
      await page.waitForFunction(() =>
        /23 comments/.test(document.querySelector('lede-comment-prompt')?.shadowRoot?.textContent ?? ''),
      );
    });

    test('the listing shows every comment count from one request, the comment prompt’s count in it', async () => {
      const requests = [];
      const onRequest = (request) => {
        if (new URL(request.url()).pathname.startsWith('/v1/comments/count')) requests.push(request.url());
      };
      page.on('request', onRequest);
      try {
        await page.goto(demo.url);
        const shown = () =>
          [...document.querySelectorAll('lede-comment-count')].map(
            (el) => el.shadowRoot?.querySelector('[part~=count]')?.textContent ?? null,
          );
        await page.waitForFunction(() =>
          [...document.querySelectorAll('lede-comment-count')].every((el) =>
            el.shadowRoot?.querySelector('[part~=count]'),
          ),
        );
        const counts = await page.evaluate(shown);
        assert.deepEqual(counts, [
          `${DEMO_LISTING_COMMENTS['lede-demo-ferry-strike']} comments`,
          '1 comment',
          `${DEMO_LISTING_COMMENTS['lede-demo-dredging']} comments`,
          'No comments',
        ]);
        await page.waitForFunction(() =>
          /23 comments/.test(document.querySelector('lede-comment-prompt')?.shadowRoot?.textContent ?? ''),
        );
        // One batch (sent again only if it was retried, or if Vite reloaded the page).
        assert.equal(new Set(requests).size, 1, `one request for every count: ${requests.join(', ')}`);
        assert.deepEqual(
          new URL(requests[0]).searchParams.getAll('articleId').sort(),
          [DEMO_ARTICLE_ID, ...Object.keys(DEMO_LISTING_COMMENTS), 'lede-demo-lighthouse'].sort(),
        );
      } finally {
        page.off('request', onRequest);
      }
    });
  });

  describe('mail to the folder, read in the local inbox (what `npm start` shows)', () => {
    let demo;
    let page;
    before(async () => {
      demo = await startDemo({ port: await freePort(), quiet: true, open: false });
      page = await browser.newPage();
    });
    after(async () => {
      await page?.close();
      await demo?.close();
    }, CLEANUP);

    test('subscribe, open the inbox, click the link in the mail: the inbox lists the subscriber as confirmed', async () => {
      await page.goto(demo.url);
      await subscribe(page, 'grace@example.org');
      await page.locator('a[href="/inbox/"]').click();
      await page.waitForFunction(() => location.pathname === '/inbox/');

      // The mail worker may still be writing it: the inbox's own link checks again.
      for (let tries = 0; !(await page.$('a[href^="/inbox/"][href$=".eml"]')); tries++) {
        assert.ok(tries < 100, 'the mail shows up in the inbox');
        await new Promise((wake) => setTimeout(wake, 200));
        await page.goto(demo.inboxUrl);
      }
      assert.match(await page.evaluate(() => document.body.innerText), /grace@example\.org/);
      assert.match(
        await page.$eval('#subscribers', (table) => table.innerText),
        /grace@example\.org\s+weekly\s+pending/,
      );

      await Promise.all([page.waitForNavigation(), page.locator('a[href$=".eml"]').click()]);
      // The HTML part, in its sandboxed frame, has a working link.
      const frame = await (await page.$('iframe')).contentFrame();
      const href = await frame.$eval('a[href*="/v1/confirm?token="]', (a) => a.href);
      assert.ok(href.startsWith(new URL(demo.url).origin));
      // (An element handle's click: the frame runs no script, which the locator API needs.)
      const confirmLink = await frame.$('a[href*="/v1/confirm?token="]');
      await Promise.all([page.waitForNavigation(), confirmLink.click()]);
      assert.equal(new URL(page.url()).pathname, '/v1/confirm');
      assert.match(await page.evaluate(() => document.body.innerText), /confirm/i);

      await page.goto(demo.inboxUrl);
      assert.match(
        await page.$eval('#subscribers', (table) => table.innerText),
        /grace@example\.org\s+weekly\s+confirmed/,
      );
    });
  });
});
