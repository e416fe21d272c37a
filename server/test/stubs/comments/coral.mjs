// Coral's GraphQL API (https://docs.coralproject.net/api/schema): `POST /api/graphql` with an admin access token as
// `Authorization: Bearer`; `story(url:)` is a Story or null, `commentCounts { totalPublished }`. Aliases are standard
// GraphQL, so the stub resolves every `alias: story(url: $var)` of the query from its variables.
import { json, startStub } from './stub-server.mjs';

export function startCoral({ token, counts }) {
  return startStub(
    'coral',
    ({ method, path, headers, body }) => {
      if (method !== 'POST' || path !== '/api/graphql') return json(404, { error: 'not found' });
      if (headers.authorization !== `Bearer ${token}`)
        return json(200, {
          errors: [{ message: 'Token is invalid', extensions: { code: 'TOKEN_INVALID' } }],
          data: null,
        });
      const { query, variables } = JSON.parse(body);
      const data = {};
      for (const [, alias, variable] of query.matchAll(/(\w+): story\(url: \$(\w+)\)/g)) {
        const url = variables[variable];
        data[alias] = url in counts ? { commentCounts: { totalPublished: counts[url] } } : null;
      }
      return json(200, { data });
    },
    json(500, { errors: [{ message: 'Internal Server Error' }] }),
  );
}
