// Hyvor Talk's Data API (https://talk.hyvor.com/docs/api-data): `GET /api/data/v1/pages?website_id=&api_key=&limit=
// &offset=` (limit at most 50) answers an array of Page objects with `identifier` and `comments_count`.
import { json, startStub } from './stub-server.mjs';

/** pages: [{ identifier, comments_count }] in the order Hyvor lists them. */
export function startHyvor({ websiteId, apiKey, pages }) {
  return startStub(
    'hyvor',
    ({ method, path, query }) => {
      if (method !== 'GET' || path !== '/api/data/v1/pages') return json(404, { error: 'Not found' });
      if (query.get('website_id') !== String(websiteId)) return json(404, { error: 'Website not found' });
      if (query.get('api_key') !== apiKey) return json(401, { error: 'Invalid API key' });
      const limit = Number(query.get('limit') ?? 10);
      const offset = Number(query.get('offset') ?? 0);
      if (limit < 1 || limit > 50) return json(422, { error: 'limit must be between 1 and 50' });
      return json(
        200,
        pages.slice(offset, offset + limit).map((p, i) => ({
          id: offset + i + 1,
          created_at: 1700000000,
          url: `https://news.example/${p.identifier}`,
          title: p.identifier,
          is_closed: false,
          ...p,
        })),
      );
    },
    json(500, { error: 'Server error' }),
  );
}
