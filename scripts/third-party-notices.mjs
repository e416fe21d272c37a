// Writes dist/THIRD-PARTY-NOTICES.txt: dist/lede.js and dist/lede.iife.js inline Lit and DOMPurify,
// whose licences ask that their notices travel with copies.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** The packages whose code the script-tag bundles contain. */
const BUNDLED = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'dompurify'];

/** A package's root: up from its resolved main file to the folder with its package.json. */
function packageRoot(name) {
  const isRoot = (dir) =>
    existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === name;
  let dir = dirname(require.resolve(name));
  while (!isRoot(dir)) {
    if (dir === dirname(dir))
      throw new Error(`third-party-notices: no package.json of ${name} above ${require.resolve(name)}`);
    dir = dirname(dir);
  }
  return dir;
}

const sections = BUNDLED.map((name) => {
  const root = packageRoot(name);
  const { version, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return `${name} ${version} (${license})\n\n${readFileSync(join(root, 'LICENSE'), 'utf8').trim()}\n`;
});
writeFileSync(
  'dist/THIRD-PARTY-NOTICES.txt',
  `dist/lede.js and dist/lede.iife.js contain the following packages, under their own licences.\nLede itself is MIT licensed (LICENSE).\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
console.log(`dist/THIRD-PARTY-NOTICES.txt: the notices of ${BUNDLED.join(', ')}.`);
