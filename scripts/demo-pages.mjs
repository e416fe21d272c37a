// Plain HTML pages made from the demo's article (demo/index.html, which holds every element with
// its fallback children): used by the script-tag test and the benchmark, so a new element that the
// demo shows is covered with no change here.
import { readFileSync } from 'node:fs';

/** The strict Content-Security-Policy that the CMS guide gives publishers. */
export const STRICT_CSP =
  "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lede lit-html dompurify";

/**
 * demo/index.html points at lede-server's routes (`npm start` runs it); the test and bench servers
 * answer the same requests with the in-memory endpoint (server/endpoint.mjs) under /api.
 */
const ENDPOINT_ROUTES = [
  ['"/v1/signups"', '"/api/signup"'],
  ['"/v1/votes"', '"/api/votes"'],
  ['"/v1/comments/count?', '"/api/comments/count?'],
  ['"/v1/comments/counts', '"/api/comments/counts'],
];

const onFixture = (text) => ENDPOINT_ROUTES.reduce((out, [route, fixture]) => out.replaceAll(route, fixture), text);

/** The demo's Lede document (demo/article.json, as JSON text), with its endpoints on /api. */
export function demoDocument(path = 'demo/article.json') {
  return onFixture(readFileSync(path, 'utf8'));
}

/** The demo's `<main>` element, as written in demo/index.html, with its endpoints on /api. */
export function demoMain(path = 'demo/index.html') {
  const html = readFileSync(path, 'utf8');
  const main = html.match(/<main[\s\S]*<\/main>/);
  if (!main) throw new Error(`${path} has no <main>`);
  return onFixture(main[0]);
}

/**
 * A page with the demo article. `head` and `end` are extra markup for the head and the end of the
 * body (script tags); `csp` adds the strict policy as a meta tag.
 */
export function demoPage({ title = 'Lede', head = '', end = '', csp = false, main = demoMain() } = {}) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    ${csp ? `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}" />` : ''}
    <title>${title}</title>
    <link rel="canonical" href="https://example.org/news/port-pact-fraying" />
    <link rel="stylesheet" href="/demo/demo.css" />
    ${head}
  </head>
  <body>
    ${main}
    ${end}
  </body>
</html>
`;
}
