// Isso: `POST /count` with a JSON array of thread URIs answers an array of counts in the same order.
// Document: Isso server API, "Count comments" (`@api {post} /count`) in isso-comments/isso isso/views/comments.py,
// published at https://isso-comments.de/docs/reference/server-api/. No token: counts are public.
import { countOf, requestJson, SourceError, type CountSource, type SourceSettings } from './types.js';

export function issoSource(settings: SourceSettings): CountSource {
  return {
    name: 'isso',
    batchSize: 100,
    async fetchCounts(keys, signal, found) {
      const body = await requestJson(
        `${settings.url}/count`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(keys) },
        signal,
      );
      if (!Array.isArray(body) || body.length !== keys.length)
        throw new SourceError(`the answer is not a list of ${keys.length} counts`);
      const counts = keys.map((key, i) => countOf(body[i], `count of ${key}`));
      keys.forEach((key, i) => found.set(key, counts[i]!));
    },
  };
}
