// The size check: prints the gzip size of every dist file and of each element alone (Lit and
// DOMPurify external, minified as a consumer's bundler would), and fails when one is over the
// budget in SPEC.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { elementEntries, entries, external } from './entries.mjs';
import { minifyCssLiterals } from './minify-css-literals.mjs';

const KB = 1000;
const BUDGETS = { 'dist/lede.js': 30 * KB, 'dist/lede.iife.js': 30 * KB };
const ELEMENT_BUDGET = 4 * KB;

const gzip = (data) => gzipSync(data, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.js')) yield path;
  }
}

/** Builds one element entry alone, in memory, minified, and returns its gzip size. */
async function elementSize(entry) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyCssLiterals()],
    build: {
      write: false,
      target: 'es2022',
      lib: { entry, formats: ['es'] },
      rolldownOptions: { external, output: { minify: true } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  return gzip(chunks.map((c) => c.code).join('\n'));
}

const rows = [];
for (const path of files('dist')) {
  const name = relative('.', path);
  rows.push({ name, gzip: gzip(readFileSync(path)), budget: BUDGETS[name] });
}
for (const name of elementEntries) {
  rows.push({ name: `${name} alone (Lit external, minified)`, gzip: await elementSize(entries[name]), budget: ELEMENT_BUDGET });
}

const over = rows.filter((row) => row.budget !== undefined && row.gzip > row.budget);
const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${'file'.padEnd(width)}  gzip       budget`);
for (const row of rows) {
  const status = row.budget === undefined ? '' : row.gzip > row.budget ? `${kb(row.budget)}  OVER` : `${kb(row.budget)}  ok`;
  console.log(`${row.name.padEnd(width)}  ${kb(row.gzip).padStart(9)}  ${status}`);
}
if (over.length > 0) {
  console.error(`\nOver budget: ${over.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
console.log('\nEvery budgeted file is within its budget.');
