// dist/lede.js, the script-tag file: a small loader. It finds the `lede-*` tags on the page (and
// in the shadow roots of elements that compose others, such as <lede-story>) and imports each
// element's chunk from beside itself, once, the first time its tag appears; DOMPurify is a chunk
// of its own that the sanitizer imports only when untrusted HTML is rendered. `modulepreload`
// hints for the chunks an element imports go out with it, so nothing waits in a chain.
import { chunkMap, type ChunkMap } from './chunk-map.js';

type Root = Document | ShadowRoot | Element;

interface Loader {
  discover(root: Root): void;
}

const KEY = Symbol.for('lede.loader');
// The document's members through its prototype: page markup (`<img name="createElement">`,
// `name="head"`, `name="querySelectorAll"`) replaces the document's own.
const DOC = Document.prototype;
const queryAll = (root: Root, selector: string): Element[] => [
  ...(root instanceof Document
    ? DOC
    : root instanceof Element
      ? Element.prototype
      : DocumentFragment.prototype
  ).querySelectorAll.call(root, selector),
];
/** Elements that render other Lede elements in their shadow root. */
const COMPOSERS = ['lede-story'];

function createLoader({ dir, chunks, elements, sanitizer }: ChunkMap, base: string): Loader {
  const requested = new Set<string>();
  const preloaded = new Set<number>();
  const observers: MutationObserver[] = [];
  const tags = Object.keys(elements);
  const selector = tags.join();
  const done = () => requested.size === tags.length;
  const url = (name: string) => new URL(`${dir}${name}.js`, base).href;

  function preload(indexes: number[]): void {
    for (const index of indexes) {
      if (preloaded.has(index)) continue;
      preloaded.add(index);
      const link = DOC.createElement.call(document, 'link') as HTMLLinkElement;
      link.rel = 'modulepreload';
      link.href = url(chunks[index]!);
      (Reflect.get(DOC, 'head', document) as HTMLHeadElement).append(link);
    }
  }

  function load(element: Element): void {
    const tag = element.localName;
    if (requested.has(tag)) return;
    requested.add(tag);
    if (customElements.get(tag)) {
      // Another copy of Lede (a single-file bundle, another version) defined it first.
      console.warn(`[lede] <${tag}> is already defined (Lede loaded twice?); keeping the first`);
    } else {
      // A story, or an article with `src` or `content`, renders untrusted HTML as soon as it upgrades.
      const sanitizes =
        tag === 'lede-story' ||
        (tag === 'lede-article' && (element.hasAttribute('src') || Object.hasOwn(element, 'content')));
      preload([...elements[tag]!, ...(sanitizes ? [sanitizer] : [])]);
      const name = tag.slice(5);
      import(url(name)).catch((error: unknown) => {
        requested.delete(tag); // Tried again when another one appears.
        console.warn(`[lede] <${tag}> could not be loaded (${String(error)})`);
      });
    }
    if (done()) for (const observer of observers.splice(0)) observer.disconnect();
  }

  /** Loads the elements in `root`, and the ones added to it later. */
  function discover(root: Root): void {
    const found = queryAll(root, selector);
    if (root instanceof Element && root.matches(selector)) found.push(root);
    for (const element of found) {
      load(element);
      // A composing element's parts appear in its shadow root, which exists once it has upgraded.
      if (COMPOSERS.includes(element.localName))
        void customElements.whenDefined(element.localName).then(() => {
          if (element.shadowRoot && !done()) discover(element.shadowRoot);
        });
    }
    if (done() || root instanceof Element) return;
    const observer = new MutationObserver((records) => {
      if (done()) return;
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    });
    // Without a prototype: a page's `Object.prototype.attributeFilter` would be read as an option.
    observer.observe(root, Object.setPrototypeOf({ childList: true, subtree: true }, null) as MutationObserverInit);
    // The document's observer is disconnected once every tag is loaded. A shadow root's is not kept
    // here: it goes with its root when the element is removed (keeping it kept every removed story).
    if (root instanceof Document) observers.push(observer);
  }

  return { discover };
}

const global = globalThis as typeof globalThis & { [KEY]?: Loader };
if (global[KEY]) {
  console.warn('[lede] the loader is on the page twice (lede.js from two URLs?); the first one loads the elements');
} else if (typeof document !== 'undefined') {
  (global[KEY] = createLoader(chunkMap, import.meta.url)).discover(document);
}

/**
 * Loads the Lede elements in `root` (a shadow root of your own, say) and the ones added to it
 * later. The page's document, and the shadow roots of Lede's own composing elements, are watched
 * already.
 */
export function discover(root: Root): void {
  global[KEY]?.discover(root);
}
