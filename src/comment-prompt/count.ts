import { describe } from '../core/errors.js';
import type { LedeErrorCode } from '../core/events.js';
import { parseJsonAttribute } from '../core/json-attribute.js';
import { format } from '../core/strings.js';

export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

export type CountResult = { count: number } | { code: LedeErrorCode; problem: string };

/** GETs `{ "count": n }` from `src`; never throws. An aborted `signal` (timeout) gives a `timeout` result. */
export async function fetchCount(src: string, signal: AbortSignal): Promise<CountResult> {
  let text: string;
  try {
    const response = await fetch(src, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) return { code: 'http', problem: `answered HTTP ${response.status}` };
    text = await response.text();
  } catch (error) {
    return signal.aborted ? { code: 'timeout', problem: 'did not answer in time' } : { code: 'network', problem: `could not be reached (${(error as Error).message})` };
  }
  const parsed = parseJsonAttribute(text);
  if (!parsed.ok) return { code: 'invalid-json', problem: `answer ${parsed.problem}` };
  const count = (parsed.value as { count?: unknown } | null)?.count;
  return isCount(count) ? { count } : { code: 'invalid-json', problem: `answer has no whole-number "count" (got ${describe(count)})` };
}

/**
 * "Be the first to comment", "1 comment", "12 comments": 0 has its own text, other numbers take
 * the text of their plural category in `lang` (`countOne`, `countFew`…), with the number formatted.
 */
export function formatCount(count: number, lang: string, text: Record<string, string>): string {
  if (count === 0) return text.countNone!;
  const category = new Intl.PluralRules(lang).select(count);
  const template = text[`count${category[0]!.toUpperCase()}${category.slice(1)}`] ?? text.countOther!;
  return format(template, { n: new Intl.NumberFormat(lang).format(count) });
}
