// Writes the script-tag test pages: the demo article, under the strict CSP, loading only
// dist/lede.js (as a module) or dist/lede.iife.js (as a classic script). Plain static files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { demoPage } from '../../scripts/demo-pages.mjs';

export const PAGES = {
  module: { head: '<script type="module" src="/dist/lede.js"></script>' },
  classic: { end: '<script src="/dist/lede.iife.js"></script>' },
};

export function writeBundlePages(dir = 'test/bundle/pages') {
  mkdirSync(dir, { recursive: true });
  for (const [name, scripts] of Object.entries(PAGES)) {
    const head = `<script src="/test/bundle/record-errors.js"></script>\n    ${scripts.head ?? ''}`;
    writeFileSync(`${dir}/${name}.html`, demoPage({ title: `Lede script tag: ${name}`, csp: true, head, end: scripts.end ?? '' }));
  }
}
