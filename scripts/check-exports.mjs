// Checks package.json against scripts/entries.mjs: an `exports` entry (with types) for every npm
// entry, the file exports, `files`, and `sideEffects` listing every file that registers a tag.
// `--write` fixes package.json; with a built dist/ it also checks that every registering file
// (a `define("lede-…", …)` call, found through the manifest's tags) is listed in `sideEffects`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entries, fileExports, LOADER_DIR, sideEffectFreeEntries, singleFileBundles } from './entries.mjs';
import { readElements } from './manifest.mjs';

const write = process.argv.includes('--write');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const typesOf = (source) => `./dist/types/${source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts')}`;
// The script-tag files: the loader, its chunks (each element's registers it), the single-file builds.
const LOADER = './dist/lede.js';
const LOADER_CHUNKS = `./dist/${LOADER_DIR}/*.js`;
const SINGLE_FILES = Object.values(singleFileBundles).map((file) => `./dist/${file}`);
const BUNDLES = [LOADER, ...SINGLE_FILES];
const FALLBACK_CSS = './dist/lede.css';

/** What `exports` must be: the root, one subpath per entry, the browser bundle, and the files. */
function expectedExports() {
  const exports = {};
  for (const [name, source] of Object.entries(entries)) {
    exports[name === 'index' ? '.' : `./${name}`] = { types: typesOf(source), default: `./dist/${name}.js` };
  }
  // The single-file ES build, for bundlers that want it whole (browser only: Lit's browser build inside).
  exports['./bundle'] = { types: typesOf(entries.index), default: `./dist/${singleFileBundles.es}` };
  // The pre-upgrade styles of every element (scripts/build-fallback-css.mjs).
  exports['./lede.css'] = FALLBACK_CSS;
  for (const file of fileExports) if (file === 'package.json' || existsSync(file)) exports[`./${file}`] = `./${file}`;
  return exports;
}

const registering = Object.keys(entries)
  .filter((name) => !sideEffectFreeEntries.includes(name))
  .map((name) => `./dist/${name}.js`);
const expectedSideEffects = [
  ...registering,
  ...BUNDLES,
  LOADER_CHUNKS,
  FALLBACK_CSS,
  './src/index.ts',
  './src/*/index.ts',
  './src/react/*.ts',
];
const expectedFiles = [
  'dist',
  'docs',
  'CHANGELOG.md',
  'README.md',
  ...fileExports.filter((file) => file !== 'package.json' && (existsSync(file) || file !== 'schema.json')),
];

const problems = [];
const expected = expectedExports();
for (const [key, value] of Object.entries(expected)) {
  if (JSON.stringify(pkg.exports?.[key]) !== JSON.stringify(value))
    problems.push(`exports["${key}"] should be ${JSON.stringify(value)}`);
}
for (const key of Object.keys(pkg.exports ?? {}))
  if (!(key in expected))
    console.warn(`note: exports["${key}"] is not generated from scripts/entries.mjs; kept as it is.`);
for (const path of expectedSideEffects)
  if (!pkg.sideEffects?.includes(path)) problems.push(`sideEffects should list ${path}`);
for (const name of sideEffectFreeEntries)
  if (pkg.sideEffects?.includes(`./dist/${name}.js`))
    problems.push(`sideEffects must not list ./dist/${name}.js: it registers nothing`);
for (const file of expectedFiles) if (!pkg.files?.includes(file)) problems.push(`files should include ${file}`);

// With a build: every file that calls define("<tag>", …) must be listed in sideEffects, or a
// bundler may drop the registration. Chunks are declared free of side effects, so none may register.
if (existsSync('dist') && existsSync('custom-elements.json')) {
  const tags = readElements().map((element) => element.tagName);
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
    );
  const inLoaderDir = (path) => path.startsWith(join('dist', LOADER_DIR, '/'));
  for (const file of walk('dist').filter(
    (path) => path.endsWith('.js') && !BUNDLES.includes(`./${path}`) && !inLoaderDir(path),
  )) {
    const code = readFileSync(file, 'utf8');
    const registered = tags.filter((tag) =>
      new RegExp(`[\\w$]\\(\\s*["']${tag}["']\\s*,\\s*[\\w$]+\\s*\\)`).test(code),
    );
    if (registered.length && !expectedSideEffects.includes(`./${file}`))
      problems.push(`${file} registers ${registered.join(', ')} but is not a registering entry in sideEffects`);
  }
  for (const [name, source] of Object.entries(entries)) {
    for (const path of [`dist/${name}.js`, typesOf(source).slice(2)])
      if (!existsSync(path)) problems.push(`${path} is missing after the build`);
  }
  if (!existsSync(FALLBACK_CSS)) problems.push(`${FALLBACK_CSS} is missing after the build`);
  for (const file of BUNDLES) if (!existsSync(file)) problems.push(`${file} is missing after the build`);
}

if (write) {
  pkg.exports = {
    ...expected,
    ...Object.fromEntries(Object.entries(pkg.exports ?? {}).filter(([key]) => !(key in expected))),
  };
  pkg.sideEffects = [
    ...new Set([
      ...expectedSideEffects,
      ...(pkg.sideEffects ?? []).filter((path) => !sideEffectFreeEntries.some((name) => path === `./dist/${name}.js`)),
    ]),
  ];
  pkg.files = [...new Set([...(pkg.files ?? []), ...expectedFiles])];
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  console.log('package.json exports, sideEffects and files written from scripts/entries.mjs.');
} else if (problems.length) {
  console.error(
    `package.json does not match scripts/entries.mjs (run \`node scripts/check-exports.mjs --write\`):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
} else {
  console.log(
    `package.json exports, sideEffects and files match scripts/entries.mjs (${Object.keys(expected).length} exports).`,
  );
}
