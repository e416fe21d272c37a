import { CONTENT_ID_PREFIX } from '../core/sanitize.js';
import { elementById } from '../core/page.js';

/** One entry of the table of contents. */
export interface TocEntry {
  id: string;
  text: string;
  level: string;
}

/**
 * Lists the h2 and h3 headings under `root`, giving an id to those without one (with the
 * sanitizer's prefix in sanitized content, so `#slug` finds it either way).
 */
export function collectHeadings(root: Element, prefix: string): TocEntry[] {
  const used = new Set([...root.querySelectorAll('[id]')].map((element) => element.id));
  // Children with a `slot` (the fallback header and table of contents) are not the body.
  return [...root.querySelectorAll(':scope > :is(h2, h3):not([slot]), :scope > :not([slot]) :is(h2, h3)')].map(
    (heading) => {
      const text = heading.textContent!.replace(/\s+/g, ' ').trim();
      if (!heading.id) {
        const base =
          prefix +
          (text
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, '-')
            .replace(/^-|-$/g, '') || 'section');
        let id = base;
        for (let n = 2; used.has(id) || elementById(id); n++) id = `${base}-${n}`;
        used.add((heading.id = id));
      }
      return { id: heading.id, text, level: heading.localName };
    },
  );
}

/** A top-level entry of the table of contents and the h3 entries under it. */
export interface TocSection extends TocEntry {
  children: TocEntry[];
}

/** Nests each h3 entry under the h2 before it (an h3 before any h2 stays at the top level). */
export function nestEntries(entries: TocEntry[]): TocSection[] {
  const sections: TocSection[] = [];
  for (const entry of entries) {
    const parent = sections.at(-1);
    if (entry.level === 'h3' && parent?.level === 'h2') parent.children.push(entry);
    else sections.push({ ...entry, children: [] });
  }
  return sections;
}

/** The element a `#fragment` means: the id as written, or with the sanitizer's prefix. */
export const findTarget = (root: Document | ShadowRoot, fragment: string) =>
  (fragment && (elementById(fragment, root) ?? elementById(CONTENT_ID_PREFIX + fragment, root))) as HTMLElement | null;

/** The fragment to show in the address bar for an id: without the sanitizer's prefix. */
export const publicFragment = (id: string) => id.replace(CONTENT_ID_PREFIX, '');
