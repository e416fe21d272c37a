// Writes the script-tag test pages: the demo article, under the strict CSP, loading only
// dist/lede.css and dist/lede.js (as a module) or dist/lede.iife.js (as a classic script), as the
// CMS guide says. Plain static files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { demoPage } from '../../scripts/demo-pages.mjs';

export const PAGES = {
  module: { head: '<script type="module" src="/dist/lede.js"></script>' },
  classic: { end: '<script src="/dist/lede.iife.js"></script>' },
};

export function writeBundlePages(dir = 'test/bundle/pages') {
  mkdirSync(dir, { recursive: true });
  for (const [name, scripts] of Object.entries(PAGES)) {
    const head = `<link rel="stylesheet" href="/dist/lede.css" />\n    <script src="/test/bundle/record-errors.js"></script>\n    ${scripts.head ?? ''}`;
    writeFileSync(
      `${dir}/${name}.html`,
      demoPage({ title: `Lede script tag: ${name}`, csp: true, head, end: scripts.end ?? '' }),
    );
  }
  // The XSS corpus against the bundle's own DOMPurify build: no CSP, so a payload that survived would run.
  writeFileSync(
    `${dir}/empty.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lede bundle</title>${PAGES.module.head}</head><body></body></html>\n`,
  );
}
