/**
 * Reading untrusted data by its own properties only. A page may have set `Object.prototype.x`
 * (old scripts, or an attacker through a prototype-pollution bug): then `data.x`, `key in data`
 * and `data[key] ?? fallback` all see a value that the data does not have.
 */

export type OwnRecord = Record<string, unknown>;

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is OwnRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `record[key]` when it is the record's own property; undefined otherwise (never an inherited value). */
export const own = (record: unknown, key: PropertyKey): unknown =>
  (typeof record === 'object' || typeof record === 'function') && record !== null && Object.hasOwn(record, key)
    ? (record as Record<PropertyKey, unknown>)[key]
    : undefined;

/**
 * `values` without a prototype, for an options bag given to the platform (`fetch`, `addEventListener`,
 * `Intl`, observers): there a polluted `Object.prototype.signal`, `.timeZone` or `.attributeFilter`
 * would count as an option.
 */
export const options = <T extends object>(values: T): T => Object.setPrototypeOf(values, null) as T;

/** A new object without a prototype: `in`, lookups and `??` see only what it was given. */
export const bare = <T extends object>(entries: Iterable<readonly [PropertyKey, unknown]> = []): T =>
  options(Object.fromEntries(entries) as T);

/** Parses JSON into objects without a prototype (arrays stay arrays). Throws as `JSON.parse` does. */
export const parseOwnJson = (text: string): unknown =>
  JSON.parse(text, (_key, value: unknown) => (isRecord(value) ? bare(Object.entries(value)) : value));

/**
 * A deep copy of plain data (what a host set as a property) with objects that have no prototype,
 * keeping own enumerable properties only; a cycle becomes undefined.
 */
export function ownCopy(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return undefined;
  seen.add(value);
  const copy = Array.isArray(value)
    ? Array.from(value, (item) => ownCopy(item, seen))
    : bare(Object.entries(value).map(([key, item]) => [key, ownCopy(item, seen)] as const));
  seen.delete(value);
  return copy;
}

/** `value` with every plain object and array in it made without a prototype (for `toJson`). A Date keeps its own toJSON. */
const jsonCopy = (value: unknown): unknown =>
  Array.isArray(value)
    ? options(value.map(jsonCopy))
    : isRecord(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value))
      ? bare(Object.entries(value).map(([key, item]) => [key, jsonCopy(item)] as const))
      : value;

/**
 * `JSON.stringify(value)` that the page's `toJSON` cannot change. JSON.stringify calls `toJSON` on
 * every object it meets, looked up through the prototype chain: old Prototype.js gives
 * `Array.prototype` one that returns a string (the outbox was stored as one string, read back as
 * no entries, and its signups lost), and a polluted `Object.prototype.toJSON` replaced every body.
 * Plain objects and arrays are copied without a prototype first.
 */
export const toJson = (value: unknown): string => JSON.stringify(jsonCopy(value));
