import { deliver, describeFailure, ownField } from './delivery.js';
import { options, own } from './own.js';
import { baseUrl, isLoading, listen } from './page.js';
import { batcher, isCount, type CountResult } from './count.js';

/**
 * One request for every comment count a page asks of the same endpoint: the elements that ask in
 * the same task (or, while the page is still loading, before it has loaded) share one
 * `GET src?articleId=a&articleId=b…` answering `{ "counts": { "a": n, "b": m } }`. A request is
 * split only where its URL would pass `MAX_URL` characters (so it holds at most 166 ids, fewer
 * than the 200 that lede-server takes in one request);
 * elements that ask later join a later request. A request whose every element left the page is
 * aborted. A failure is told once per request (to its first element), not once per element, so
 * a listing page with 200 counts gives one warning, not 200.
 */

/** About where URLs start to fail somewhere between a browser, a proxy and a server. */
export const MAX_URL = 2000;

interface Waiter {
  id: string;
  signal: AbortSignal;
  done: (result: CountResult) => void;
  /** The request it is in, once sent. */
  sent?: Waiter[] & { controller: AbortController };
}

/** Waiting to be sent, by endpoint (the URL without `articleId`). */
const queues = new Map<string, Waiter[]>();

const param = (id: string) => new URLSearchParams([['articleId', id]]).toString();

/**
 * Asks `src` (a batched counts endpoint, with or without an `articleId` of its own) for the count
 * of article `id`, together with every other element that asks the same endpoint now. Resolves
 * with the count, or why there is none; never rejects. Aborting `signal` takes this element out.
 */
export function requestCount(src: string, id: string, signal: AbortSignal): Promise<CountResult> {
  return new Promise((done) => {
    let url: URL;
    try {
      url = new URL(src, baseUrl());
    } catch {
      return done(['invalid-attribute', 'is not a URL']);
    }
    url.searchParams.delete('articleId');
    url.hash = '';
    const endpoint = url.href;
    const waiter: Waiter = { id, signal, done };
    signal.addEventListener(
      'abort',
      () => {
        done(undefined);
        // Every element of a request left: nobody waits for its answer.
        if (waiter.sent?.every((w) => w.signal.aborted)) waiter.sent.controller.abort();
      },
      options({ once: true }),
    );
    let queue = queues.get(endpoint);
    if (!queue) {
      queues.set(endpoint, (queue = []));
      const flush = () => send(endpoint);
      // While the page is parsed, elements appear over several tasks: they wait for the whole page.
      if (isLoading())
        listen(document, 'DOMContentLoaded', flush); // Fires once.
      else setTimeout(flush);
    }
    queue.push(waiter);
  });
}

/** Sends what waits for `endpoint`: ids de-duplicated, in as few requests as the URL length allows. */
function send(endpoint: string): void {
  const byId = new Map<string, Waiter[]>();
  for (const w of queues.get(endpoint)!) if (!w.signal.aborted) byId.set(w.id, [...(byId.get(w.id) ?? []), w]);
  queues.delete(endpoint);
  const joiner = endpoint.includes('?') ? '&' : '?';
  let ids: string[] = [];
  let length = endpoint.length;
  const go = () =>
    ids.length &&
    void fetchCounts(
      `${endpoint}${joiner}${ids.map(param).join('&')}`,
      ids.flatMap((id) => byId.get(id)!),
    );
  for (const id of byId.keys()) {
    const added = param(id).length + 1;
    if (ids.length && length + added > MAX_URL) {
      go();
      ids = [];
      length = endpoint.length;
    }
    ids.push(id);
    length += added;
  }
  go();
}

async function fetchCounts(url: string, waiters: Waiter[]): Promise<void> {
  const sent = Object.assign([...waiters], { controller: new AbortController() });
  for (const w of waiters) w.sent = sent;
  const result = await deliver({ url, method: 'GET' }, { retries: 1, signal: sent.controller.signal });
  const counts = result.ok ? ownField(result.data, 'counts') : undefined;
  // An endpoint asked for one article may answer `{ "count": n }`, as a `count-src` does.
  const single = result.ok && new Set(waiters.map((w) => w.id)).size === 1 ? ownField(result.data, 'count') : undefined;
  const missing: Waiter[] = [];
  for (const w of waiters) {
    const count = single ?? own(counts, w.id);
    if (isCount(count)) w.done(count);
    else missing.push(w);
  }
  // Told once, by the first element still waiting; the others keep their text quietly.
  const [first, ...rest] = missing.filter((w) => !w.signal.aborted);
  const ids = [...new Set(missing.map((w) => JSON.stringify(w.id)))];
  first?.done(
    result.ok
      ? ['invalid-json', `did not answer { "counts": { "<articleId>": n } } for ${ids.slice(0, 3)}${ids[3] ? '…' : ''}`]
      : describeFailure(result),
  );
  for (const w of rest) w.done(undefined);
}

batcher.request = requestCount;
