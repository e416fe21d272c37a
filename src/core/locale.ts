import { isServer } from 'lit';

/**
 * The value of `attribute` on the element or its nearest ancestor that has it, crossing
 * shadow-root boundaries. A server renderer's element has no ancestors: there, only its own counts.
 */
function inheritedAttribute(node: Element, attribute: string): string | null | undefined {
  if (isServer) return node.getAttribute(attribute);
  const { host } = node.getRootNode() as Partial<ShadowRoot>; // A document has no host.
  // Through the prototype: the closest element may be a form with a field named `getAttribute`.
  const closest = node.closest(`[${attribute}]`);
  return closest
    ? Element.prototype.getAttribute.call(closest, attribute)
    : host
      ? inheritedAttribute(host, attribute)
      : null;
}

/** The element's language for `Intl`: its own or an ancestor's `lang`, else the browser's. */
export function resolveLang(element: Element): string {
  const lang = inheritedAttribute(element, 'lang')?.trim();
  const candidate = lang || globalThis.navigator?.language || 'en';
  try {
    return Intl.getCanonicalLocales(candidate)[0]!; // One locale in, one out.
  } catch {
    return 'en';
  }
}

/** The element's writing direction: its own or an ancestor's `dir`, else left to right. */
export function resolveDir(element: Element): 'ltr' | 'rtl' {
  const dir = inheritedAttribute(element, 'dir')?.toLowerCase();
  return dir === 'rtl' ? 'rtl' : 'ltr';
}
