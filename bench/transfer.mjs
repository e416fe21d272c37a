// What a page downloads through the script tag: the JavaScript bytes on the wire (gzip, as the bench
// server sends it) and the files, read from Resource Timing once every element on the page has
// rendered. Bytes do not depend on how loaded the machine is, so one load per page is enough.
import { demoPage } from '../scripts/demo-pages.mjs';
import { freshPage } from './lib/browser.mjs';
import { instrument, scriptTransfer } from './lib/in-page.mjs';
import { summarize } from './lib/stats.mjs';

const LOADER = '<script type="module" src="/dist/lede.js"></script>';
const CSS = '<link rel="stylesheet" href="/dist/lede.css" />';
const KEY_POINTS = `<main><lede-key-points heading="Why this matters"><ul>
  <li><strong>Jobs:</strong> About 4,200 people work in port operations.</li>
  <li><strong>Shared debt:</strong> The channel loan runs until 2044.</li>
</ul></lede-key-points></main>`;

const PAGES = [
  { name: 'a page with key points only, loader', main: KEY_POINTS, head: LOADER, budget: 10 },
  { name: 'the full demo article from HTML children, loader', head: LOADER, budget: 20 },
  {
    name: 'a story from src with every part, loader',
    main: '<main><lede-story src="/demo/article.json"></lede-story></main>',
    head: LOADER,
    tags: ['lede-story', 'lede-article', 'lede-key-points'],
  },
  {
    name: 'the full demo article, single-file dist/lede.bundle.js',
    head: '<script type="module" src="/dist/lede.bundle.js"></script>',
    budget: 30,
  },
];

async function measure(browser, url, tags) {
  const { page, close } = await freshPage(browser);
  await page.evaluateOnNewDocument(instrument, tags);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.ready !== undefined, { timeout: 20000 });
  // A story's parts arrive after its document: wait until every Lede element in its shadow root rendered.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('lede-story')].every((story) => {
        const parts = [...(story.shadowRoot?.querySelectorAll('[part="base"] > *') ?? [])];
        return parts.length > 0 && parts.every((part) => part.shadowRoot?.firstElementChild);
      }),
    { timeout: 20000 },
  );
  const transfer = await page.evaluate(scriptTransfer);
  await close();
  return transfer;
}

export default async function transfer({ browser, server, tags }) {
  const rows = [];
  const notes = [];
  for (const [i, page] of PAGES.entries()) {
    const url = server.page(
      `/bench/transfer-${i}.html`,
      demoPage({ title: page.name, head: CSS + page.head, ...(page.main ? { main: page.main } : {}) }),
    );
    const { bytes, files } = await measure(browser, url, page.tags ?? tags);
    rows.push({
      measure: `${page.name}: JavaScript transferred (gzip), ${files.length} files`,
      unit: 'KB',
      digits: 2,
      lede: summarize([bytes / 1000]),
      budget: page.budget === undefined ? undefined : { max: page.budget },
    });
    notes.push(`${page.name}: ${files.join(', ')}`);
  }
  return { title: 'JavaScript a page downloads (bytes on the wire; the same on a loaded machine)', rows, notes };
}
