import { bare } from '../core/own.js';
import { fetchSource, parseSourceJson, SourceError } from '../core/source.js';

/** The article fields a Lede document can supply. */
export type ArticleFields = Partial<Record<'headline' | 'dek' | 'byline' | 'published' | 'updated', string>>;

export interface LoadedSource {
  kind: 'html' | 'document';
  body: string;
  fields: ArticleFields;
}

/** Fetches `src`: an HTML fragment or a Lede document (JSON), told apart by the content type. */
export async function loadSource(src: string, signal: AbortSignal): Promise<LoadedSource> {
  const { type, text } = await fetchSource(src, signal);
  // Fields without a prototype: a page's `Object.prototype.byline` is no field of the article.
  if (/html/i.test(type)) return { kind: 'html', body: text, fields: bare() };
  if (!/json/i.test(type)) throw new SourceError('invalid-document', `is ${type || 'untyped'}, not HTML or JSON`);
  const doc = parseSourceJson(text) as Record<string, unknown> | null;
  const fields: ArticleFields = bare();
  let body = '';
  for (const key of ['body', 'headline', 'dek', 'byline', 'published', 'updated'] as const) {
    const value = doc?.[key];
    if (value === undefined && key !== 'body') continue;
    if (typeof value !== 'string') throw new SourceError('invalid-document', 'must be a string', key);
    if (key === 'body') body = value;
    else fields[key] = value;
  }
  return { kind: 'document', body, fields };
}
