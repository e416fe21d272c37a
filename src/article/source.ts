import type { LedeErrorCode } from '../core/events.js';
import { describe } from '../core/errors.js';

/** The article fields a Lede document can supply. */
export interface ArticleFields {
  headline?: string;
  dek?: string;
  byline?: string;
  published?: string;
  updated?: string;
}

export interface LoadedSource {
  kind: 'html' | 'document';
  body: string;
  fields: ArticleFields;
}

export class SourceError extends Error {
  constructor(readonly code: LedeErrorCode, message: string, readonly field = 'src') {
    super(message);
  }
}

const FIELDS = ['headline', 'dek', 'byline', 'published', 'updated'] as const;

/** Reads a Lede document's article fields, naming any that has the wrong type. */
function readDocument(value: unknown): LoadedSource {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SourceError('invalid-document', `must be a Lede document object, not ${describe(value)}`);
  const doc = value as Record<string, unknown>;
  if (typeof doc.body !== 'string') throw new SourceError('invalid-document', `must be a string, not ${describe(doc.body)}`, 'body');
  const fields: ArticleFields = {};
  for (const key of FIELDS) {
    const field = doc[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') throw new SourceError('invalid-document', `must be a string, not ${describe(field)}`, key);
    fields[key] = field;
  }
  return { kind: 'document', body: doc.body, fields };
}

/** Fetches `src`: an HTML fragment or a Lede document (JSON), told apart by the content type. */
export async function loadSource(src: string, signal: AbortSignal): Promise<LoadedSource> {
  let response: Response;
  try {
    response = await fetch(new URL(src, document.baseURI), { signal, headers: { Accept: 'text/html, application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new SourceError('network', `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new SourceError('http', `answered HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (/[/+]json\b/i.test(type)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new SourceError('invalid-json', `is not valid JSON (${(error as Error).message})`);
    }
    return readDocument(value);
  }
  if (/\bhtml\b/i.test(type)) return { kind: 'html', body: text, fields: {} };
  throw new SourceError('invalid-document', `answered ${describe(type || 'no content type')}, not HTML or a Lede document (JSON)`);
}
