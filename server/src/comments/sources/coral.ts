// Coral: its GraphQL API at `/api/graphql` with an admin access token (`Authorization: Bearer`); `story(url:)` gives
// `commentCounts { totalPublished }`, and several stories go in one query as aliases.
// Documents: Coral GraphQL API, https://docs.coralproject.net/api/schema (Query.story(id, url)),
// https://docs.coralproject.net/api/types/objects/comment-counts, access tokens https://docs.coralproject.net/api/
// (schema checked against coralproject/talk server/src/core/server/graph/schema/schema.graphql).
import { countOf, graphqlData, requestJson, type CountSource, type SourceSettings } from './types.js';

export function coralSource(settings: SourceSettings): CountSource {
  return {
    name: 'coral',
    batchSize: 50,
    async fetchCounts(keys, signal, found) {
      const variables = Object.fromEntries(keys.map((key, i) => [`u${i}`, key]));
      const query =
        `query LedeCommentCounts(${keys.map((_, i) => `$u${i}: String`).join(', ')}) {\n` +
        keys.map((_, i) => `  s${i}: story(url: $u${i}) { commentCounts { totalPublished } }`).join('\n') +
        '\n}';
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (settings.token) headers.authorization = `Bearer ${settings.token}`;
      const data = graphqlData(
        await requestJson(
          `${settings.url}/api/graphql`,
          { method: 'POST', headers, body: JSON.stringify({ query, variables }) },
          signal,
        ),
      );
      const counts = keys.map((key, i) => {
        const story = data[`s${i}`] as { commentCounts?: { totalPublished?: unknown } } | null | undefined;
        // A URL Coral has no story for has no comments.
        return story ? countOf(story.commentCounts?.totalPublished, `totalPublished of ${key}`) : 0;
      });
      keys.forEach((key, i) => found.set(key, counts[i]!));
    },
  };
}
