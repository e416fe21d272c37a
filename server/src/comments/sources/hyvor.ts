// Hyvor Talk: the Data API, `GET https://talk.hyvor.com/api/data/v1/pages?website_id=…&api_key=…&limit=50&offset=…`,
// answers an array of Page objects with `identifier` (the page-id of the embed) and `comments_count`.
// Document: Hyvor Talk Data API, https://talk.hyvor.com/docs/api-data (server-side access with the data API key,
// limit at most 50). That page documents no lookup by identifier, so pages are listed (at most MAX_PAGES requests) until
// every asked identifier is found; a page Hyvor does not list has no comments.
import { countOf, requestJson, SourceError, type CountSource, type SourceSettings } from './types.js';

const PAGE_SIZE = 50;
const MAX_PAGES = 10;

export function hyvorSource(settings: SourceSettings): CountSource {
  return {
    name: 'hyvor',
    batchSize: 200,
    async fetchCounts(keys, signal, found) {
      const wanted = new Set(keys);
      let seen = 0;
      let complete = false;
      for (let page = 0; page < MAX_PAGES && seen < wanted.size; page++) {
        const query = new URLSearchParams({
          website_id: settings.site ?? '',
          limit: String(PAGE_SIZE),
          offset: String(page * PAGE_SIZE),
        });
        if (settings.token) query.set('api_key', settings.token);
        const body = await requestJson(`${settings.url}/api/data/v1/pages?${query}`, {}, signal);
        if (!Array.isArray(body)) throw new SourceError('the answer is not a list of pages');
        for (const item of body as { identifier?: unknown; comments_count?: unknown }[]) {
          const id = typeof item?.identifier === 'string' ? item.identifier : String(item?.identifier ?? '');
          if (wanted.has(id) && !found.has(id)) {
            found.set(id, countOf(item.comments_count, `comments_count of ${id}`));
            seen++;
          }
        }
        if (body.length < PAGE_SIZE) {
          complete = true;
          break;
        }
      }
      // Hyvor lists a page once its embed has loaded: one missing from the whole list has no comments. Past
      // MAX_PAGES the list is not complete, and the count of a page not reached is just not known.
      if (complete) for (const key of keys) if (!found.has(key)) found.set(key, 0);
    },
  };
}
