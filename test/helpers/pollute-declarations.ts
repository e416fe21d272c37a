// Imported before Lede by test/polluted-declarations.test.ts: a page script has given
// Object.prototype the names of the options Lit reads from a reactive property's declaration
// (`static properties`), with values that change what every property does: no attribute, no
// accessor, every value reflected, every attribute read as a number or through a converter,
// no change ever seen.
export const PLANTED_DECLARATION: Record<string, unknown> = {
  state: true,
  attribute: false,
  noAccessor: true,
  reflect: true,
  type: Number,
  converter: () => 'planted',
  hasChanged: () => false,
  useDefault: true,
  wrapped: true,
  // What Lit reads of a converter object.
  fromAttribute: () => 'planted',
  toAttribute: () => 'planted',
};

for (const [key, value] of Object.entries(PLANTED_DECLARATION))
  Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: true });

/** Takes the planted properties away again, for the assertions. */
export const unplant = (): void =>
  Object.keys(PLANTED_DECLARATION).forEach((key) => delete (Object.prototype as Record<string, unknown>)[key]);
