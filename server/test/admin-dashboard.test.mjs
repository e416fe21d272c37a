// The publisher's dashboard at /admin/ in real headless Chromium, against the real lede-server on
// its embedded database, seeded through the public routes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, startLede, tempDir } from './helpers.mjs';
import { SEED, SEED_ENV, seedThroughRoutes } from './admin-seed.mjs';
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

describe('the dashboard at /admin/', () => {
  let server;
  let data;
  let browser;
  let recorded;

  before(async () => {
    data = tempDir();
    server = await startLede(SEED_ENV, { cwd: data.dir });
    await seedThroughRoutes({ url: server.url, mailDir: join(server.dir, 'lede-data', 'mail'), ...SEED });
    browser = await launchBrowser();
    recorded = await recordingPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
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
    const e = SEED.expected;
    assert.equal(await deepText(page(), '[data-stat=confirmed]'), String(e.confirmed));
    assert.equal(await deepText(page(), '[data-stat=pending]'), String(e.pending));
    assert.equal(await deepText(page(), '[data-stat=unsubscribed]'), String(e.unsubscribed));
    assert.equal(await deepText(page(), '[data-stat=rate]'), '50%');
    assert.equal(await deepText(page(), '[data-stat=votes]'), String(e.votes));
    assert.match(await deepText(page(), '#signups-summary'), /^4 signups in the last 30 days/);
    assert.match(await deepText(page(), '#votes-summary'), /^6 votes in the last 30 days/);
  });

  test('a reload keeps the session; the token survives only in this tab', async () => {
    await page().reload();
    await open('overview');
    assert.equal(await deepText(page(), '[data-stat=confirmed]'), '1');
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
    assert.equal(emails.length, 3);
  });

  test('predictions show votes per scenario with percentages', async () => {
    await open('predictions');
    const table = await deepText(page(), 'lede-admin-predictions >>> section');
    assert.match(table, /port-pact/);
    assert.match(table, /5 readers voted\. Most \(60%\) chose “rival-hubs”/);
    assert.match(table, /joint-hub 2 40%/);
  });

  test('comments and forwarding show their data, or say this server has none, without an error', async () => {
    for (const view of ['comments', 'forwarding']) {
      await open(view);
      const text = await deepText(page(), `lede-admin-${view} >>> h2 ~ *`);
      const has = (selector) =>
        page().evaluate(
          (name, css) =>
            document
              .querySelector('lede-admin')
              .shadowRoot.querySelector(`lede-admin-${name}`)
              .shadowRoot.querySelector(css) !== null,
          view,
          selector,
        );
      assert.equal(await has('.error'), false, `${view}: no error (${text})`);
      assert.ok((await has('[data-state=unsupported]')) || (await has('table')), `${view}: its data or "unsupported"`);
    }
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
