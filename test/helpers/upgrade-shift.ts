import { expect } from '@open-wc/testing';
/**
 * Layout shift at upgrade, measured the way the benchmark does (bench/lib/in-page.mjs): the page
 * position of the first visible character of every text node (through open shadow roots), before
 * and after the element is defined. Used by each element's `*.upgrade.test.ts`, which must not
 * import the element before it has measured its fallback.
 */

interface TextBlock {
  key: string;
  x: number;
  y: number;
}

export interface TextMove {
  text: string;
  dx: number;
  dy: number;
}

function textBlocks(root: Node, blocks: TextBlock[] = [], seen = new Map<string, number>()): TextBlock[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      if (node.shadowRoot) textBlocks(node.shadowRoot, blocks, seen);
      continue;
    }
    const text = node.textContent!.replace(/\s+/g, ' ').trim();
    if (!text || node.parentElement?.closest('script, style, template')) continue;
    const start = node.textContent!.search(/\S/);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 1);
    const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    if (!rect) continue;
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    blocks.push({ key: `${text}#${count}`, x: rect.left + scrollX, y: rect.top + scrollY });
  }
  return blocks;
}

/** The first `<tag>` of the demo page, as the demo writes it (its progressive-enhancement children). */
export async function demoMarkup(tag: string): Promise<string> {
  const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
  return page.querySelector(tag)!.outerHTML;
}

async function stylesheet(href: string): Promise<HTMLLinkElement> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
  document.head.append(link);
  await loaded;
  return link;
}

/**
 * Puts `markup` in a `<main>` with the demo's page styles and the element's pre-upgrade styles,
 * notes where its text is, calls `define` (which imports the element), waits for every Lede
 * element inside to render, and returns the text that moved by a whole pixel or more, the
 * elements' heights before and after (what moves everything below them), and the texts that
 * exist only after the upgrade.
 */
export async function textMovesOnUpgrade(markup: string, fallbackCss: string, define: () => Promise<unknown>) {
  const links = [await stylesheet('/demo/demo.css'), await stylesheet(fallbackCss)];
  const main = document.createElement('main');
  main.innerHTML = markup;
  document.body.append(main);
  try {
    const heights = () =>
      [...main.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('lede-'))
        .map((el) => `<${el.localName}> ${el.getBoundingClientRect().height.toFixed(0)} px`);
    const before = textBlocks(main);
    const heightsBefore = heights();
    await define();
    const elements = [...main.querySelectorAll('*')].filter((el) => el.localName.startsWith('lede-')) as (Element & {
      updateComplete: Promise<unknown>;
    })[];
    await Promise.all(elements.map((el) => customElements.whenDefined(el.localName)));
    await Promise.all(elements.map((el) => el.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const after = new Map(textBlocks(main).map((block) => [block.key, block]));
    const moves: TextMove[] = [];
    for (const block of before) {
      const now = after.get(block.key);
      if (!now) continue;
      const [dx, dy] = [now.x - block.x, now.y - block.y];
      if (Math.round(Math.max(Math.abs(dx), Math.abs(dy))) > 0) moves.push({ text: block.key, dx, dy });
    }
    const keys = new Set(before.map((block) => block.key));
    return {
      moves,
      heights: { before: heightsBefore, after: heights() },
      compared: before.filter((block) => after.has(block.key)).length,
      onlyAfter: [...after.keys()].filter((key) => !keys.has(key)),
    };
  } finally {
    main.remove();
    for (const link of links) link.remove();
  }
}

/**
 * The check each element's upgrade test makes: the demo's `<tag>` with `src/<name>/<name>.fallback.css`
 * moves no text by a pixel when `define` runs and keeps its height. Returns the measure.
 */
export async function expectNoShiftOnUpgrade(tag: string, define: () => Promise<unknown>, minCompared = 3) {
  const name = tag.replace('lede-', '');
  const result = await textMovesOnUpgrade(await demoMarkup(tag), `/src/${name}/${name}.fallback.css`, define);
  expect(result.compared).to.be.at.least(minCompared);
  expect(result.moves).to.deep.equal([]);
  expect(result.heights.after).to.deep.equal(result.heights.before);
  return result;
}
