import type { LedeErrorCode } from '../core/events.js';
import { parseJsonAttribute } from '../core/json-attribute.js';
import { format } from '../core/strings.js';

export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** GETs `{ "count": n }`: the count, or why there is none (`timeout` when `signal` aborted). Never throws. */
export async function fetchCount(src: string, signal: AbortSignal): Promise<number | [LedeErrorCode, string]> {
  let text: string;
  try {
    const response = await fetch(src, { signal });
    if (!response.ok) return ['http', `answered HTTP ${response.status}`];
    text = await response.text();
  } catch (error) {
    return signal.aborted ? ['timeout', 'did not answer in time'] : ['network', `could not be reached (${error})`];
  }
  const parsed = parseJsonAttribute(text);
  const count = parsed.ok && (parsed.value as { count?: unknown } | null)?.count;
  return isCount(count) ? count : ['invalid-json', parsed.ok ? 'answered no whole-number count' : `answer ${parsed.problem}`];
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
