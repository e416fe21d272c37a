/** The visible text of an element: every key can be replaced through the `strings` property or attribute. */
export type Strings = Record<string, string>;

/** Replaces `{name}` placeholders with values. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? `${values[name]}` : whole,
  );
}

/**
 * Merges overrides into defaults, keeping only known keys with string values; returns the names
 * of the keys it had to drop so the caller can report them.
 */
export function mergeStrings<S extends Strings>(defaults: S, overrides: unknown): { strings: S; rejected: string[] } {
  const strings = { ...defaults };
  const rejected: string[] = [];
  if (overrides === undefined || overrides === null) return { strings, rejected };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return { strings, rejected: ['(the whole value)'] };
  for (const [key, value] of Object.entries(overrides)) {
    if (Object.hasOwn(defaults, key) && typeof value === 'string') (strings as Strings)[key] = value;
    else rejected.push(key);
  }
  return { strings, rejected };
}
