// Remark42: `POST /api/v1/counts?site={site}` with a JSON array of post URLs answers `[{ "url", "count" }]`.
// Document: Remark42 API, https://remark42.com/docs/contributing/api/ ("Multiple counts"), and the server's own test
// of it (umputun/remark42, backend/app/rest/api/rest_public_test.go). No token: counts are public.
import { countOf, requestJson, SourceError, type Counts, type CountSource, type SourceSettings } from './types.js';

export function remark42Source(settings: SourceSettings): CountSource {
  const site = settings.site ?? 'remark';
  return {
    name: 'remark42',
    batchSize: 100,
    async fetchCounts(keys, signal, found) {
      const body = await requestJson(
        `${settings.url}/api/v1/counts?site=${encodeURIComponent(site)}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(keys) },
        signal,
      );
      if (!Array.isArray(body)) throw new SourceError('the answer is not a list of { url, count }');
      const counts: Counts = new Map();
      for (const item of body as { url?: unknown; count?: unknown }[]) {
        if (typeof item?.url === 'string') counts.set(item.url, countOf(item.count, `count of ${item.url}`));
      }
      for (const key of keys) found.set(key, counts.get(key) ?? 0);
    },
  };
}
