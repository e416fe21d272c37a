import type { LedeErrorCode } from '../core/events.js';
import { format } from '../core/strings.js';

export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** GETs `{ "count": n }`: the count, or why there is none (`timeout` once `signal` aborts). Never throws. */
export async function fetchCount(src: string, signal: AbortSignal): Promise<number | [LedeErrorCode, string]> {
  try {
    const response = await fetch(src, { signal });
    const text = await response.text();
    if (!response.ok) return ['http', `answered HTTP ${response.status}`];
    let count: unknown;
    try {
      count = JSON.parse(text).count;
    } catch {
      // Not JSON: reported below.
    }
    return isCount(count) ? count : ['invalid-json', 'did not answer { "count": n } with a whole number'];
  } catch (error) {
    return signal.aborted ? ['timeout', 'did not answer in time'] : ['network', `could not be reached (${error})`];
  }
}

/**
 * "Be the first to comment", "1 comment", "12 comments": 0 has its own text, other numbers take
 * the text of their plural category in `lang` (`countOne`, `countFew`…; empty means `countOther`).
 */
export function formatCount(count: number, lang: string, text: Record<string, string>): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template = count ? text[`count${category[0]!.toUpperCase()}${category.slice(1)}`] || text.countOther! : text.countNone!;
  return format(template, { n: new Intl.NumberFormat(lang).format(count) });
}
