import { own } from './own.js';

/** The visible text of an element: every key can be replaced through the `strings` property or attribute. */
export type Strings = Record<string, string>;

/** Replaces `{name}` placeholders with values. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? `${values[name]}` : whole,
  );
}

/**
 * Merges overrides into defaults, keeping only known keys with string values; returns the names
 * of the keys it had to drop so the caller can report them.
 */
export function mergeStrings<S extends Strings>(defaults: S, overrides: unknown): { strings: S; rejected: string[] } {
  const strings = { ...defaults };
  const rejected: string[] = [];
  if (overrides === undefined || overrides === null) return { strings, rejected };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return { strings, rejected: ['(the whole value)'] };
  for (const [key, value] of Object.entries(overrides)) {
    if (Object.hasOwn(defaults, key) && typeof value === 'string') (strings as Strings)[key] = value;
    else rejected.push(key);
  }
  return { strings, rejected };
}

/**
 * One language's texts for the elements, by tag: `{ lang: 'de', 'lede-article': { toc: 'Inhalt' } }`.
 * A key left out stays in English.
 */
export type Translation = { lang: string } & { [tag: `lede-${string}`]: Strings };

const translations = new Map<string, Translation>();

/**
 * Makes a language's texts the defaults of every element whose `lang` (its own or inherited) is
 * that language; `de` also serves `de-AT`. Register before the elements render. Lede ships German,
 * Polish and Arabic as modules of their own (`lede/translations/de` …), so a page pays only for
 * the languages it imports.
 */
export function registerTranslation(...languages: Translation[]): void {
  for (const language of languages) translations.set(language.lang.toLowerCase(), language);
}

/** The registered texts of element `tag` in `lang`, or in its base language. */
export function translationFor(tag: string, lang: string): Strings | undefined {
  const code = lang.toLowerCase();
  // Own texts only: a page's `Object.prototype['lede-…']` is no translation.
  return own(translations.get(code) ?? translations.get(code.split('-')[0]!), tag) as Strings | undefined;
}
