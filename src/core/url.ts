// http(s), mailto, tel and relative URLs; no javascript:, vbscript:, data: (DOMPurify still
// allows data: on media sources, never on links).
export const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/**
 * Whether a URL from an attribute or a document may become a link's `href`: the same rule as
 * sanitized content, after removing the white space and control characters a browser ignores
 * (so ` javascript:` and `java\tscript:` are caught).
 */
export const isSafeUrl = (url: string): boolean => ALLOWED_URI_REGEXP.test(url.replace(/[^!-~\u00a1-\uffff]/g, ''));

/** The id a `#fragment` names, decoded (`#caf%C3%A9` names `café`); a malformed escape is taken as written. */
export function fragmentOf(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** The ids a `#fragment` may name, in the order the HTML spec tries them: as written, then decoded. */
export const fragmentsOf = (hash: string): string[] => [...new Set([hash.slice(1), fragmentOf(hash)])];
