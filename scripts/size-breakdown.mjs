// Where the bytes of a script-tag file go: builds the single-file ES bundle (or the loader's chunks)
// in memory with source maps, attributes every minified byte to its source module, and prints per
// module its minified bytes and its gzip cost (the whole file gzipped, minus the file gzipped without
// that module's bytes: what removing it would save, compression context included).
//
//   node scripts/size-breakdown.mjs            # dist/lede.bundle.js, module by module
//   node scripts/size-breakdown.mjs --loader   # every chunk of the loader build
//   node scripts/size-breakdown.mjs --top 40   # only the 40 largest rows
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { build } from 'vite';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const args = process.argv.slice(2);
const loader = args.includes('--loader');
const top = Number(args[args.indexOf('--top') + 1]) || Infinity;
const gzip = (data) => gzipSync(data, { level: 9 }).length;

const output = await build({
  logLevel: 'silent',
  mode: loader ? 'loader' : 'bundle',
  build: { write: false, sourcemap: true },
});
const chunks = (Array.isArray(output) ? output : [output])
  .flatMap((o) => o.output)
  .filter((c) => c.type === 'chunk' && (loader || c.fileName.endsWith('.bundle.js') || c.fileName.endsWith('.js')))
  .filter((c, i, all) => loader || all.findIndex((d) => d.fileName === c.fileName) === i)
  .filter((c) => loader || !c.fileName.includes('iife'));

const short = (source) => {
  const path = relative(process.cwd(), source.replace(/^\0/, '')).replaceAll('\\', '/');
  return path
    .replace(/^.*node_modules\/(@lit\/reactive-element|lit-html|lit-element|lit|dompurify)\//, 'node_modules/$1/')
    .replace(/\?.*$/, '');
};

for (const chunk of chunks) {
  const code = chunk.code;
  const map = new TraceMap(chunk.map);
  // Each generated position belongs to the source of the mapping that precedes it.
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const marks = [];
  eachMapping(map, (m) => {
    marks.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? '(none)' });
  });
  marks.sort((a, b) => a.at - b.at);
  const owner = new Array(code.length).fill('(unmapped)');
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1].at : code.length;
    for (let p = marks[i].at; p < end; p++) owner[p] = short(marks[i].source);
  }
  const bySource = new Map();
  for (let p = 0; p < code.length; p++) bySource.set(owner[p], (bySource.get(owner[p]) ?? 0) + 1);
  const whole = gzip(code);
  const rows = [...bySource.entries()].map(([source, bytes]) => {
    let without = '';
    for (let p = 0; p < code.length; p++) if (owner[p] !== source) without += code[p];
    return { source, bytes, cost: whole - gzip(without) };
  });
  rows.sort((a, b) => b.cost - a.cost);
  const width = Math.max(...rows.map((r) => r.source.length), 10);
  console.log(`\n${chunk.fileName}: ${code.length} bytes minified, ${(whole / 1000).toFixed(2)} KB gzip`);
  console.log(`${'module'.padEnd(width)}  minified   gzip cost`);
  for (const row of rows.slice(0, top))
    console.log(`${row.source.padEnd(width)}  ${String(row.bytes).padStart(8)}  ${String(row.cost).padStart(9)}`);
  const groups = new Map();
  for (const row of rows) {
    const group = row.source.startsWith('node_modules/')
      ? row.source
          .split('/')
          .slice(1, 2)
          .join('/')
          .replace(/^@lit$/, '@lit/reactive-element')
      : row.source.split('/').slice(0, 2).join('/');
    groups.set(group, (groups.get(group) ?? 0) + row.cost);
  }
  console.log('by folder (sum of gzip costs):');
  for (const [group, cost] of [...groups.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`  ${group.padEnd(width)}  ${String(cost).padStart(9)}`);
}
