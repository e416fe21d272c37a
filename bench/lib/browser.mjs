// Launches the machine's Chromium (scripts/browser.mjs) with puppeteer-core: no browser download.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findBrowser } from '../../scripts/browser.mjs';

export async function launchBrowser() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium or Chrome found: set CHROME_PATH (see README).');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROME_ARGS, '--js-flags=--expose-gc'],
    // 10,000 cycles of a story take minutes on a loaded machine: more than puppeteer's 3 minutes.
    protocolTimeout: 20 * 60_000,
  });
}

/** A fresh page in its own browser context (no shared cache or memory), 1280×800. */
export async function freshPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.setCacheEnabled(false);
  page.on('pageerror', (error) => console.warn(`  page error: ${error.message}`));
  return { page, close: () => context.close() };
}

/** The JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { heap: usedSize, nodes, listeners: jsEventListeners };
}

/**
 * A heap snapshot, summed by what holds the bytes: `objects` (what scripts allocate: objects,
 * closures, arrays, strings…), `code` (V8's compiled code and its metadata: bytecode, optimized
 * code, feedback), `browser` (Blink's own objects: DOM, style, performance-timeline entries,
 * DevTools' network records). Each as { bytes, count }, and `byName` for a diff.
 */
export async function heapSnapshotSummary(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.send('HeapProfiler.disable');
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join(''));
  const {
    node_fields: fields,
    node_types: [types],
  } = snapshot.snapshot.meta;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const summary = { objects: { bytes: 0, count: 0 }, code: { bytes: 0, count: 0 }, browser: { bytes: 0, count: 0 } };
  const byName = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    const name = snapshot.strings[snapshot.nodes[i + nameAt]];
    const size = snapshot.nodes[i + sizeAt];
    // V8's own bookkeeping shows as native `system / …` (the WeakArrayLists of compiled code…).
    const kind =
      type === 'code' || (type === 'native' && name.startsWith('system / '))
        ? 'code'
        : type === 'native'
          ? 'browser'
          : 'objects';
    summary[kind].bytes += size;
    summary[kind].count++;
    const key = `${kind} ${type}:${name.slice(0, 60)}`;
    const entry = byName.get(key) ?? byName.set(key, { bytes: 0, count: 0 }).get(key);
    entry.bytes += size;
    entry.count++;
  }
  return { ...summary, byName };
}

/** The largest differences between two heap snapshot summaries, by name: `[key, bytes, count]`. */
export function heapGrowthByName(before, after, top = 5) {
  const rows = [];
  for (const [key, { bytes, count }] of after.byName) {
    const old = before.byName.get(key) ?? { bytes: 0, count: 0 };
    if (bytes !== old.bytes) rows.push([key, bytes - old.bytes, count - old.count]);
  }
  for (const [key, { bytes, count }] of before.byName) if (!after.byName.has(key)) rows.push([key, -bytes, -count]);
  return rows.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, top);
}
