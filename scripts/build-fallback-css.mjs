// Writes dist/lede.css: every element's pre-upgrade styles (src/<element>/<element>.fallback.css),
// which give the fallback children the element's own box so the page does not move at upgrade.
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { minifyCss } from './minify/css.mjs';

const files = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `src/${entry.name}/${entry.name}.fallback.css`)
  .filter((path) => existsSync(path))
  .sort();
mkdirSync('dist', { recursive: true });
const css = await Promise.all(files.map((path) => minifyCss(readFileSync(path, 'utf8'), path)));
writeFileSync('dist/lede.css', `${css.join('\n')}\n`);
console.log(`dist/lede.css: the pre-upgrade styles of ${files.length} element(s).`);
