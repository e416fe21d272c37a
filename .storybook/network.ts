// The network of every story: msw answers the endpoint contract (docs/endpoints.md) from a service
// worker, in `npm run storybook` and in the static `npm run build-storybook` alike, so each state
// that needs an answer (or a failure) looks the same in both. Only stories use it: the library and
// its strict-CSP tests never see it. Each URL has one behaviour, so a story picks a state by URL.
import { delay, http, HttpResponse } from 'msw';
import demo from '../demo/article.json';
import { storybookDocument } from '../stories/helpers.js';

/** Votes per scenario that every story's article starts from, then the votes made in the session. */
const seed: Record<string, number> = { 'shared-terminals': 41, 'rival-hubs': 27, 'managed-decline': 12 };
const votes = new Map<string, Record<string, number>>();
const countsOf = (articleId: string) => {
  if (!votes.has(articleId)) votes.set(articleId, { ...seed });
  return votes.get(articleId)!;
};

/** Waits until the element gives up (it aborts on disconnect): a request that never answers. */
const never = async () => {
  await delay('infinite');
  return new HttpResponse(null, { status: 204 });
};

export const handlers = [
  // Votes: GET ?articleId= and POST { articleId, scenarioId } both answer { counts }.
  http.get('/api/votes', ({ request }) =>
    HttpResponse.json({ counts: countsOf(new URL(request.url).searchParams.get('articleId') ?? '') }),
  ),
  http.post('/api/votes', async ({ request }) => {
    const { articleId, scenarioId } = (await request.json()) as { articleId: string; scenarioId: string };
    const counts = countsOf(articleId);
    counts[scenarioId] = (counts[scenarioId] ?? 0) + 1;
    return HttpResponse.json({ counts, choice: scenarioId });
  }),
  http.post('/api/votes-refused', () =>
    HttpResponse.json({ error: 'Voting on this article closed at midnight.' }, { status: 422 }),
  ),
  http.get('/api/votes-failing', () => HttpResponse.json({ error: 'Try again later.' }, { status: 503 })),

  // Comment counts.
  http.get('/api/comments/count', () => HttpResponse.json({ count: 12 })),
  http.get('/api/comments/count-failing', () => HttpResponse.json({ error: 'Try again later.' }, { status: 503 })),
  http.get('/api/comments/count-hanging', never),
  // Batched counts for <lede-comment-count>: GET ?articleId=a&articleId=b answers { counts }.
  http.get('/api/comments/counts', ({ request }) => {
    const known: Record<string, number> = { 'port-pact': 23, 'ferry-strike': 1, 'harbour-budget': 0, dredging: 12480 };
    const ids = new URL(request.url).searchParams.getAll('articleId');
    return HttpResponse.json({ counts: Object.fromEntries(ids.map((id) => [id, known[id] ?? 0])) });
  }),
  http.get('/api/comments/counts-failing', () => HttpResponse.json({ error: 'Try again later.' }, { status: 503 })),
  http.get('/api/comments/counts-hanging', never),

  // Signups: accepted, refused with the endpoint's message, or no connection at all.
  http.post('/api/signup', () =>
    HttpResponse.json(
      { status: 'pending', message: 'Thanks! Check your inbox to confirm your subscription.' },
      { status: 202 },
    ),
  ),
  http.post('/api/signup-refused', () =>
    HttpResponse.json({ error: 'This address is on the blocklist.' }, { status: 400 }),
  ),
  http.post('/api/signup-unreachable', () => HttpResponse.error()),
  http.post('/api/signup-hanging', never),
  // The newsletter's reachability probe before the browser submits a form (a no-cors HEAD).
  http.head('/api/signup', () => new HttpResponse(null)),
  // An email service on another origin: it answers (the probe), but without CORS headers, so a fetch
  // fails as the browser makes it fail; and a service that is down.
  http.head('https://harbour-mail.example/*', () => new HttpResponse(null)),
  http.post('https://harbour-mail.example/*', () => HttpResponse.error()),
  http.all('https://down.example/*', () => HttpResponse.error()),

  // Content for `src`: an HTML fragment, a Lede document, and failures.
  http.get('/api/pages/article.html', () => HttpResponse.html(demo.body)),
  http.get('/api/documents/port-pact.json', () => HttpResponse.json(storybookDocument)),
  http.get('/api/documents/hanging.json', never),
  http.get('/api/pages/hanging.html', never),
  http.get('/api/documents/failing.json', () => HttpResponse.json({ error: 'Server error' }, { status: 500 })),
  http.get('/api/pages/missing.html', () => new HttpResponse('Not found', { status: 404 })),
];
