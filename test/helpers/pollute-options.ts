// Imported before Lede by test/polluted-options.test.ts: a page script has given Object.prototype
// the names of platform options (addEventListener, fetch, Intl, observers, shadow roots) and of
// what Lit reads from its render options. Every value is one the platform refuses or one that
// changes behaviour, so an options bag that inherits it breaks.
export const PLANTED_OPTIONS: Record<string, unknown> = {
  // addEventListener (Lit hands it the listener itself as options)
  signal: 'planted',
  once: true,
  capture: true,
  passive: true,
  // fetch
  integrity: 'sha256-planted',
  cache: 'only-if-cached',
  priority: 'planted',
  referrerPolicy: 'planted',
  window: 'planted',
  // Intl
  timeZone: 'Nowhere/Planted',
  hour: 'numeric',
  minimumFractionDigits: 30,
  // MutationObserver, scrollIntoView, focus, attachShadow, share
  attributeFilter: 'planted',
  behavior: 'planted',
  focusVisible: 'planted',
  slotAssignment: 'manual',
  delegatesFocus: true,
  files: 'planted',
  // Lit's render options
  creationScope: {},
  renderBefore: {},
};

for (const [key, value] of Object.entries(PLANTED_OPTIONS))
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: true });

/** Takes the planted properties away again, for the assertions. */
export const unplant = (): void =>
  Object.keys(PLANTED_OPTIONS).forEach((key) => delete (Object.prototype as Record<string, unknown>)[key]);
