import type { LedeErrorCode } from './events.js';
import { baseUrl } from './page.js';
import { intl } from './intl.js';
import { format } from './strings.js';

/** A count; a failure that this element reports; or undefined: a failure another element reports, or the element left. */
export type CountResult = number | [LedeErrorCode, string] | undefined;

/**
 * The count batcher (./count-batch.ts), once something on the page loaded it (a
 * `<lede-comment-count>`): a comment prompt then joins the batch of its task through it, and
 * pays nothing for the batcher on a page without comment counts.
 */
export const batcher: {
  request?: (src: string, id: string, signal: AbortSignal) => Promise<CountResult>;
} = {};

/** A count a reader can read: a whole number from 0 to 2^53 − 1 (`1e308` is no count of comments). */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * "No comments", "1 comment", "12 comments": 0 has its own text, other numbers take the text of
 * their plural category in `lang` (`countOne`, `countFew`…; empty means `countOther`).
 */
export function formatCount(count: number, lang: string, text: Record<string, string>): string {
  const category = intl(Intl.PluralRules, lang).select(count);
  const template = count
    ? text[`count${category[0]!.toUpperCase()}${category.slice(1)}`] || text.countOther!
    : text.countNone!;
  return format(template, { n: intl(Intl.NumberFormat, lang).format(count) });
}

/** The article of a batched counts URL (its path ends in `/counts` and it names one `articleId`: `…/counts?articleId=a`). */
export function batchedArticle(url: string): string | undefined {
  try {
    const { pathname, searchParams } = new URL(url, baseUrl());
    const ids = searchParams.getAll('articleId');
    return /\/counts\/?$/.test(pathname) && ids.length === 1 ? ids[0] : undefined;
  } catch {
    return undefined;
  }
}
