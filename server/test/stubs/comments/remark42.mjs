// Remark42 as documented at https://remark42.com/docs/contributing/api/: `POST /api/v1/counts?site={site}` with a JSON
// array of URLs answers `[{ "url", "count" }]`, one entry per URL asked (0 for a URL without comments). Errors are
// `{ "code", "details", "error" }` with 400 (its countMultiCtrl in backend/app/rest/api/rest_public.go).
import { json, startStub } from './stub-server.mjs';

export function startRemark42({ site, counts }) {
  return startStub(
    'remark42',
    ({ method, path, query, body }) => {
      if (method !== 'POST' || path !== '/api/v1/counts')
        return json(404, { code: 0, details: 'not found', error: path });
      if (query.get('site') !== site)
        return json(400, {
          code: 12,
          details: `can't get counts for ${query.get('site')}`,
          error: `site ${query.get('site')} not found`,
        });
      let urls;
      try {
        urls = JSON.parse(body);
      } catch {
        return json(400, { code: 12, details: "can't get list of posts from request", error: 'invalid json' });
      }
      return json(
        200,
        urls.map((url) => ({ url, count: counts[url] ?? 0 })),
      );
    },
    json(500, { code: 0, details: "can't get counts", error: 'engine unavailable' }),
  );
}
