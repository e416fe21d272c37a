import { sanitizeHtml } from '../core/sanitize.js';

/**
 * The consent label from `consent-html`: sanitized by the core sanitizer (which loads DOMPurify
 * only when a page uses this), then reduced to text and links. Every other element is unwrapped to its text; links
 * keep only `href`, `target` and `rel`.
 */
export async function consentNodes(dirty: string): Promise<Node[]> {
  const fragment = await sanitizeHtml(dirty);
  linksOnly(fragment);
  return [...fragment.childNodes];
}

function linksOnly(parent: ParentNode): void {
  for (const child of [...parent.children]) {
    linksOnly(child);
    if (child.localName === 'a' && child.hasAttribute('href')) {
      for (const { name } of [...child.attributes]) if (!/^(href|target|rel)$/.test(name)) child.removeAttribute(name);
    } else child.replaceWith(...child.childNodes);
  }
}

/** The text a reader sees in `node`, slotted content included, with white space collapsed. */
export const visibleText = (node: Node): string =>
  flat(node)
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();

const flat = (node: Node): string =>
  node instanceof HTMLSlotElement
    ? node.assignedNodes({ flatten: true }).map(flat).join('')
    : node.nodeType === Node.TEXT_NODE
      ? node.textContent!
      : [...node.childNodes].map(flat).join('');
