import type { Context } from 'hono';
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 16 * 1024;

export interface ParsedBody {
  raw: Buffer;
  kind: 'json' | 'form';
  fields: Record<string, unknown>;
}

/** Reads the body, stopping at the limit whatever Content-Length says (413 past it). */
export async function readRaw(c: Context, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new HttpError(413, `The request is too large (at most ${limit / 1024} KB).`);
  const stream = c.req.raw.body;
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new HttpError(413, `The request is too large (at most ${limit / 1024} KB).`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Parses a JSON body (and, where `allowForm`, a urlencoded or multipart form, as a publisher's own form sends itself)
 * into a plain object with no prototype. Of a repeated form field the first value counts; files are ignored.
 */
export async function readFields(c: Context, allowForm: boolean): Promise<ParsedBody> {
  const type = mediaType(c);
  const isJson = type === 'application/json';
  const isForm = allowForm && (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data');
  if (!isJson && !isForm) {
    throw new HttpError(
      415,
      allowForm
        ? 'Send the form as application/json, application/x-www-form-urlencoded or multipart/form-data.'
        : 'Send application/json.',
    );
  }
  const raw = await readRaw(c);
  const fields: Record<string, unknown> = Object.create(null);
  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Response(raw, { headers: { 'content-type': c.req.header('content-type')! } }).formData();
    } catch {
      throw new HttpError(400, 'The form data could not be read.');
    }
    for (const [name, value] of form) if (!(name in fields) && typeof value === 'string') fields[name] = value;
    return { raw, kind: 'form', fields };
  }
  const text = raw.toString('utf8');
  if (isForm) {
    for (const [name, value] of new URLSearchParams(text)) if (!(name in fields)) fields[name] = value;
    return { raw, kind: 'form', fields };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  for (const [name, value] of Object.entries(parsed)) fields[name] = value;
  return { raw, kind: 'json', fields };
}
