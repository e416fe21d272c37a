import { html, type TemplateResult } from 'lit';

/**
 * A name from a text with `{placeholders}`: each placeholder replaced by its value (text or a
 * template, left as given: the caller marks it), the text's own words passed through `mark` (which
 * marks an English fallback as English). For accessible names: an attribute cannot carry a
 * language, so a name with English words is built from marked text nodes and referenced by
 * `aria-labelledby` (see `nameText`).
 */
export function composeName(
  text: string,
  mark: (words: string) => unknown,
  values: Record<string, unknown>,
): unknown[] {
  return text.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name && Object.hasOwn(values, name)) return values[name];
    return /\p{L}/u.test(part) ? mark(part) : part;
  });
}

/**
 * The text of an accessible name, for `aria-labelledby="<id>"`: out of sight and of the reading
 * order, yet laid out, so that its marked words join without a space added (as a `hidden` one would).
 */
export const nameText = (id: string, content: unknown): TemplateResult =>
  html`<span id=${id} class="visually-hidden" aria-hidden="true">${content}</span>`;
