// listmonk as documented: https://listmonk.app/docs/apis/subscribers/ (POST /api/subscribers, 409 "E-mail already
// exists."; GET /api/subscribers?query=…; PUT /api/subscribers/lists; DELETE /api/subscribers/{id}), errors
// { "message" } (https://listmonk.app/docs/apis/apis/). Auth: HTTP Basic, API user and token.
import { basicAuth, retryable, startStub } from './harness.mjs';

export const LISTMONK_USER = 'lede';
export const LISTMONK_TOKEN = 'listmonk-test-token-0123456789';
export const LISTMONK_LISTS = [3, 4];

export function startListmonk() {
  const byEmail = new Map();
  let nextId = 1;
  const find = (id) => [...byEmail.values()].find((s) => s.id === id);
  return startStub((r, stub) => {
    const auth = basicAuth(r.headers.authorization);
    if (auth?.user !== LISTMONK_USER || auth?.password !== LISTMONK_TOKEN)
      return { status: 403, json: { message: 'Invalid API credentials' } };
    if (r.method === 'POST' && r.path === '/api/subscribers') {
      const email = r.json?.email;
      const mode = stub.first(email, 'subscribe');
      const retry = retryable(mode, (status, text) => ({ message: text }));
      if (retry) return retry;
      if (mode === 'bad') return { status: 400, json: { message: 'Invalid email.' } };
      if (mode === 'dup' && !byEmail.has(email))
        byEmail.set(email, { id: nextId++, email, name: email, status: 'enabled', lists: [] });
      if (byEmail.has(email)) return { status: 409, json: { message: 'E-mail already exists.' } };
      const subscriber = {
        id: nextId++,
        uuid: `00000000-0000-0000-0000-${String(nextId).padStart(12, '0')}`,
        email,
        name: r.json.name,
        status: r.json.status,
        lists: (r.json.lists ?? []).map((id) => ({
          id,
          subscription_status: r.json.preconfirm_subscriptions ? 'confirmed' : 'unconfirmed',
        })),
      };
      byEmail.set(email, subscriber);
      return { status: 200, json: { data: subscriber } };
    }
    if (r.method === 'GET' && r.path === '/api/subscribers') {
      const match = /^subscribers\.email = '((?:[^']|'')*)'$/.exec(r.query.query ?? '');
      const email = match?.[1].replace(/''/g, "'");
      const found = email !== undefined ? byEmail.get(email) : undefined;
      if (found) r.subject = found.email;
      return {
        status: 200,
        json: { data: { results: found ? [found] : [], total: found ? 1 : 0, per_page: 1, page: 1 } },
      };
    }
    if (r.method === 'PUT' && r.path === '/api/subscribers/lists') {
      const subscribers = (r.json?.ids ?? []).map(find).filter(Boolean);
      if (subscribers.length === 0) return { status: 400, json: { message: 'Invalid ID(s).' } };
      r.subject = subscribers[0].email;
      for (const s of subscribers) {
        for (const id of r.json.target_list_ids) {
          s.lists = s.lists.filter((l) => l.id !== id);
          s.lists.push({
            id,
            subscription_status: r.json.action === 'unsubscribe' ? 'unsubscribed' : (r.json.status ?? 'unconfirmed'),
          });
        }
      }
      return { status: 200, json: { data: true } };
    }
    const one = /^\/api\/subscribers\/(\d+)$/.exec(r.path);
    if (r.method === 'DELETE' && one) {
      const subscriber = find(Number(one[1]));
      if (!subscriber) return { status: 404, json: { message: 'Subscriber not found.' } };
      r.subject = subscriber.email;
      byEmail.delete(subscriber.email);
      return { status: 200, json: { data: true } };
    }
    return { status: 404, json: { message: 'Unknown endpoint' } };
  });
}
