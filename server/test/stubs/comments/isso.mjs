// Isso as documented in its server API (isso/views/comments.py, `@api {post} /count`): a JSON array of thread URIs
// answers a JSON array of counts in the same order; anything but a list of strings is 400.
import { json, startStub } from './stub-server.mjs';

export function startIsso({ counts }) {
  return startStub(
    'isso',
    ({ method, path, body }) => {
      if (method !== 'POST' || path !== '/count') return json(404, 'Not Found');
      let uris;
      try {
        uris = JSON.parse(body);
      } catch {
        return json(400, '400 Bad Request: JSON must be a list of URLs');
      }
      if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string'))
        return json(400, '400 Bad Request: JSON must be a list of URLs');
      return json(
        200,
        uris.map((uri) => counts[uri] ?? 0),
      );
    },
    { status: 500, body: 'Internal Server Error', type: 'text/html' },
  );
}
