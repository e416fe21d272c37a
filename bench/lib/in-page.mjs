// Code that runs inside the benchmark pages (passed to puppeteer as functions).

/**
 * Installed before any page script: records first contentful paint, the layout shift sum, and
 * `ready`: the moment after DOMContentLoaded when every element of `tags` on the page is defined
 * and has rendered (Lit's `updateComplete`; on a page without elements, DOMContentLoaded), and
 * `painted`: when the first frame after `ready` has been laid out and painted.
 */
export function instrument(tags) {
  const bench = { fcp: undefined, cls: 0, ready: undefined, painted: undefined, longTasks: [] };
  window.__bench = bench;
  // Tasks over 50 ms (what a reader's tap may wait for), with their durations.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', async () => {
    const present = tags.filter((tag) => document.querySelector(tag));
    await Promise.all(present.map((tag) => customElements.whenDefined(tag)));
    await Promise.all(
      present.flatMap((tag) => [...document.querySelectorAll(tag)].map((element) => element.updateComplete)),
    );
    bench.ready = performance.now();
    // The frame that shows that state: a task queued from requestAnimationFrame runs once the frame
    // (style, layout, paint) is done. The same for the static page, whose content is final at DOMContentLoaded.
    requestAnimationFrame(() => setTimeout(() => (bench.painted = performance.now())));
  });
}

/** The JavaScript the page downloaded: bytes on the wire (gzip) and files, from Resource Timing. */
export function scriptTransfer() {
  const scripts = performance.getEntriesByType('resource').filter((entry) => /\.m?js(\?|$)/.test(entry.name));
  return {
    bytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    files: scripts.map((entry) => new URL(entry.name).pathname),
  };
}

/**
 * Every visible text node of the page, through open shadow roots, with the page position of its
 * first visible character: `{ key, text, x, y, host }` where `host` is the nearest Lede element around it.
 */
export function textBlocks() {
  const blocks = [];
  const seen = new Map();
  const hosts = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('lede-'));
  const hostOf = (node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n.localName?.startsWith('lede-')) return n;
    return null;
  };
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.shadowRoot) visit(node.shadowRoot);
        continue;
      }
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      if (!text || node.parentElement?.closest('script, style, template')) continue;
      // The first visible character: leading white space is laid out differently in light and shadow DOM.
      const start = node.textContent.search(/\S/);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
      if (!rect) continue; // Not rendered (such as fallback children that are not slotted).
      // Keyed by the Lede element around the text (or the page) and the text's occurrence in it, so
      // that a text an upgrade adds elsewhere ("Email" as a share link) does not shift the keys of the rest.
      const host = hostOf(node);
      const where = host ? `${host.localName}[${hosts.indexOf(host)}]` : 'page';
      const count = (seen.get(`${where} ${text}`) ?? 0) + 1;
      seen.set(`${where} ${text}`, count);
      blocks.push({
        key: `${where} ${text}#${count}`,
        text,
        x: rect.left + scrollX,
        y: rect.top + scrollY,
        host: host?.localName ?? '',
      });
    }
  };
  visit(document.body);
  return blocks;
}

/** The page box of every Lede element (`lede-*`), in document order: `{ tag, top, height }`. */
export function ledeBoxes() {
  return [...document.querySelectorAll('*')]
    .filter((element) => element.localName.startsWith('lede-'))
    .map((element) => {
      // An undefined element with no styles is an inline box around its fallback: measure the fallback itself.
      const range = document.createRange();
      range.selectNodeContents(element);
      const rect =
        getComputedStyle(element).display === 'inline'
          ? range.getBoundingClientRect()
          : element.getBoundingClientRect();
      return { tag: element.localName, top: rect.top + scrollY, height: rect.height };
    });
}
