// 200 <lede-key-points> on one page against the same 200 lists as static HTML, in the same
// browser: the moment the page is ready (every element rendered; static: DOMContentLoaded) and
// the first contentful paint.
import { freshPage } from './lib/browser.mjs';
import { instrument } from './lib/in-page.mjs';
import { summarize } from './lib/stats.mjs';

const COUNT = 200;
const list = (i) => `<ul>
  <li><strong>Point ${i}a:</strong> About 4,200 people work in port operations across the two towns.</li>
  <li><strong>Point ${i}b:</strong> A 310 million channel loan binds both councils until 2044.</li>
  <li>Three other coastal regions are studying the pact before striking deals of their own.</li>
</ul>`;
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>200 lists</title>${head}</head><body>${body}</body></html>`;

async function load(tab, url) {
  await tab.page.bringToFront();
  await tab.page.goto(url, { waitUntil: 'load' });
  await tab.page.waitForFunction(() => window.__bench.ready !== undefined && window.__bench.fcp !== undefined, { timeout: 10000 });
  return tab.page.evaluate(() => ({ ...window.__bench, rendered: [...document.querySelectorAll('lede-key-points')].filter((el) => el.shadowRoot?.querySelector('li')).length }));
}

export default async function manyKeyPoints({ browser, server, runs }) {
  const lists = Array.from({ length: COUNT }, (_, i) => list(i));
  const staticUrl = server.page('/bench/many-static.html', page(lists.join('\n')));
  const ledeUrl = server.page('/bench/many-lede.html', page(lists.map((l) => `<lede-key-points>${l}</lede-key-points>`).join('\n'), '<script type="module" src="/dist/lede.js"></script>'));
  const results = { static: [], lede: [] };
  const tabs = { static: await freshPage(browser), lede: await freshPage(browser) };
  for (const tab of Object.values(tabs)) await tab.page.evaluateOnNewDocument(instrument, ['lede-key-points']);
  const urls = { static: staticUrl, lede: ledeUrl };
  for (const which of ['static', 'lede']) await load(tabs[which], urls[which]); // warm up
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['lede', 'static'] : ['static', 'lede']) {
      const result = await load(tabs[which], urls[which]);
      if (which === 'lede' && result.rendered !== COUNT) throw new Error(`only ${result.rendered} of ${COUNT} key-points rendered`);
      results[which].push(result);
    }
  }
  await Promise.all(Object.values(tabs).map((tab) => tab.close()));
  const pick = (which, key) => summarize(results[which].map((r) => r[key]));
  return {
    title: `${COUNT} <lede-key-points> vs the same ${COUNT} lists as static HTML`,
    rows: [
      { measure: `${COUNT} elements rendered (static: DOMContentLoaded)`, unit: 'ms', lede: pick('lede', 'ready'), baseline: pick('static', 'ready'), budget: { ratio: 2 } },
      { measure: 'first contentful paint', unit: 'ms', lede: pick('lede', 'fcp'), baseline: pick('static', 'fcp') },
    ],
  };
}
