// The benchmark runner: bundles bench/page.ts for production, serves it on 127.0.0.1, opens it in
// the local Chromium (never downloaded), and runs every measure in bench/*.mjs in that one browser.
// A measure exports `name`, `budget` and `run(page)` returning `{ ok, lines }`. Add a file to add
// a measure; `npm run bench -- article-sanitize` runs only the measures named.
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROME_ARGS, findBrowser } from './browser.mjs';

const only = process.argv.slice(2);
const measures = [];
for (const file of readdirSync('bench').filter((f) => f.endsWith('.mjs')).sort()) {
  const measure = await import(pathToFileURL(resolve('bench', file)).href);
  if (only.length === 0 || only.includes(measure.name)) measures.push(measure);
}
if (measures.length === 0) {
  console.error(`No measure named ${only.join(', ')} in bench/.`);
  process.exit(1);
}

const executablePath = findBrowser();
if (!executablePath) {
  console.error('No Chromium or Chrome found: set CHROME_PATH (the benchmark never downloads a browser).');
  process.exit(1);
}

const outDir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
await build({
  configFile: false,
  logLevel: 'silent',
  mode: 'production',
  build: { outDir, target: 'es2022', lib: { entry: 'bench/page.ts', formats: ['es'], fileName: () => 'bench.js' }, rolldownOptions: { output: { minify: true } } },
});

const INDEX = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lede bench</title><script type="module" src="/bench.js"></script></head><body></body></html>';
const server = createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(INDEX);
  if (req.url === '/bench.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(outDir, 'bench.js')));
  res.writeHead(404).end(); // Images in the measured articles: answered locally, never fetched elsewhere.
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));

const browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROME_ARGS, '--js-flags=--expose-gc'] });
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => 'bench' in window);
  console.log(`Browser: ${await browser.version()}`);
  for (const measure of measures) {
    const { ok, lines } = await measure.run(page);
    console.log(`\n${measure.name}${ok ? '' : '  OVER BUDGET'}`);
    for (const line of lines) console.log(`  ${line}`);
    failed ||= !ok;
  }
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
