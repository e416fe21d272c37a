// GitHub's GraphQL API as giscus uses it (https://docs.github.com/en/graphql/reference/queries#search): `search(type:
// DISCUSSION, query: "repo:o/n in:title \"term\"")` matches titles loosely (the stub too: every title containing the
// term), each Discussion with `comments { totalCount nodes { replies { totalCount } } }`. A bad token is 401
// `{ "message": "Bad credentials" }`; a rate limit is 200 with `errors` and no data.
import { json, startStub } from './stub-server.mjs';

/** discussions: { [title]: { comments: n, replies: [n per comment] } } */
export function startGitHub({ token, repo, discussions }) {
  return startStub(
    'giscus',
    ({ method, path, headers, body }, stub) => {
      if (method !== 'POST' || path !== '/graphql') return json(404, { message: 'Not Found' });
      if (headers.authorization !== `bearer ${token}`)
        return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
      if (stub.rateLimited)
        return json(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] });
      const { query, variables } = JSON.parse(body);
      const data = {};
      for (const [, alias, variable] of query.matchAll(
        /(\w+): search\(type: DISCUSSION, first: \d+, query: \$(\w+)\)/g,
      )) {
        const q = variables[variable];
        const term = JSON.parse(/in:title (".*")$/.exec(q)[1]);
        const nodes = q.startsWith(`repo:${repo} `)
          ? Object.entries(discussions)
              .filter(([title]) => title.includes(term))
              .map(([title, d]) => ({
                title,
                comments: { totalCount: d.comments, nodes: d.replies.map((n) => ({ replies: { totalCount: n } })) },
              }))
          : [];
        data[alias] = { nodes };
      }
      return json(200, { data });
    },
    json(502, { message: 'Server Error' }),
  );
}
