/**
 * Reads of the page that its markup cannot clobber. `document.title`, `document.baseURI` or
 * `form.querySelector` are replaced by an element the moment a page has `<img name="title">` or a
 * form holds `<input name="querySelector">`; the getters and methods on the prototypes are not.
 * Browser only: call these from lifecycle callbacks or event handlers, never on a server.
 */

export const getter = (proto: object, key: string): ((this: unknown) => unknown) =>
  Object.getOwnPropertyDescriptor(proto, key)!.get!;

/** The document's base URL (what relative URLs in it resolve against). */
export const baseUrl = (): string => getter(Node.prototype, 'baseURI').call(document) as string;

/** The document's title. */
export const documentTitle = (): string => getter(Document.prototype, 'title').call(document) as string;

/** `root.querySelector(selector)`, whatever the names of the fields inside `root`. */
export function query<E extends Element = Element>(root: ParentNode, selector: string): E | null {
  const proto =
    root instanceof Document
      ? Document.prototype
      : root instanceof Element
        ? Element.prototype
        : DocumentFragment.prototype;
  return proto.querySelector.call(root, selector) as E | null;
}

/** `element.getAttribute(name)`, whatever the names of the fields inside a form. */
export const attribute = (element: Element, name: string): string | null =>
  Element.prototype.getAttribute.call(element, name);

/** The page's canonical URL, if it names one. */
export const canonicalUrl = (): string | undefined =>
  query<HTMLLinkElement>(document, 'link[rel=canonical]')?.href || undefined;

/** `url` made absolute against the page, if it is an http(s) URL; undefined otherwise. */
export function httpUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, baseUrl());
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** The element with `id` in `root` (the document by default), whatever the names of the page's images and forms. */
export function elementById(id: string, root: Node = document): HTMLElement | null {
  if (root instanceof Document) return Document.prototype.getElementById.call(root, id);
  return root instanceof DocumentFragment ? DocumentFragment.prototype.getElementById.call(root, id) : null;
}

/** A new element of this document (`document.createElement` itself can be an `<img name="createElement">`). */
export const createElement = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] =>
  Document.prototype.createElement.call(document, tag) as HTMLElementTagNameMap[K];

/**
 * Listens for `type` on the window or the document through EventTarget's own methods (an
 * `<img id="addEventListener">` replaces the window's, `name=` the document's). Returns the
 * function that stops listening.
 */
export function listen<E extends Event>(target: EventTarget, type: string, listener: (event: E) => void): () => void {
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  add.call(target, type, listener as EventListener);
  return () => remove.call(target, type, listener as EventListener);
}

/** Whether the page is still being parsed (more of its elements are to come). */
export const isLoading = (): boolean => getter(Document.prototype, 'readyState').call(document) === 'loading';
