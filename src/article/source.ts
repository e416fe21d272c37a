import type { LedeErrorCode } from '../core/events.js';

/** The article fields a Lede document can supply. */
export type ArticleFields = Partial<Record<'headline' | 'dek' | 'byline' | 'published' | 'updated', string>>;

export interface LoadedSource {
  kind: 'html' | 'document';
  body: string;
  fields: ArticleFields;
}

/** Why `src` could not be shown: the error code, the field at fault, and the problem. */
export class SourceError extends Error {
  constructor(readonly code: LedeErrorCode, message: string, readonly field = 'src') {
    super(message);
  }
}

/** Fetches `src`: an HTML fragment or a Lede document (JSON), told apart by the content type. */
export async function loadSource(src: string, signal: AbortSignal): Promise<LoadedSource> {
  const response = await fetch(new URL(src, document.baseURI), { signal }).catch((error: Error) => {
    throw signal.aborted ? error : new SourceError('network', `could not be fetched (${error.message})`);
  });
  if (!response.ok) throw new SourceError('http', `answered HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (/html/i.test(type)) return { kind: 'html', body: text, fields: {} };
  if (!/json/i.test(type)) throw new SourceError('invalid-document', `is ${type || 'untyped'}, not HTML or JSON`);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new SourceError('invalid-json', 'is not valid JSON');
  }
  const fields: ArticleFields = {};
  for (const key of ['body', 'headline', 'dek', 'byline', 'published', 'updated'] as const) {
    const value = doc?.[key];
    if (value === undefined && key !== 'body') continue;
    if (typeof value !== 'string') throw new SourceError('invalid-document', 'must be a string', key);
    if (key !== 'body') fields[key] = value;
  }
  return { kind: 'document', body: doc.body as string, fields };
}
