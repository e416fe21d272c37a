// Writes everything generated from custom-elements.json: the React wrappers, VS Code's HTML custom
// data and the element docs. Runs after the analyzer (`npm run analyze`).
//
// The policy for generated files: a file that git ignores is a build output, always written; every
// other generated file is committed, and with `--check` (what `npm run typecheck`, the build and CI
// run) it is only compared, never written: a stale one fails with the command that updates it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readElements } from './manifest.mjs';
import { generateReact } from './generate-react.mjs';
import { generateVscodeData } from './generate-vscode-data.mjs';
import { DOCS_DIR, generateDocs } from './generate-docs.mjs';

const check = process.argv.includes('--check');
const elements = readElements();
const files = { ...generateReact(elements), ...generateVscodeData(elements), ...generateDocs(elements) };

// Pages of elements that no longer exist.
const stale = existsSync(DOCS_DIR)
  ? readdirSync(DOCS_DIR)
      .map((name) => join(DOCS_DIR, name))
      .filter((path) => !(path in files))
  : [];
const changed = Object.entries(files)
  .filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text)
  .map(([path]) => path);

/** Whether git ignores a path (a build output); outside a git checkout everything counts as built. */
function ignored(path) {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return error.status !== 1; // 1: not ignored; anything else: no git here
  }
}

if (check) {
  const built = changed.filter(ignored);
  for (const path of built) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files[path]);
  }
  const committed = changed.filter((path) => !built.includes(path));
  if (committed.length || stale.length) {
    console.error(
      `Generated files are stale: ${[...committed, ...stale].join(', ')}. Run \`npm run analyze\` and commit them.`,
    );
    process.exit(1);
  }
  console.log(`Generated files are up to date (${Object.keys(files).length} files, ${elements.length} elements).`);
} else {
  for (const path of changed) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files[path]);
  }
  for (const path of stale) rmSync(path);
  console.log(
    `Generated from the manifest (${elements.map((e) => e.tagName).join(', ')}): ${changed.length} file(s) written, ${stale.length} removed.`,
  );
}
