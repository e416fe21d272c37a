// The publisher's dashboard at /admin/ in real headless Chromium, against the real lede-server on
// its embedded database, seeded through the public routes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, startLede, tempDir } from './helpers.mjs';
import { SEED, SEED_ENV, seedThroughRoutes } from './admin-seed.mjs';
import { WEBHOOK_SECRET, startWebhook } from './stubs/email/webhook.mjs';
import {
  axeViolations,
  click,
  deep,
  deepText,
  launchBrowser,
  recordingPage,
  type,
  waitUntil,
} from './admin-browser.mjs';

const VIEWS = ['overview', 'subscribers', 'predictions', 'comments', 'forwarding'];
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
// The seed, and one more confirmed address whose forward the publisher's webhook refuses once (the webhook stub's
// "bad-" addresses): the overview counts it, the forwarding view shows the failure.
const REFUSED = 'bad-eve@example.org';
const EXPECTED = { ...SEED.expected, confirmed: SEED.expected.confirmed + 1, rate: '60%', signups: 5 };

async function adminJson(server, path) {
  const response = await fetch(`${server.url}${path}`, { headers: auth });
  return response.json();
}

describe('the dashboard at /admin/', () => {
  let server;
  let data;
  let browser;
  let recorded;
  let webhook;

  before(async () => {
    data = tempDir();
    webhook = await startWebhook();
    const forwarders = [
      { service: 'webhook', lists: ['weekly'], url: `${webhook.url}/hooks/lede`, secret: WEBHOOK_SECRET },
    ];
    server = await startLede({ ...SEED_ENV, FORWARDERS: JSON.stringify(forwarders) }, { cwd: data.dir });
    await seedThroughRoutes({
      url: server.url,
      mailDir: join(server.dir, 'lede-data', 'mail'),
      signups: [...SEED.signups, { email: REFUSED, list: 'weekly', then: 'confirm' }],
      votes: SEED.votes,
    });
    const pushed = await fetch(`${server.url}/v1/comments/count`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ articleId: 'port-pact', count: 23 }),
    });
    assert.equal(pushed.status, 200);
    for (let tries = 0; (await adminJson(server, '/v1/admin/forwarding/summary')).failed < 1; tries++) {
      assert.ok(tries < 100, 'the refused forward is marked failed');
      await new Promise((wake) => setTimeout(wake, 100));
    }
    browser = await launchBrowser();
    recorded = await recordingPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await webhook?.close();
    data?.remove();
  });

  const page = () => recorded.page;
  const signIn = async (token) => {
    await type(page(), 'input[name=token]', token);
    await click(page(), 'form.login button[type=submit]');
  };
  const open = async (view) => {
    await page().evaluate((name) => (location.hash = name), view);
    await deep(page(), `lede-admin-${view} >>> h2`);
    // The view's data is in once nothing says "Loading…".
    await waitUntil(
      page(),
      (name) => {
        const root = document.querySelector('lede-admin')?.shadowRoot?.querySelector(`lede-admin-${name}`)?.shadowRoot;
        return root && !root.textContent.includes('Loading…') && root.querySelector('h2 ~ *');
      },
      view,
    );
  };

  test('is served with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${server.url}/admin/`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(await response.text(), /<script>|<style>|style="/, 'no inline script or style');
  });

  test('a wrong token is refused with a clear message; the right one opens the overview', async () => {
    await page().goto(`${server.url}/admin/`);
    await signIn('not-the-token');
    const alert = await deepText(page(), '#login-error:not(:empty)');
    assert.match(alert, /refused this token: it is not the ADMIN_TOKEN/);
    assert.equal(await page().evaluate(() => sessionStorage.length), 0, 'a refused token is not kept');

    await signIn(ADMIN_TOKEN);
    await open('overview');
    assert.equal(await page().evaluate(() => sessionStorage.getItem('lede-admin-token')), ADMIN_TOKEN);
    assert.ok(!page().url().includes(ADMIN_TOKEN), 'the token is not in the URL');
    assert.deepEqual(await browser.defaultBrowserContext().cookies(), [], 'no cookie');
  });

  test('the overview shows the seeded totals, with the chart summarised in text', async () => {
    const e = EXPECTED;
    assert.equal(await deepText(page(), '[data-stat=confirmed]'), String(e.confirmed));
    assert.equal(await deepText(page(), '[data-stat=pending]'), String(e.pending));
    assert.equal(await deepText(page(), '[data-stat=unsubscribed]'), String(e.unsubscribed));
    assert.equal(await deepText(page(), '[data-stat=rate]'), e.rate);
    assert.equal(await deepText(page(), '[data-stat=votes]'), String(e.votes));
    assert.equal(await deepText(page(), '[data-stat=failures]'), '1');
    assert.match(await deepText(page(), '#signups-summary'), /^5 signups in the last 30 days/);
    assert.match(await deepText(page(), '#votes-summary'), /^6 votes in the last 30 days/);
  });

  test('a reload keeps the session; the token survives only in this tab', async () => {
    await page().reload();
    await open('overview');
    assert.equal(await deepText(page(), '[data-stat=confirmed]'), String(EXPECTED.confirmed));
  });

  test('search finds an address; erase (after a confirmation) removes it, and the export no longer has it', async () => {
    await open('subscribers');
    await type(page(), 'input[name=q]', 'cy@');
    await page().keyboard.press('Enter');
    await waitUntil(page(), () => {
      const view = document.querySelector('lede-admin').shadowRoot.querySelector('lede-admin-subscribers').shadowRoot;
      return (
        view.querySelectorAll('tbody tr').length === 1 && view.querySelector('tbody th')?.textContent.includes('cy@')
      );
    });
    assert.match(await deepText(page(), '.pager [role=status]'), /^1–1 of 1$/);

    await click(page(), '[data-erase="cy@example.org"]');
    const focused = await page().evaluate(
      () =>
        document.querySelector('lede-admin').shadowRoot.querySelector('lede-admin-subscribers').shadowRoot.activeElement
          ?.textContent,
    );
    assert.match(focused, /Erase for good/, 'the confirmation step has the focus');
    await page().keyboard.press('Enter');
    assert.match(await deepText(page(), '.notice'), /cy@example\.org was erased/);
    await waitUntil(page(), () =>
      document
        .querySelector('lede-admin')
        .shadowRoot.querySelector('lede-admin-subscribers')
        .shadowRoot.querySelector('tbody')
        ?.textContent.includes('No subscriber matches'),
    );

    const exported = await (
      await fetch(`${server.url}/v1/admin/subscribers?format=json`, {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    ).json();
    const emails = exported.subscribers.map((s) => s.email);
    assert.ok(!emails.includes('cy@example.org'), 'erased from the export');
    assert.equal(emails.length, EXPECTED.signups - 1);
  });

  test('predictions show votes per scenario with percentages', async () => {
    await open('predictions');
    const table = await deepText(page(), 'lede-admin-predictions >>> section');
    assert.match(table, /port-pact/);
    assert.match(table, /5 readers voted\. Most \(60%\) chose “rival-hubs”/);
    assert.match(table, /joint-hub 2 40%/);
  });

  test('comments: counts per article and their source', async () => {
    await open('comments');
    const row = await deepText(page(), 'lede-admin-comments >>> tbody tr');
    assert.match(row, /^port-pact 23 push /);
    assert.match(await deepText(page(), 'lede-admin-comments >>> h2 + p'), /1 article has a comment count/);
  });

  test("forwarding: the failed job with the service's message; retry sends it again", async () => {
    await open('forwarding');
    const row = await deepText(page(), 'lede-admin-forwarding >>> tbody tr');
    assert.match(
      row,
      new RegExp(`^${REFUSED} webhook · weekly subscribe failed 1 HTTP 422: list weekly is not known here`),
    );
    await click(page(), `lede-admin-forwarding >>> tbody button`);
    assert.match(await deepText(page(), 'lede-admin-forwarding >>> .ok'), /^1 job was queued again\.$/);
    for (let tries = 0; (await adminJson(server, '/v1/admin/forwarding/summary')).failed > 0; tries++) {
      assert.ok(tries < 100, 'the retried job is sent again and accepted');
      await new Promise((wake) => setTimeout(wake, 100));
    }
    const refused = (await adminJson(server, '/v1/admin/forwarding?status=all')).jobs.find((j) => j.email === REFUSED);
    assert.equal(refused.status, 'done');
  });

  test('keyboard: Tab reaches the navigation, Enter opens a view and its heading takes the focus', async () => {
    await open('overview');
    await page().evaluate(() => document.activeElement?.blur());
    const focusedText = () =>
      page().evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return `${element?.tagName} ${element?.textContent.trim()}`;
      });
    let reached = '';
    for (let presses = 0; presses < 10 && reached !== 'A Predictions'; presses++) {
      await page().keyboard.press('Tab');
      reached = await focusedText();
    }
    assert.equal(reached, 'A Predictions', 'the Predictions link is reached with Tab');
    await page().keyboard.press('Enter');
    await waitUntil(page(), () => location.hash === '#predictions');
    await waitUntil(
      page(),
      () =>
        document.querySelector('lede-admin').shadowRoot.querySelector('lede-admin-predictions')?.shadowRoot
          ?.activeElement?.tagName === 'H2',
    );
  });

  test('every view has no axe violation, light and dark', async () => {
    for (const scheme of ['light', 'dark']) {
      await page().emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      for (const view of VIEWS) {
        await open(view);
        const violations = await axeViolations(page());
        assert.deepEqual(violations, [], `${view} (${scheme}): ${JSON.stringify(violations, null, 2)}`);
      }
    }
    await page().emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });

  test('the dark-mode toggle overrides the system setting', async () => {
    await open('overview');
    const toggle = () => click(page(), 'header button[aria-pressed]');
    await toggle();
    assert.equal(await page().evaluate(() => document.documentElement.dataset.theme), 'dark');
    const background = await page().evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, 'rgb(18, 20, 23)');
    assert.deepEqual(await axeViolations(page()), []);
    await toggle();
    assert.equal(await page().evaluate(() => document.documentElement.dataset.theme), 'light');
  });

  test('the page made no request to another origin and broke no policy', () => {
    const origin = new URL(server.url).origin;
    const foreign = recorded.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.ok(recorded.requests.some((url) => url.includes('/v1/admin/overview')));
    assert.deepEqual(recorded.problems, []);
  });
});
