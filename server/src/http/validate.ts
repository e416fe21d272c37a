import { HttpError } from './errors.js';

export const LIMITS = { email: 254, name: 200, id: 200, text: 2000, url: 2048, lang: 35 } as const;

// C0/C1 controls (CR, LF, NUL...) have no place in an address, a name or an id.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function length(value: string): number {
  return [...value].length;
}

interface FieldRule {
  max: number;
  required?: boolean;
  /** Free text (consent wording) may hold line breaks. */
  multiline?: boolean;
}

/** One string field: present (if required), a string, at most `max` characters, no control characters. Never cut. */
export function stringField(fields: Record<string, unknown>, name: string, rule: FieldRule): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null || value === '') {
    if (rule.required) throw new HttpError(400, `${name} is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw new HttpError(400, `${name} must be a string.`);
  if (length(value) > rule.max) throw new HttpError(400, `${name} is longer than ${rule.max} characters.`);
  // eslint-disable-next-line no-control-regex -- as above, less tab and line breaks
  const controls = rule.multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/ : CONTROL;
  if (controls.test(value)) throw new HttpError(400, `${name} contains a line break or control character.`);
  return value;
}

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\].]+$/u;

export function emailField(fields: Record<string, unknown>): string {
  const email = stringField(fields, 'email', { max: LIMITS.email, required: true })!.trim();
  if (!EMAIL.test(email)) throw new HttpError(400, 'Please enter a valid email address.');
  return email.toLowerCase();
}

export function idParam(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new HttpError(400, `${name} is required.`);
  if (length(value) > LIMITS.id) throw new HttpError(400, `${name} is longer than ${LIMITS.id} characters.`);
  if (CONTROL.test(value)) throw new HttpError(400, `${name} contains a control character.`);
  return value;
}

export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header === '' || header.length > LIMITS.id || !/^[\x21-\x7e]+$/.test(header)) {
    throw new HttpError(400, `Idempotency-Key must be 1 to ${LIMITS.id} visible ASCII characters.`);
  }
  return header;
}
