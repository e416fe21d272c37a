import { isServer } from 'lit';

/**
 * The nearest ancestor (or self) matching `selector`, crossing shadow-root boundaries. A server
 * renderer's element has no ancestors to search: there, only the element itself counts.
 */
function closestComposed(node: Element, selector: string): Element | null {
  if (isServer) return node.hasAttribute(selector.slice(1, -1)) ? node : null;
  const { host } = node.getRootNode() as Partial<ShadowRoot>; // A document has no host.
  return node.closest(selector) ?? (host ? closestComposed(host, selector) : null);
}

/** The element's language for `Intl`: its own or an ancestor's `lang`, else the browser's. */
export function resolveLang(element: Element): string {
  const lang = closestComposed(element, '[lang]')?.getAttribute('lang')?.trim();
  const candidate = lang || globalThis.navigator?.language || 'en';
  try {
    return Intl.getCanonicalLocales(candidate)[0]!; // One locale in, one out.
  } catch {
    return 'en';
  }
}

/** The element's writing direction: its own or an ancestor's `dir`, else left to right. */
export function resolveDir(element: Element): 'ltr' | 'rtl' {
  const dir = closestComposed(element, '[dir]')?.getAttribute('dir')?.toLowerCase();
  return dir === 'rtl' ? 'rtl' : 'ltr';
}
