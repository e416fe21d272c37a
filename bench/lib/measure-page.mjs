// The page for measures written as `export const name; export async function run(page)` (such as
// article-sanitize.mjs): bench/page.ts bundled for production, loaded once; the measure drives
// what it exposes as `window.bench` and returns `{ ok, lines }`.
import { build } from 'vite';

export async function openMeasurePage(browser, server) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: 'bench/page.ts', formats: ['es'], fileName: () => 'bench.js' },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const code = (Array.isArray(output) ? output : [output])
    .flatMap((o) => o.output)
    .find((chunk) => chunk.type === 'chunk').code;
  server.file('/bench/measure-page.js', code);
  const url = server.page(
    '/bench/measure-page.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lede bench</title><script type="module" src="/bench/measure-page.js"></script></head><body></body></html>',
  );
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}
