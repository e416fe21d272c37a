import type { LedeErrorCode } from '../core/events.js';
import { deliver, describeFailure, nextTask, ownField } from '../core/delivery.js';
import { format } from '../core/strings.js';

/** A count a reader can read: a whole number from 0 to 2^53 − 1 (`1e308` is no count of comments). */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** GETs `{ "count": n }` through the shared delivery module: the count, or why there is none. Never throws. */
export async function fetchCount(
  url: string,
  timeout: number,
  signal: AbortSignal,
): Promise<number | [LedeErrorCode, string]> {
  await nextTask(); // The element renders its (empty) count line first; the request does not delay that.
  const result = await deliver({ url, method: 'GET' }, { timeout, retries: 0, signal });
  if (!result.ok) return describeFailure(result);
  const count = ownField(result.data, 'count');
  return isCount(count) ? count : ['invalid-json', 'did not answer { "count": n } with a whole number'];
}

/**
 * "Be the first to comment", "1 comment", "12 comments": 0 has its own text, other numbers take
 * the text of their plural category in `lang` (`countOne`, `countFew`…; empty means `countOther`).
 */
export function formatCount(count: number, lang: string, text: Record<string, string>): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template = count
    ? text[`count${category[0]!.toUpperCase()}${category.slice(1)}`] || text.countOther!
    : text.countNone!;
  return format(template, { n: new Intl.NumberFormat(lang).format(count) });
}
