// A page with the full demo article and every element (script tag and dist/lede.css, as the CMS
// guide says), against the same content as static HTML, in the same browser: first contentful
// paint, the moment every element is upgraded (and the frame that shows it), layout shift
// (Chromium's CLS, and the direct measure: how far each visible text block moves when the elements
// upgrade) and the JS heap. A third page, the static one with an empty module script, shows what
// any script tag costs before Lede's own code runs.
import { demoPage } from '../scripts/demo-pages.mjs';
import { freshPage, heapAfterGc } from './lib/browser.mjs';
import { instrument, ledeBoxes, textBlocks } from './lib/in-page.mjs';
import { rotation, summarize } from './lib/stats.mjs';

const SCRIPT = '<script type="module" src="/dist/lede.js"></script>';
/** The pre-upgrade styles that the CMS guide tells publishers to link (scripts/build-fallback-css.mjs). */
const FALLBACK_CSS = '<link rel="stylesheet" href="/dist/lede.css" />';
const EMPTY_SCRIPT = '<script type="module" src="/bench/empty.js"></script>';

/** Loads `url` in `tab` (a page reused for every run, cache disabled) and reads what `instrument` recorded. */
async function load(tab, url) {
  await tab.page.bringToFront();
  await tab.page.goto(url, { waitUntil: 'load' });
  await tab.page.waitForFunction(() => window.__bench.painted !== undefined && window.__bench.fcp !== undefined, {
    timeout: 10000,
  });
  const { fcp, ready, painted, cls, longTasks } = await tab.page.evaluate(() => window.__bench);
  const { heap } = await heapAfterGc(tab.page);
  return { fcp, ready, painted, cls, heap, longTasks: longTasks.length, longest: Math.max(0, ...longTasks) };
}

async function openTab(browser, tags, { throttle = 1 } = {}) {
  const tab = await freshPage(browser);
  await tab.page.evaluateOnNewDocument(instrument, tags);
  if (throttle > 1) {
    // A mid-range phone: DevTools' CPU throttling and a phone-sized viewport.
    await tab.page.emulateCPUThrottling(throttle);
    await tab.page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
  }
  return tab;
}

/** The Lede page loaded with the CPU throttled 4×: the long tasks a reader's tap could wait for. */
async function throttled(browser, url, tags, runs) {
  const tab = await openTab(browser, tags, { throttle: 4 });
  await load(tab, url); // warm up
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await load(tab, url));
  await tab.close();
  return results;
}

/** Loads the static page, notes where every text block is, adds the script, and notes again. */
async function upgradeShift(browser, url, tags) {
  const { page, close } = await freshPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  const before = await page.evaluate(textBlocks);
  const boxesBefore = await page.evaluate(ledeBoxes);
  await page.addScriptTag({ url: '/dist/lede.js', type: 'module' });
  await page.evaluate(async (tags) => {
    const present = tags.filter((tag) => document.querySelector(tag));
    await Promise.all(present.map((tag) => customElements.whenDefined(tag)));
    await Promise.all(
      present.flatMap((tag) => [...document.querySelectorAll(tag)].map((element) => element.updateComplete)),
    );
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }, tags);
  const after = new Map((await page.evaluate(textBlocks)).map((block) => [block.key, block]));
  const boxesAfter = await page.evaluate(ledeBoxes);
  await close();
  // Each element's own part of the shift: how much taller or shorter it became at upgrade.
  const boxes = boxesBefore.map((box, i) => ({ tag: box.tag, before: box.height, after: boxesAfter[i]?.height ?? 0 }));
  const moves = [];
  const unmatched = [];
  for (const block of before) {
    const now = after.get(block.key);
    if (!now) {
      unmatched.push(block.text.slice(0, 32));
      continue;
    }
    const dx = now.x - block.x;
    const dy = now.y - block.y;
    // Sub-pixel differences (layout rounding between light and shadow DOM) are recorded, not counted.
    if (Math.abs(dx) > 0.001 || Math.abs(dy) > 0.001)
      moves.push({ text: block.text.slice(0, 48), host: now.host || block.host || 'page', dx, dy });
  }
  return { blocks: before.length, unmatched, moves, boxes };
}

