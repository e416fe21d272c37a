// 10,000 connect/disconnect cycles of every element, in every configuration (including the ones
// that fetch: a removed element aborts what it fetched), then the retained JS heap, DOM nodes and
// event listeners after garbage collection. A new element each cycle; for key points also the same
// element moved in and out (with a new `points` value each time, so it re-renders). Loaded through
// the script-tag loader, as publishers do.
//
// The budget is on the JS objects a heap snapshot holds (what a leak of Lede's own would grow), with
// DOM nodes and listeners; V8's compiled code (it keeps optimizing functions that got hot during the
// run) and the browser's own objects (performance-timeline entries, DevTools' network records,
// style) are printed beside it, as is the JS heap in use, which counts the compiled code.
// `CYCLES_ONLY=story node bench/run.mjs connect-cycles`: only the configurations whose name has that text.
import { readFileSync } from 'node:fs';
import { freshPage, heapAfterGc, heapGrowthByName, heapSnapshotSummary } from './lib/browser.mjs';
import { summarize } from './lib/stats.mjs';

const CYCLES = 10_000;
/** Retained growth allowed per 10,000 cycles: far below one leaked object per cycle (~160 KB). */
const MAX_GROWTH_KB = 64;

const LIST = '<ul><li><strong>Jobs:</strong> 4,200 people.</li><li><strong>Debt:</strong> Until 2044.</li></ul>';
const CONFIGS = [
  {
    name: '<lede-key-points> from children, the same element',
    html: `<lede-key-points>${LIST}</lede-key-points>`,
    same: true,
  },
  { name: '<lede-key-points> from children', html: `<lede-key-points>${LIST}</lede-key-points>` },
  {
    name: '<lede-article> from children',
    html: '<lede-article headline="H" toc reading-time><h2>A</h2><p>Text.</p></lede-article>',
  },
  {
    name: '<lede-article> content',
    html: '<lede-article></lede-article>',
    content: '<h2>A</h2><p>Text <a href="https://example.org/">x</a>.</p>',
  },
  { name: '<lede-article src>', html: '<lede-article src="/bench/cycles-fragment.html"></lede-article>' },
  { name: '<lede-scenarios> from children', html: `<lede-scenarios>${LIST}</lede-scenarios>` },
  {
    name: '<lede-scenarios vote-endpoint>, a reader who voted (counts GET)',
    html: `<lede-scenarios vote-endpoint="/api/votes" article-id="cycles">${LIST}</lede-scenarios>`,
    vote: 'cycles',
  },
  {
    name: '<lede-comment-prompt> with share links',
    html: '<lede-comment-prompt prompt="Why?" comments-href="#c" share="x bluesky email copy"></lede-comment-prompt>',
  },
  {
    name: '<lede-comment-prompt count-src>',
    html: '<lede-comment-prompt count-src="/api/comments/count?articleId=cycles"></lede-comment-prompt>',
  },
  {
    name: '<lede-comment-count src> (the batched counts)',
    html: '<lede-comment-count src="/api/comments/counts" article-id="cycles">Comments</lede-comment-count>',
  },
  {
    name: '<lede-newsletter action>',
    html: '<lede-newsletter action="/api/signup" consent="Yes, send me the newsletter."></lede-newsletter>',
  },
  { name: '<lede-story src>', html: '<lede-story src="/demo/article.json"></lede-story>' },
  { name: '<lede-story> document with every part', html: '<lede-story></lede-story>', story: true },
];

/** Runs in the page: `count` cycles of `config`; the average time per cycle in ms. */
function cycles(config, count, documentJson) {
  const host = document.querySelector('#host');
  if (config.vote) localStorage.setItem(`lede-vote:${config.vote}`, 'jobs');
  const make = () => {
    const template = document.createElement('template');
    template.innerHTML = config.html;
    const element = document.importNode(template.content.firstElementChild, true);
    if (config.content) element.content = config.content;
    if (config.story) element.document = JSON.parse(documentJson);
    return element;
  };
  const same = make();
  const settled = async (element) => {
    await customElements.whenDefined(element.localName);
    await element.updateComplete;
    // A story's parts: each rendered too.
    const parts = element.localName === 'lede-story' ? element.shadowRoot.querySelectorAll('[part="base"] > *') : [];
    for (const part of parts) {
      await customElements.whenDefined(part.localName);
      await part.updateComplete;
    }
  };
  return (async () => {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const element = config.same ? same : make();
      host.append(element);
      if (config.same) element.points = [{ title: 'Cycle', text: String(i) }];
      await settled(element);
      element.remove();
    }
    return (performance.now() - start) / count;
  })();
}

async function measure(browser, url, config, documentJson) {
  const { page, close } = await freshPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(cycles, config, 500, documentJson); // warm up: chunks loaded, compiled code, Lit's template cache
  const before = await heapAfterGc(page);
  const snapshotBefore = await heapSnapshotSummary(page);
  const perCycle = await page.evaluate(cycles, config, CYCLES, documentJson);
  const after = await heapAfterGc(page);
  const snapshotAfter = await heapSnapshotSummary(page);
  await close();
  const growth = (kind) => (snapshotAfter[kind].bytes - snapshotBefore[kind].bytes) / 1024;
  return {
    perCycle,
    heap: (after.heap - before.heap) / 1024,
    objects: growth('objects'),
    code: growth('code'),
    browser: growth('browser'),
    largest: heapGrowthByName(snapshotBefore, snapshotAfter, 3),
    nodes: after.nodes - before.nodes,
    listeners: after.listeners - before.listeners,
  };
}

export default async function connectCycles({ browser, server }) {
  const url = server.page(
    '/bench/cycles.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cycles</title><script type="module" src="/dist/lede.js"></script></head><body><div id="host"></div></body></html>',
  );
  server.page('/bench/cycles-fragment.html', '<h2>Fetched</h2><p>A fragment.</p>');
  const documentJson = readFileSync('demo/article.json', 'utf8');
  const rows = [];
  const notes = [];
  for (const config of CONFIGS.filter((c) => c.name.includes(process.env.CYCLES_ONLY ?? ''))) {
    const result = await measure(browser, url, config, documentJson);
    rows.push(
      {
        measure: `${config.name}: retained JS objects (heap snapshot)`,
        unit: 'KB',
        lede: summarize([result.objects]),
        budget: { max: MAX_GROWTH_KB },
      },
      {
        measure: `  retained DOM nodes + listeners`,
        unit: '',
        digits: 0,
        lede: summarize([result.nodes + result.listeners]),
        budget: { max: 0 },
      },
      { measure: `  JS heap in use (V8, compiled code included)`, unit: 'KB', lede: summarize([result.heap]) },
      { measure: `  V8 compiled code and its metadata`, unit: 'KB', lede: summarize([result.code]) },
      {
        measure: `  the browser's own objects (style, timeline, DevTools)`,
        unit: 'KB',
        lede: summarize([result.browser]),
      },
      { measure: `  time per cycle`, unit: 'µs', digits: 1, lede: summarize([result.perCycle * 1000]) },
    );
    notes.push(
      `${config.name}, largest changes: ${result.largest.map(([key, bytes, count]) => `${key} ${(bytes / 1024).toFixed(1)} KB (${count})`).join('; ')}`,
    );
  }
  return {
    title: `${CYCLES.toLocaleString('en')} connect/disconnect cycles of every element and configuration (one run each)`,
    rows,
    notes,
  };
}
