// 10,000 connect/disconnect cycles of <lede-key-points>, then the retained JS heap, DOM nodes and
// event listeners after garbage collection: the same element moved in and out (with a new
// `points` value each time, so it re-renders), and a new element each cycle.
import { freshPage, heapAfterGc } from './lib/browser.mjs';
import { summarize } from './lib/stats.mjs';

const CYCLES = 10_000;
/** Retained growth allowed per 10,000 cycles: far below one leaked object per cycle (~160 KB). */
const MAX_GROWTH_KB = 64;

function cycles(mode, count) {
  const host = document.querySelector('#host');
  const make = () => {
    const template = document.createElement('template');
    template.innerHTML =
      '<lede-key-points><ul><li><strong>Jobs:</strong> 4,200 people.</li><li>Plain point.</li></ul></lede-key-points>';
    return template.content.firstElementChild;
  };
  const same = make();
  return (async () => {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const element = mode === 'same' ? same : make();
      host.append(element);
      if (mode === 'same') element.points = [{ title: 'Cycle', text: String(i) }];
      await element.updateComplete;
      element.remove();
    }
    return (performance.now() - start) / count;
  })();
}

async function measure(browser, url, mode) {
  const { page, close } = await freshPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(cycles, mode, 1000); // warm up: compiled code, caches, Lit's template cache
  const before = await heapAfterGc(page);
  const perCycle = await page.evaluate(cycles, mode, CYCLES);
  const after = await heapAfterGc(page);
  await close();
  return {
    perCycle,
    growth: (after.heap - before.heap) / 1024,
    nodes: after.nodes - before.nodes,
    listeners: after.listeners - before.listeners,
  };
}

export default async function connectCycles({ browser, server, runs }) {
  const url = server.page(
    '/bench/cycles.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cycles</title><script type="module" src="/dist/lede.js"></script></head><body><div id="host"></div></body></html>',
  );
  const rounds = Math.max(3, Math.ceil(runs / 5));
  const rows = [];
  for (const mode of ['same', 'new']) {
    const results = [];
    for (let i = 0; i < rounds; i++) results.push(await measure(browser, url, mode));
    const label = mode === 'same' ? 'same element, re-rendered' : 'a new element each cycle';
    rows.push(
      {
        measure: `${CYCLES.toLocaleString('en')} cycles, ${label}: retained heap`,
        unit: 'KB',
        lede: summarize(results.map((r) => r.growth)),
        budget: { max: MAX_GROWTH_KB },
      },
      {
        measure: `  retained DOM nodes / listeners`,
        unit: '',
        digits: 0,
        lede: summarize(results.map((r) => r.nodes + r.listeners)),
        budget: { max: 0 },
      },
      { measure: `  time per cycle`, unit: 'µs', digits: 1, lede: summarize(results.map((r) => r.perCycle * 1000)) },
    );
  }
  return { title: `${CYCLES.toLocaleString('en')} connect/disconnect cycles of <lede-key-points>`, rows };
}
