import { batchedArticle, batcher, isCount, type CountResult } from '../core/count.js';
import { deliver, describeFailure, nextTask, ownField } from '../core/delivery.js';
import { own } from '../core/own.js';

export { formatCount, isCount } from '../core/count.js';

/**
 * The count at `url`, `{ "count": n }`; or, from a batched counts endpoint (its path ends in
 * `/counts` and it names one `articleId`: `…/counts?articleId=a`), `{ "counts": { "a": n } }`,
 * asked together with the page's `<lede-comment-count>` elements on that endpoint when there are
 * any. Resolves with the count, or why there is none (undefined: another element of the batch
 * tells it). Never throws.
 */
export async function fetchCount(url: string, timeout: number, signal: AbortSignal): Promise<CountResult> {
  const id = batchedArticle(url);
  // A batched count waits a microtask only: every module of the page has run by then (the
  // batcher too, if the page has comment counts), and the batch of this task has not left yet.
  await (id === undefined ? nextTask() : null);
  if (id !== undefined && batcher.request) return batcher.request(url, id, signal);
  if (id !== undefined) await nextTask(); // Alone: the element renders its (empty) count line first.
  const result = await deliver({ url, method: 'GET' }, { timeout, retries: 0, signal });
  if (!result.ok) return describeFailure(result);
  const count =
    (id === undefined ? undefined : own(ownField(result.data, 'counts'), id)) ?? ownField(result.data, 'count');
  return isCount(count) ? count : ['invalid-json', 'did not answer a whole-number count'];
}
