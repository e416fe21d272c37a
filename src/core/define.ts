/**
 * Registers a custom element once. A page that loads Lede twice (or two versions of it) keeps the
 * first definition and gets a console warning instead of the `NotSupportedError` that a second
 * `customElements.define()` would throw.
 */
let warned = false;

/** Defines `tagName`, or warns (once per copy of Lede) that an earlier copy already did. */
export function define(tagName: string, elementClass: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // Server rendering or a non-browser runtime: nothing to register.
  const existing = registry.get(tagName);
  if (!existing) {
    registry.define(tagName, elementClass);
    return;
  }
  if (existing !== elementClass && !warned) {
    warned = true;
    console.warn(`[lede] <${tagName}> is already defined (Lede loaded twice?); keeping the first copy's elements`);
  }
}
