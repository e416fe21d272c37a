/** The subset of JSON Schema that schema.json uses. */
export interface Schema {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'number';
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  minLength?: number;
  format?: 'date-time';
}

/** One problem, with the dotted path of the bad field (`scenarios.items[2].title`). */
export interface SchemaProblem {
  path: string;
  problem: string;
}

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Checks a value against the schema; returns every problem, never throws. */
export function validate(value: unknown, schema: Schema, path = ''): SchemaProblem[] {
  const at = path || 'the document';
  if (schema.enum && !schema.enum.includes(value))
    return [{ path: at, problem: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` }];
  if (schema.type && kind(value) !== schema.type)
    return [{ path: at, problem: `must be ${article(schema.type)}, not ${article(kind(value))}` }];
  if (typeof value === 'string') {
    if (schema.minLength && value.trim().length < schema.minLength) return [{ path: at, problem: 'must not be empty' }];
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value)))
      return [{ path: at, problem: 'must be an ISO 8601 date' }];
  }
  if (Array.isArray(value) && schema.items)
    return value.flatMap((item, index) => validate(item, schema.items!, `${path}[${index}]`));
  if (kind(value) === 'object') {
    const object = value as Record<string, unknown>;
    const missing = (schema.required ?? [])
      .filter((key) => object[key] === undefined)
      .map((key) => ({ path: join(path, key), problem: 'is required' }));
    const wrong = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) =>
      object[key] === undefined ? [] : validate(object[key], sub, join(path, key)),
    );
    return [...missing, ...wrong];
  }
  return [];
}
