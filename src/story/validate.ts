import { isRecord, own } from '../core/own.js';

/** The subset of JSON Schema that schema.json uses. */
export interface Schema {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'number';
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
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

/** A schema keyword, read as the schema's own property (a polluted `Object.prototype.required` is not one). */
const keyword = <K extends keyof Schema>(schema: Schema, key: K): Schema[K] => own(schema, key) as Schema[K];

/**
 * Checks a value against the schema; returns every problem, never throws. Reads only the value's
 * own properties, and stops at the first problem of an array that is longer than allowed, so that
 * a document of any size is checked in time linear in its size.
 */
export function validate(value: unknown, schema: Schema, path = ''): SchemaProblem[] {
  const at = path || 'the document';
  const allowed = keyword(schema, 'enum');
  if (allowed && !allowed.includes(value))
    return [{ path: at, problem: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` }];
  const type = keyword(schema, 'type');
  if (type && kind(value) !== type)
    return [{ path: at, problem: `must be ${article(type)}, not ${article(kind(value))}` }];
  if (typeof value === 'string') {
    const minLength = keyword(schema, 'minLength');
    const maxLength = keyword(schema, 'maxLength');
    if (minLength && value.trim().length < minLength) return [{ path: at, problem: 'must not be empty' }];
    if (maxLength !== undefined && value.length > maxLength)
      return [{ path: at, problem: `must be at most ${maxLength} characters long, not ${value.length}` }];
    if (keyword(schema, 'format') === 'date-time' && Number.isNaN(Date.parse(value)))
      return [{ path: at, problem: 'must be an ISO 8601 date' }];
  }
  const items = keyword(schema, 'items');
  if (Array.isArray(value) && items) {
    const maxItems = keyword(schema, 'maxItems');
    if (maxItems !== undefined && value.length > maxItems)
      return [{ path: at, problem: `must have at most ${maxItems} items, not ${value.length}` }];
    return value.flatMap((item, index) => validate(item, items, `${path}[${index}]`));
  }
  if (isRecord(value)) {
    const missing = (keyword(schema, 'required') ?? [])
      .filter((key) => own(value, key) === undefined)
      .map((key) => ({ path: join(path, key), problem: 'is required' }));
    const wrong = Object.entries(keyword(schema, 'properties') ?? {}).flatMap(([key, sub]) =>
      own(value, key) === undefined ? [] : validate(own(value, key), sub, join(path, key)),
    );
    return [...missing, ...wrong];
  }
  return [];
}
