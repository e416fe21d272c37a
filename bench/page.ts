// The code under measure for the `run(page)` measures (article-sanitize.mjs), bundled for production
// by bench/lib/measure-page.mjs and loaded into one page; each such measure drives `window.bench`.
import DOMPurify from 'dompurify';
import '../src/article/index.js';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function time(render: (host: HTMLElement) => Promise<void> | void): Promise<number> {
  const host = document.createElement('div');
  document.body.append(host);
  collectGarbage(); // Launched with --expose-gc: no sample pays for the previous one's garbage.
  await nextFrame();
  const start = performance.now();
  await render(host);
  void document.body.offsetHeight; // Layout included in both paths.
  const elapsed = performance.now() - start;
  host.remove();
  return elapsed;
}

const bench = {
  /** Sanitizes and renders through <lede-article>, until its update is complete and laid out. */
  article: (html: string) =>
    time(async (host) => {
      const article = document.createElement('lede-article');
      article.content = html;
      host.append(article);
      await article.updateComplete;
    }),
  /** The baseline: DOMPurify.sanitize plus one innerHTML, laid out. */
  baseline: (html: string) =>
    time((host) => {
      host.innerHTML = DOMPurify.sanitize(html);
    }),
};

(window as unknown as { bench: typeof bench }).bench = bench;
