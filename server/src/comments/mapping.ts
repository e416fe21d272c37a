/** What the comment system knows an article by, from COMMENT_SOURCE_MAP: `{id}` as is, `{encodedId}` percent-encoded. */
export function articleKey(template: string, articleId: string): string {
  return template.replaceAll('{id}', articleId).replaceAll('{encodedId}', encodeURIComponent(articleId));
}

/** A URL for the log: scheme, host and path, never credentials or a query that may carry a key. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
