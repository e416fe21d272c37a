// 200 <lede-key-points> on one page against the same 200 lists as static HTML, in the same
// browser. The budget: the elements "render within 1.5× the same lists": rendered means on screen, so the
// budget is on the frame that shows them (Lede: the first frame after every element rendered;
// static: the first frame after DOMContentLoaded, when the lists are parsed). The moment the
// elements have rendered into their shadow roots (static: DOMContentLoaded), a page with an empty
// module script (what any script tag costs) and first contentful paint are shown beside it.
import { freshPage } from './lib/browser.mjs';
import { instrument } from './lib/in-page.mjs';
import { rotation, summarize } from './lib/stats.mjs';

const COUNT = 200;
const list = (i) => `<ul>
  <li><strong>Point ${i}a:</strong> About 4,200 people work in port operations across the two towns.</li>
  <li><strong>Point ${i}b:</strong> A 310 million channel loan binds both councils until 2044.</li>
  <li>Three other coastal regions are studying the pact before striking deals of their own.</li>
</ul>`;
const page = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>200 lists</title>${head}</head><body>${body}</body></html>`;

async function load(tab, url) {
  await tab.page.bringToFront();
  await tab.page.goto(url, { waitUntil: 'load' });
  await tab.page.waitForFunction(() => window.__bench.painted !== undefined && window.__bench.fcp !== undefined, {
    timeout: 10000,
  });
  return tab.page.evaluate(() => ({
    ...window.__bench,
    rendered: [...document.querySelectorAll('lede-key-points')].filter((el) => el.shadowRoot?.querySelector('li'))
      .length,
  }));
}

export default async function manyKeyPoints({ browser, server, runs }) {
  const lists = Array.from({ length: COUNT }, (_, i) => list(i));
  const staticUrl = server.page('/bench/many-static.html', page(lists.join('\n')));
  const ledeUrl = server.page(
    '/bench/many-lede.html',
    page(
      lists.map((l) => `<lede-key-points>${l}</lede-key-points>`).join('\n'),
      '<script type="module" src="/dist/lede.js"></script>',
    ),
  );
  server.file('/bench/empty.js', '');
  const emptyUrl = server.page(
    '/bench/many-empty-script.html',
    page(lists.join('\n'), '<script type="module" src="/bench/empty.js"></script>'),
  );
  const urls = { static: staticUrl, lede: ledeUrl, empty: emptyUrl };
  const results = { static: [], lede: [], empty: [] };
  const tabs = { static: await freshPage(browser), lede: await freshPage(browser), empty: await freshPage(browser) };
  for (const tab of Object.values(tabs)) await tab.page.evaluateOnNewDocument(instrument, ['lede-key-points']);
  for (const which of Object.keys(urls)) await load(tabs[which], urls[which]); // warm up
  for (let i = 0; i < runs; i++) {
    for (const which of rotation(Object.keys(urls), i)) {
      const result = await load(tabs[which], urls[which]);
      if (which === 'lede' && result.rendered !== COUNT)
        throw new Error(`only ${result.rendered} of ${COUNT} key-points rendered`);
      results[which].push(result);
    }
  }
  await Promise.all(Object.values(tabs).map((tab) => tab.close()));
  const pick = (which, key) => summarize(results[which].map((r) => r[key]));
  return {
    title: `${COUNT} <lede-key-points> vs the same ${COUNT} lists as static HTML`,
    rows: [
      {
        measure: `${COUNT} elements rendered, the frame that shows them painted (static: the first frame after DOMContentLoaded)`,
        unit: 'ms',
        lede: pick('lede', 'painted'),
        baseline: pick('static', 'painted'),
        budget: { ratio: 1.5 },
      },
      {
        measure: `  ${COUNT} elements rendered into their shadow roots (static: DOMContentLoaded)`,
        unit: 'ms',
        lede: pick('lede', 'ready'),
        baseline: pick('static', 'ready'),
        ratio: true,
      },
      {
        measure: '  for comparison: the static lists with an empty module script, painted',
        unit: 'ms',
        lede: pick('empty', 'painted'),
        baseline: pick('static', 'painted'),
        ratio: true,
      },
      { measure: 'first contentful paint', unit: 'ms', lede: pick('lede', 'fcp'), baseline: pick('static', 'fcp') },
    ],
  };
}