export default async function pageLoad({ browser, server, runs, tags }) {
  const staticUrl = server.page('/bench/page-static.html', demoPage({ title: 'Static' }));
  const ledeUrl = server.page('/bench/page-lede.html', demoPage({ title: 'Lede', head: FALLBACK_CSS + SCRIPT }));
  const cssUrl = server.page(
    '/bench/page-static-css.html',
    demoPage({ title: 'Static with lede.css', head: FALLBACK_CSS }),
  );
  server.file('/bench/empty.js', '');
  const emptyUrl = server.page(
    '/bench/page-empty-script.html',
    demoPage({ title: 'Static with an empty script', head: FALLBACK_CSS + EMPTY_SCRIPT }),
  );
  const urls = { static: staticUrl, lede: ledeUrl, empty: emptyUrl };
  const results = { static: [], lede: [], empty: [] };
  const tabs = {
    static: await openTab(browser, []),
    lede: await openTab(browser, tags),
    empty: await openTab(browser, []),
  };
  for (const which of Object.keys(urls)) await load(tabs[which], urls[which]); // warm up: the server and each tab's first navigation
  for (let i = 0; i < runs; i++) {
    for (const which of rotation(Object.keys(urls), i)) results[which].push(await load(tabs[which], urls[which]));
  }
  await Promise.all(Object.values(tabs).map((tab) => tab.close()));
  const slowRuns = Math.max(3, Math.ceil(runs / 3));
  const slow = await throttled(browser, ledeUrl, tags, slowRuns);
  // The same static page at 4×: the browser's own long tasks (its first style and layout of a long
  // page), which no script runs in and which Lede cannot remove.
  const slowStatic = await throttled(browser, cssUrl, [], slowRuns);
  const pick = (which, key) => summarize(results[which].map((r) => r[key]));
  const shifts = {
    'script only': await upgradeShift(browser, staticUrl, tags),
    'with lede.css': await upgradeShift(browser, cssUrl, tags),
  };
  const maxMove = (shift) => Math.max(0, ...shift.moves.map((m) => Math.max(Math.abs(m.dx), Math.abs(m.dy))));
  /** What a reader can see: moves rounded to whole CSS pixels. */
  const visibleMove = (shift) => Math.round(maxMove(shift));
  const notes = [];
  for (const [variant, shift] of Object.entries(shifts)) {
    notes.push(
      `Upgrade, ${variant}: ${shift.moves.length} of ${shift.blocks} visible text blocks moved; ${shift.unmatched.length} were re-rendered as other text and not compared${shift.unmatched.length ? ` ("${shift.unmatched.join('", "')}")` : ''}.`,
    );
    const byHost = new Map();
    for (const move of shift.moves) {
      const entry = byHost.get(move.host) ?? { count: 0, max: 0, first: move };
      entry.count++;
      entry.max = Math.max(entry.max, Math.abs(move.dy), Math.abs(move.dx));
      byHost.set(move.host, entry);
    }
    const grew = shift.boxes.filter((box) => Math.round(box.after) !== Math.round(box.before));
    if (grew.length)
      notes.push(
        `  Height at upgrade: ${grew.map((box) => `<${box.tag}> ${box.before.toFixed(1)} → ${box.after.toFixed(1)} px`).join('; ')}`,
      );
    for (const [host, e] of byHost)
      notes.push(
        `  ${e.count} block(s) in ${host === 'page' ? 'the page' : `<${host}>`} moved, up to ${e.max.toFixed(2)} px; first: "${e.first.text}" by dx ${e.first.dx.toFixed(2)}, dy ${e.first.dy.toFixed(2)} px`,
      );
  }
  return {
    title: `Page load: the demo article with every element (${tags.join(', ')}) vs the same HTML without script`,
    rows: [
      {
        measure: 'first contentful paint',
        unit: 'ms',
        lede: pick('lede', 'fcp'),
        baseline: pick('static', 'fcp'),
        budget: { ratio: 1.1 },
      },
      {
        measure: 'every element upgraded (baseline: the static page with an empty module script, DOMContentLoaded)',
        unit: 'ms',
        lede: pick('lede', 'ready'),
        baseline: pick('empty', 'ready'),
        budget: { ratio: 1.25 },
      },
      {
        measure: '  against the static page without script (DOMContentLoaded)',
        unit: 'ms',
        lede: pick('lede', 'ready'),
        baseline: pick('static', 'ready'),
        ratio: true,
      },
      {
        measure: 'long tasks (over 50 ms) per load',
        unit: '',
        digits: 0,
        lede: pick('lede', 'longTasks'),
        baseline: pick('static', 'longTasks'),
        budget: { max: 0 },
      },
      {
        measure: '  the longest task of a load',
        unit: 'ms',
        lede: pick('lede', 'longest'),
        baseline: pick('static', 'longest'),
      },
      {
        measure: 'long tasks (over 50 ms) per load, CPU throttled 4×, 390 px wide',
        unit: '',
        digits: 0,
        lede: summarize(slow.map((r) => r.longTasks)),
        baseline: summarize(slowStatic.map((r) => r.longTasks)),
      },
      {
        // The budget: no long task that the static page does not have (medians of the two).
        measure: '  long tasks per load at 4× more than the static page with lede.css has',
        unit: '',
        digits: 0,
        lede: summarize([
          summarize(slow.map((r) => r.longTasks)).median - summarize(slowStatic.map((r) => r.longTasks)).median,
        ]),
        budget: { max: 0 },
      },
      {
        measure: '  the longest task of a load, CPU throttled 4×',
        unit: 'ms',
        lede: summarize(slow.map((r) => r.longest)),
        baseline: summarize(slowStatic.map((r) => r.longest)),
      },
      {
        measure: '  every element upgraded, CPU throttled 4×',
        unit: 'ms',
        lede: summarize(slow.map((r) => r.ready)),
      },
      {
        measure: '  the frame that shows it, painted (static: the first frame after DOMContentLoaded)',
        unit: 'ms',
        lede: pick('lede', 'painted'),
        baseline: pick('static', 'painted'),
        ratio: true,
      },
      {
        measure: '  for comparison: the static page with an empty module script, DOMContentLoaded',
        unit: 'ms',
        lede: pick('empty', 'ready'),
        baseline: pick('static', 'ready'),
        ratio: true,
      },
      {
        measure: 'layout shift (Chromium CLS)',
        unit: '',
        digits: 4,
        lede: pick('lede', 'cls'),
        baseline: pick('static', 'cls'),
        budget: { max: 0 },
      },
      {
        measure: 'JS heap after GC',
        unit: 'KB',
        digits: 0,
        lede: summarize(results.lede.map((r) => r.heap / 1024)),
        baseline: summarize(results.static.map((r) => r.heap / 1024)),
      },
      // The CMS guide links lede.css before the script: that is the page the budget is for. Without
      // it the fallback children are laid out unstyled first, and no script can keep them in place.
      ...Object.entries(shifts).map(([variant, shift]) => ({
        measure: `text moved on upgrade, ${variant} (max of ${shift.blocks} blocks, whole px)`,
        unit: 'px',
        digits: 0,
        lede: summarize([visibleMove(shift)]),
        budget: variant === 'with lede.css' ? { max: 0 } : undefined,
      })),
    ],
    notes,
  };
}
