import { isCount, requestCount, type CountResult } from '../core/count-batch.js';
import { deliver, describeFailure, nextTask, ownField } from '../core/delivery.js';
import { baseUrl } from '../core/page.js';

export { formatCount, isCount } from '../core/count-batch.js';

/**
 * The count at `url`: a batched counts endpoint (its path ends in `/counts` and it names one
 * `articleId`) joins the page's batch for that endpoint, with every `<lede-comment-count>` of the
 * page; any other URL is asked on its own for `{ "count": n }`. Resolves with the count, or why
 * there is none (undefined: told by another element of the batch). Never throws.
 */
export async function fetchCount(url: string, timeout: number, signal: AbortSignal): Promise<CountResult> {
  const batched = batchedArticle(url);
  if (batched !== undefined) return requestCount(url, batched, signal, timeout);
  await nextTask(); // The element renders its (empty) count line first; the request does not delay that.
  const result = await deliver({ url, method: 'GET' }, { timeout, retries: 0, signal });
  if (!result.ok) return describeFailure(result);
  const count = ownField(result.data, 'count');
  return isCount(count) ? count : ['invalid-json', 'did not answer { "count": n } with a whole number'];
}

/** The article id of a batched counts URL (`…/counts?articleId=a`), else undefined. */
function batchedArticle(url: string): string | undefined {
  try {
    const { pathname, searchParams } = new URL(url, baseUrl());
    const ids = searchParams.getAll('articleId');
    return /\/counts\/?$/.test(pathname) && ids.length === 1 ? ids[0] : undefined;
  } catch {
    return undefined;
  }
}
