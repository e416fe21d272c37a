import { CONTENT_ID_PREFIX } from '../core/sanitize.js';

/** One entry of the table of contents. */
export interface TocEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

const slug = (text: string) =>
  text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'section';

/**
 * Lists the h2 and h3 headings under `root`, giving an id to those without one (prefixed like
 * DOMPurify's named properties when the root is sanitized content, so `#slug` finds it either way).
 */
export function collectHeadings(root: ParentNode, prefix: string): TocEntry[] {
  const used = new Set([...root.querySelectorAll('[id]')].map((element) => element.id));
  const owner = root instanceof Element && root.isConnected ? (root.getRootNode() as Document | ShadowRoot) : undefined;
  const taken = (id: string) => used.has(id) || owner?.getElementById(id) != null;
  return [...root.querySelectorAll('h2, h3')].flatMap((heading) => {
    const text = heading.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!text) return [];
    if (!heading.id) {
      const base = prefix + slug(text);
      let id = base;
      for (let n = 2; taken(id); n++) id = `${base}-${n}`;
      heading.id = id;
      used.add(id);
    }
    return [{ id: heading.id, text, level: heading.localName === 'h2' ? 2 : 3 } as TocEntry];
  });
}

/** The id a `#fragment` means: as written, or with the sanitizer's prefix. */
export function findTarget(root: Document | ShadowRoot, fragment: string): HTMLElement | null {
  if (!fragment) return null;
  return (root.getElementById(fragment) ?? root.getElementById(CONTENT_ID_PREFIX + fragment)) as HTMLElement | null;
}

/** The fragment to show in the address bar for an id: without the sanitizer's prefix. */
export const publicFragment = (id: string) => (id.startsWith(CONTENT_ID_PREFIX) ? id.slice(CONTENT_ID_PREFIX.length) : id);
