// Discourse: `GET /embed/info?embed_url=` needs an API request (Api-Key + Api-Username headers, as the Discourse API
// docs' "Authentication" says) and answers the TopicEmbedSerializer `{ topic_id, post_id, topic_slug, comment_count }`,
// or 404 when no topic embeds the URL (discourse/discourse app/controllers/embed_controller.rb). Errors are
// `{ "errors": [..], "error_type" }`.
import { json, startStub } from './stub-server.mjs';

export function startDiscourse({ apiKey, apiUsername, counts }) {
  let topic = 100;
  const topics = new Map(Object.entries(counts).map(([url, count]) => [url, { id: topic++, count }]));
  return startStub(
    'discourse',
    ({ method, path, query, headers }) => {
      if (method !== 'GET' || path !== '/embed/info')
        return json(404, { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' });
      if (headers['api-key'] !== apiKey || headers['api-username'] !== apiUsername)
        return json(403, {
          errors: ['You are not permitted to view the requested resource. The API username or key is invalid.'],
          error_type: 'invalid_access',
        });
      const url = query.get('embed_url');
      if (!url)
        return json(400, {
          errors: ['param is missing or the value is empty: embed_url'],
          error_type: 'invalid_parameters',
        });
      const found = topics.get(url);
      if (!found)
        return json(404, { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' });
      return json(200, {
        topic_id: found.id,
        post_id: found.id * 10,
        topic_slug: `topic-${found.id}`,
        comment_count: found.count,
      });
    },
    { status: 500, body: 'Internal Server Error', type: 'text/plain' },
  );
}
