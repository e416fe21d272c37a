// The package as a consumer gets it: `npm pack`, publint and @arethetypeswrong/cli on the tarball,
// then a temporary project that installs the tarball (offline, from the npm cache), type-checks an
// import of every entry with tsc and bundles each entry with Vite. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { entries, sideEffectFreeEntries } from './entries.mjs';
import { readElements } from './manifest.mjs';

const started = Date.now();
const root = resolve('.');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
const step = (text) => console.log(`consumer test: ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const subpaths = Object.keys(entries).map((name) => (name === 'index' ? pkg.name : `${pkg.name}/${name}`));
const elements = readElements();
const work = mkdtempSync(join(tmpdir(), 'lede-consumer-'));
let failed = false;

try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work, '--ignore-scripts']));
  const tarball = join(work, filename);
  step(`packed ${filename}`);

  console.log(run(bin('publint'), ['run', tarball, '--strict']).trim());
  step('publint passed');
  // ESM only: node10 and CommonJS-importer resolutions do not apply. No DefinitelyTyped look-up (offline).
  // Stylesheets are not modules: TypeScript cannot resolve them, by design.
  const stylesheets = Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'string' && target.endsWith('.css'))
    .map(([key]) => key);
  const exclude = stylesheets.length ? ['--exclude-entrypoints', ...stylesheets] : [];
  console.log(
    run(bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--no-definitely-typed',
      '--format',
      'table-flipped',
      '--no-color',
      ...exclude,
    ]).trim(),
  );
  step('attw passed');

  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const peers = ['react', 'react-dom', '@types/react'].map(
    (name) => `${name}@${JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version}`,
  );
  const install = (mode) =>
    run(
      'npm',
      ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball, ...peers],
      { cwd: app },
    );
  try {
    install('--offline'); // from the npm cache that `npm ci` filled
  } catch {
    install('--prefer-offline');
  }
  step('installed the tarball offline');

  // One file per entry, using what a consumer would: tags, classes, typed events.
  const files = {};
  for (const subpath of subpaths) {
    const name = subpath.replace(/\W+/g, '_');
    const lines = [`import * as entry from '${subpath}';`, 'console.log(Object.keys(entry));'];
    if (subpath === pkg.name) {
      for (const element of elements) {
        const { tagName, className, events } = element;
        const variable = className.charAt(0).toLowerCase() + className.slice(1);
        lines.push(`const ${variable}: entry.${className} = document.createElement('${tagName}');`);
        lines.push(`const ${variable}Query: entry.${className} | null = document.querySelector('${tagName}');`);
        lines.push(`console.log(${variable}Query);`);
        for (const event of events)
          lines.push(
            `${variable}.addEventListener('${event.name}', (event) => console.log(event.detail satisfies object));`,
          );
      }
    }
    files[name] = lines.join('\n');
    writeFileSync(join(app, 'src', `${name}.ts`), `${files[name]}\n`);
  }
  // A class from lede/classes, without registering: the bundle must not register any tag.
  const first = elements[0];
  writeFileSync(
    join(app, 'src', 'class_only.ts'),
    `import { ${first.className} } from '${pkg.name}/classes';\nconsole.log(${first.className}.name);\n`,
  );
  writeFileSync(join(app, 'src', 'unused_classes.ts'), `import '${pkg.name}/classes';\n`);
  // One React wrapper alone: it must bring its element only, without DOMPurify or the other elements.
  const one = elements.find((e) => e.tagName === 'lede-key-points') ?? elements[0];
  const others = elements.filter((element) => element !== one);
  const oneEntry = one.tagName.replace(/^lede-/, '');
  writeFileSync(
    join(app, 'src', 'react_one.ts'),
    `import { ${one.className} } from '${pkg.name}/react/${oneEntry}';\nconsole.log(${one.className});\n`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
      },
      include: ['src'],
    }),
  );
  try {
    run(bin('tsc'), ['-p', app]);
  } catch (error) {
    throw new Error(`tsc failed on the consumer project:\n${error.stdout}${error.stderr}`);
  }
  step(`type-checked an import of each of ${subpaths.length} entries (NodeNext resolution)`);

  const bundle = async (name) => {
    const output = await build({
      root: app,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        lib: { entry: join(app, 'src', `${name}.ts`), formats: ['es'], fileName: name },
        rolldownOptions: { external: [/^react/] },
      },
    });
    return (Array.isArray(output) ? output : [output])
      .flatMap((o) => o.output)
      .filter((c) => c.type === 'chunk')
      .map((c) => c.code)
      .join('\n');
  };
  for (const name of Object.keys(files)) {
    const code = await bundle(name);
    if (code.length < 200) throw new Error(`bundling ${name} gave almost nothing (${code.length} bytes)`);
  }
  step(`bundled each entry with Vite`);

  // sideEffects: an unused import of the class-only entry is dropped whole; using a class keeps it
  // without a define() call for any tag.
  for (const name of sideEffectFreeEntries)
    if (name !== 'classes') throw new Error(`add a side-effect check for ${name}`);
  const unused = await bundle('unused_classes');
  if (unused.trim().length > 0)
    throw new Error(`import '${pkg.name}/classes' left ${unused.length} bytes: it must be free of side effects`);
  const classOnly = await bundle('class_only');
  const defined = elements
    .filter(({ tagName }) => new RegExp(`\\(\\s*["']${tagName}["']\\s*,`).test(classOnly))
    .map((e) => e.tagName);
  if (defined.length || /customElements\.define\(/.test(classOnly))
    throw new Error(`importing a class from ${pkg.name}/classes registers ${defined.join(', ') || 'a tag'}`);
  step('sideEffects: lede/classes registers nothing and is dropped when unused');

  const wrapperOnly = await bundle('react_one');
  if (!wrapperOnly.includes(`"${one.tagName}"`) && !wrapperOnly.includes(`'${one.tagName}'`))
    throw new Error(`the app importing ${pkg.name}/react/${oneEntry} does not hold <${one.tagName}>`);
  const extra = others
    .map((element) => element.tagName)
    .filter((tag) => new RegExp(`["'\`]${tag}["'\`]`).test(wrapperOnly));
  // DOMPurify's configuration keys survive minification.
  if (/ALLOWED_TAGS|SAFE_FOR_TEMPLATES/.test(wrapperOnly)) extra.push('DOMPurify');
  if (extra.length)
    throw new Error(`an app importing only ${pkg.name}/react/${oneEntry} bundles ${extra.join(', ')} as well`);
  step(`an app with ${pkg.name}/react/${oneEntry} alone bundles <${one.tagName}> only: no DOMPurify, no other element`);
} catch (error) {
  failed = true;
  console.error(`consumer test failed: ${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(`consumer test: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
