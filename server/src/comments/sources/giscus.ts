// giscus / GitHub Discussions: GitHub's GraphQL API (`POST https://api.github.com/graphql`, `Authorization: bearer`
// with a token that can read the repository's discussions). giscus finds a page's discussion by searching the
// repository's discussions for the mapped term in the title, as here: `search(type: DISCUSSION, query: "repo:o/n
// category:\"C\" in:title \"term\"")`; its count is the discussion's comments plus their replies. Many pages go in one
// query as aliases. Documents: GitHub GraphQL API, https://docs.github.com/en/graphql/reference/queries#search,
// https://docs.github.com/en/graphql/guides/using-the-graphql-api-for-discussions; the search term and count as giscus
// builds them (giscus/giscus services/github/getDiscussion.ts, lib/adapter.ts).
import { countOf, graphqlData, requestJson, type CountSource, type SourceSettings } from './types.js';

interface Discussion {
  title?: unknown;
  comments?: { totalCount?: unknown; nodes?: { replies?: { totalCount?: unknown } }[] };
}

/** The discussion giscus would show: the search is fuzzy, so the title must be the term itself. */
function countFor(term: string, result: { nodes?: Discussion[] } | null | undefined): number {
  const discussion = result?.nodes?.find((node) => node?.title === term);
  if (!discussion) return 0;
  const comments = countOf(discussion.comments?.totalCount, `comments of ${term}`);
  const replies = (discussion.comments?.nodes ?? []).reduce(
    (sum, node) => sum + countOf(node?.replies?.totalCount, `replies of ${term}`),
    0,
  );
  return comments + replies;
}

export function giscusSource(settings: SourceSettings): CountSource {
  // GitHub's search qualifiers want the repository in lower case (giscus/giscus#118).
  const repo = (settings.site ?? '').toLowerCase();
  const category = settings.category ? ` category:${JSON.stringify(settings.category)}` : '';
  return {
    name: 'giscus',
    batchSize: 20,
    async fetchCounts(keys, signal, found) {
      const variables = Object.fromEntries(
        keys.map((key, i) => [`q${i}`, `repo:${repo}${category} in:title ${JSON.stringify(key)}`]),
      );
      const query =
        `query LedeCommentCounts(${keys.map((_, i) => `$q${i}: String!`).join(', ')}) {\n` +
        keys
          .map(
            (_, i) =>
              `  d${i}: search(type: DISCUSSION, first: 5, query: $q${i}) { nodes { ... on Discussion { title ` +
              'comments(first: 100) { totalCount nodes { replies { totalCount } } } } } }',
          )
          .join('\n') +
        '\n}';
      const data = graphqlData(
        await requestJson(
          settings.url,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `bearer ${settings.token ?? ''}` },
            body: JSON.stringify({ query, variables }),
          },
          signal,
        ),
      );
      const counts = keys.map((key, i) => countFor(key, data[`d${i}`] as { nodes?: Discussion[] } | null));
      keys.forEach((key, i) => found.set(key, counts[i]!));
    },
  };
}
