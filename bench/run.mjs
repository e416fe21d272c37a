// `npm run bench`: runs every measure file bench/*.mjs in one Chromium (the machine's, through
// scripts/browser.mjs; nothing is downloaded) against one local server, prints medians with their
// spread and each ratio against the SPEC budget, and exits non-zero when one is over.
//
// A measure file is one of:
// - `export default async function ({ browser, server, runs, tags })` returning
//   `{ title, rows: [{ measure, unit, lede, baseline?, budget?: { ratio } | { max }, ratio? }], notes? }`,
//   where `lede` and `baseline` are summaries from lib/stats.mjs (page-load.mjs and the like);
// - `export const name`, `export const budget` and `export async function run(page)` returning
//   `{ ok, lines }`, run in a page that loaded bench/page.ts (article-sanitize.mjs);
// - anything else: run as its own `node` process and judged by its exit code.
// Options: --runs N (default 15); measure names (file names without .mjs) to run only those.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readElements } from '../scripts/manifest.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { openMeasurePage } from './lib/measure-page.mjs';
import { format } from './lib/stats.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const runs = Number(arg('runs', 15));
const only = [
  ...(arg('only', '')?.split(',') ?? []),
  ...process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs' && all[i - 1] !== '--only'),
].filter(Boolean);

if (!existsSync('dist/lede.js')) {
  console.error('dist/lede.js is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}
const tags = readElements().map((element) => element.tagName);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs')
  .filter((name) => !only?.length || only.includes(basename(name, '.mjs')))
  .sort();

function judge(row) {
  // `ratio: true`: a row shown for comparison, with its ratio but no budget.
  if (row.ratio && row.baseline) return { text: `${(row.lede.median / row.baseline.median).toFixed(2)}×`, over: false };
  if (!row.budget) return { text: '', over: false };
  if (row.budget.ratio !== undefined) {
    const ratio = row.lede.median / row.baseline.median;
    return { text: `${ratio.toFixed(2)}× (budget ≤ ${row.budget.ratio}×)`, over: ratio > row.budget.ratio };
  }
  const value = row.lede.median;
  return {
    text: `${value.toFixed(row.digits ?? 1)}${row.unit} (budget ≤ ${row.budget.max}${row.unit})`,
    over: value > row.budget.max + 1e-9,
  };
}

const browser = await launchBrowser();
const server = await startServer();
const over = [];
let measurePage;
console.log(`Lede benchmark: ${runs} runs per page, ${await browser.version()}, elements: ${tags.join(', ')}\n`);
try {
  for (const file of files) {
    const source = readFileSync(`bench/${file}`, 'utf8');
    if (/export\s+(async\s+)?function\s+run\b/.test(source)) {
      const measure = await import(pathToFileURL(`bench/${file}`).href);
      measurePage ??= await openMeasurePage(browser, server);
      const { ok, lines } = await measure.run(measurePage);
      console.log(`## ${measure.name ?? file}${ok ? '' : '  OVER BUDGET'}\n`);
      for (const line of lines) console.log(`    ${line}`);
      console.log('');
      if (!ok) over.push(`${file}: over its budget (${measure.budget ?? '?'})`);
      continue;
    }
    if (!/export\s+default/.test(source)) {
      console.log(`## ${file} (own process)`);
      const result = spawnSync(process.execPath, [`bench/${file}`, ...process.argv.slice(2)], { stdio: 'inherit' });
      if (result.status !== 0) over.push(`${file} exited with ${result.status}`);
      console.log('');
      continue;
    }
    const { default: measure } = await import(pathToFileURL(`bench/${file}`).href);
    const result = await measure({ browser, server, runs, tags });
    if (!Array.isArray(result?.rows)) {
      // A measure written to another contract: show what it returned, judge nothing.
      console.log(`## ${file}\n\n${JSON.stringify(result, null, 2)}\n`);
      continue;
    }
    console.log(`## ${result.title}\n`);
    console.log('| measure | Lede | static HTML | ratio or value vs budget |');
    console.log('| --- | --- | --- | --- |');
    for (const row of result.rows) {
      const verdict = judge(row);
      if (verdict.over) over.push(`${file}: ${row.measure.trim()} ${verdict.text}`);
      const unit = row.unit ? ` ${row.unit}` : '';
      const baseline = row.baseline ? `${format(row.baseline, row.digits)}${unit}` : '';
      console.log(
        `| ${row.measure} | ${format(row.lede, row.digits)}${unit} | ${baseline} | ${verdict.text}${verdict.over ? ' **OVER**' : row.budget ? ' ok' : ''} |`,
      );
    }
    for (const note of result.notes ?? []) console.log(`\n${note}`);
    console.log('');
  }
} finally {
  await browser.close();
  await server.close();
}
if (over.length) {
  console.error(`Over budget:\n  ${over.join('\n  ')}`);
  process.exit(1);
}
console.log('Every measure is within its budget.');
