// Writes everything generated from custom-elements.json: the React wrappers, VS Code's HTML custom
// data and the element docs. Runs after the analyzer (`npm run analyze`). With `--check`, writes
// nothing and fails when a committed file is stale.
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

if (check) {
  if (changed.length || stale.length) {
    console.error(
      `Generated files are stale: ${[...changed, ...stale].join(', ')}. Run \`npm run analyze\` and commit them.`,
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
