// Where the long tasks of a page load go: loads the demo article page (or 200 key points) through
// the script-tag loader with a Chromium trace, CPU throttled like a phone, and prints every task over
// 50 ms with its time by trace event (style recalculation, layout, module evaluation, each script
// function call…) and the JavaScript functions with the most self time in it (from the trace's
// CPU samples).
//
//   node bench/lib/profile-long-tasks.mjs                  # the demo page, 4× throttled, 390 px, 3 loads
//   node bench/lib/profile-long-tasks.mjs --page many --throttle 1 --loads 5
import { demoPage } from '../../scripts/demo-pages.mjs';
import { launchBrowser, freshPage } from './browser.mjs';
import { startServer } from './server.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const which = arg('page', 'demo');
const throttle = Number(arg('throttle', 4));
const loads = Number(arg('loads', 3));
const LONG_MS = 50;

const browser = await launchBrowser();
const server = await startServer();
const head = '<link rel="stylesheet" href="/dist/lede.css" /><script type="module" src="/dist/lede.js"></script>';
const list = (i) =>
  `<lede-key-points><ul><li><strong>Point ${i}a:</strong> About 4,200 people work in port operations.</li><li><strong>Point ${i}b:</strong> A 310 million channel loan.</li><li>Three other coastal regions are studying the pact.</li></ul></lede-key-points>`;
const url =
  which === 'many'
    ? server.page(
        '/bench/profile-many.html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>200</title>${head}</head><body>${Array.from({ length: 200 }, (_, i) => list(i)).join('\n')}</body></html>`,
      )
    : server.page('/bench/profile-demo.html', demoPage({ title: 'Lede', head }));

const { page, close } = await freshPage(browser);
if (throttle > 1) {
  await page.emulateCPUThrottling(throttle);
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
}
await page.goto(url, { waitUntil: 'load' }); // warm up: the server's gzip cache, the tab's first navigation

/** Self time by name of `events` (complete events of one thread), within [start, end]. */
function selfTimes(events, start, end) {
  const inside = events
    .filter((e) => e.ts >= start && e.ts + e.dur <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = new Map();
  const stack = [];
  for (const event of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) totals.set(parent.key, (totals.get(parent.key) ?? 0) - event.dur);
    const key = event.key;
    totals.set(key, (totals.get(key) ?? 0) + event.dur);
    stack.push(event);
  }
  return totals;
}

const keyOf = (e) => {
  const data = e.args?.data ?? e.args?.beginData ?? {};
  if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule')
    return `${e.name} ${String(data.url ?? data.functionName ?? '').replace(/^.*\/(dist|bench)\//, '')}${data.functionName ? ` ${data.functionName}` : ''}`;
  if (e.name === 'EventDispatch' || e.name === 'TimerFire') return `${e.name} ${data.type ?? ''}`;
  return e.name;
};

for (let load = 0; load < loads; load++) {
  await page.tracing.start({
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'disabled-by-default-v8.cpu_profiler',
      'blink.user_timing',
      'toplevel',
    ],
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        // Quiet for 500 ms: every first render has run.
        let last = performance.now();
        new PerformanceObserver(() => (last = performance.now())).observe({ type: 'longtask', buffered: true });
        const check = () => (performance.now() - last > 500 ? resolve() : setTimeout(check, 100));
        setTimeout(check, 300);
      }),
  );
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  const events = trace.traceEvents;
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((t) => t.pid === e.pid && t.name === 'ParseHTML'),
  );
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  for (const e of thread) e.key = keyOf(e);
  const tasks = thread
    .filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur / 1000 > LONG_MS)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
    // The outermost task only (a RunTask holds a ThreadControllerImpl::RunTask of the same work).
    .filter((e, i, all) => !all.some((o, j) => j < i && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
  // CPU samples: ProfileChunk events carry nodes and samples with time deltas.
  const nodes = new Map();
  const samples = [];
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === main.pid)) {
    const chunk = e.args.data.cpuProfile ?? {};
    for (const node of chunk.nodes ?? []) nodes.set(node.id, node);
    let ts =
      samples.at(-1)?.ts ??
      events.find((x) => x.name === 'Profile' && x.pid === main.pid && x.id === e.id)?.args.data.startTime ??
      0;
    (chunk.samples ?? []).forEach((id, i) => {
      ts += e.args.data.timeDeltas[i];
      samples.push({ id, ts });
    });
  }
  const navigation = thread.find((e) => e.name === 'ParseHTML')?.ts ?? 0;
  console.log(`\nload ${load + 1}: ${tasks.length} task(s) over ${LONG_MS} ms (CPU ${throttle}×)`);
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const totals = [...selfTimes(thread, task.ts, end)].filter(([, t]) => t > 1000).sort((a, b) => b[1] - a[1]);
    console.log(`  task at ${((task.ts - navigation) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms:`);
    for (const [key, t] of totals.slice(0, 8)) console.log(`    ${(t / 1000).toFixed(1).padStart(7)} ms  ${key}`);
    const fns = new Map();
    for (let i = 1; i < samples.length; i++) {
      const s = samples[i];
      if (s.ts < task.ts || s.ts > end) continue;
      const node = nodes.get(s.id);
      const frame = node?.callFrame;
      if (!frame) continue;
      const name = `${frame.functionName || '(anonymous)'} ${String(frame.url ?? '').replace(/^.*\/(dist|bench)\//, '')}:${frame.lineNumber ?? ''}:${frame.columnNumber ?? ''}`;
      fns.set(name, (fns.get(name) ?? 0) + (s.ts - samples[i - 1].ts));
    }
    const top = [...fns].sort((a, b) => b[1] - a[1]).slice(0, 6);
    if (top.length) console.log(`    self time: ${top.map(([n, t]) => `${n} ${(t / 1000).toFixed(1)} ms`).join('; ')}`);
  }
}
await close();
await browser.close();
await server.close();
