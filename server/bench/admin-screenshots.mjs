// `npm run docs:admin`: screenshots of the dashboard for docs/admin/, from the real app. lede-server
// runs on a fresh embedded database holding a year of signups and votes (bulk-inserted, as the admin
// bench does, at a smaller size) plus a few signups made through the public routes; headless
// Chromium signs in and photographs each view, light and dark, wide and narrow.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureServerBuilt, startLedeServer } from '../../scripts/lede-server.mjs';
import { click, deep, launchBrowser, recordingPage, type, waitUntil } from '../test/admin-browser.mjs';
import { SEED_ENV, SITE, seedThroughRoutes } from '../test/admin-seed.mjs';
import { WEBHOOK_SECRET, startWebhook } from '../test/stubs/email/webhook.mjs';
import { bulkData, seedSqlite } from './admin-seed-data.mjs';

const OUT = join(ROOT, 'docs', 'admin');
const ADMIN_TOKEN = randomBytes(18).toString('base64url');
const ARTICLES = ['port-pact', 'harbour-budget', 'ferry-strike', 'dune-housing', 'bridge-tolls', 'fish-quota'];

ensureServerBuilt();
mkdirSync(OUT, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'lede-admin-shots-'));
// The publisher's webhook (the forwarders' test receiver) refuses the first forward of a "bad-" address once.
const webhook = await startWebhook();
const env = {
  ...SEED_ENV,
  LEDE_DATA_DIR: dataDir,
  ADMIN_TOKEN,
  ALLOWED_ORIGINS: SITE,
  FORWARDERS: JSON.stringify([
    { service: 'webhook', lists: ['weekly'], url: `${webhook.url}/hooks/lede`, secret: WEBHOOK_SECRET },
  ]),
  DATABASE_URL: undefined,
  SMTP_URL: undefined,
};
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let server;
let browser;
try {
  await (await startLedeServer({ env: { ...env, LOG_LEVEL: 'silent' } })).stop();
  await seedSqlite(
    dataDir,
    bulkData({ subscribers: 2400, votes: 18_000, articles: ARTICLES.length, articleIds: ARTICLES }),
  );
  server = await startLedeServer({ env });
  await seedThroughRoutes({
    url: server.url,
    mailDir: join(dataDir, 'mail'),
    signups: [
      { email: 'ada.lovelace@example.org', list: 'weekly', then: 'confirm' },
      { email: 'grace.hopper@example.org', list: 'daily' },
      { email: 'bad-address@example.org', list: 'weekly', then: 'confirm' },
    ],
    votes: [],
  });
  for (const [i, articleId] of ARTICLES.entries()) {
    await fetch(`${server.url}/v1/comments/count`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ articleId, count: [23, 41, 7, 0, 12, 3][i] }),
    });
  }
  await waitForFailedForward(server.url);

  browser = await launchBrowser();
  const { page } = await recordingPage(browser, { width: 1200, height: 900 });
  const shot = async (name) => {
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    console.log(`docs/admin/${name}.png`);
  };
  const ready = (view) =>
    waitUntil(
      page,
      (name) => {
        const root = document.querySelector('lede-admin')?.shadowRoot?.querySelector(`lede-admin-${name}`)?.shadowRoot;
        return root && !root.textContent.includes('Loading…') && root.querySelector('h2 ~ *');
      },
      view,
    );
  const open = async (view) => {
    await page.evaluate((name) => (location.hash = name), view);
    await deep(page, `lede-admin-${view} >>> h2`);
    await ready(view);
  };

  await page.goto(`${server.url}/admin/`);
  await deep(page, 'input[name=token]');
  await shot('sign-in');
  await type(page, 'input[name=token]', ADMIN_TOKEN);
  await click(page, 'form.login button[type=submit]');
  await open('overview');
  await shot('overview-light');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot('overview-dark');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);

  await open('subscribers');
  await type(page, 'input[name=q]', 'ada');
  await page.keyboard.press('Enter');
  await waitUntil(page, () =>
    document
      .querySelector('lede-admin')
      .shadowRoot.querySelector('lede-admin-subscribers')
      .shadowRoot.querySelector('tbody th')
      ?.textContent.includes('ada.lovelace'),
  );
  await click(page, 'lede-admin-subscribers >>> details summary');
  await shot('subscribers');
  await click(page, '[data-erase="ada.lovelace@example.org"]');
  await shot('subscribers-erase');

  await open('predictions');
  await click(page, 'lede-admin-predictions >>> section button');
  await deep(page, 'lede-admin-predictions >>> figure svg');
  await shot('predictions');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot('predictions-dark');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);

  await open('comments');
  await shot('comments');
  await open('forwarding');
  await shot('forwarding');

  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
  await open('overview');
  await shot('overview-narrow');
} finally {
  await browser?.close();
  await server?.stop();
  await webhook.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForFailedForward(url) {
  for (let tries = 0; tries < 100; tries++) {
    const summary = await (await fetch(`${url}/v1/admin/forwarding/summary`, { headers: auth })).json();
    if (summary.failed > 0) return;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error('the refused forward did not fail');
}
