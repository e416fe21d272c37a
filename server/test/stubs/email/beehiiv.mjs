// beehiiv API v2 as documented: https://developers.beehiiv.com/api-reference/subscriptions/create (an existing
// address gets its subscription back), .../subscriptions/put-by-email, .../subscriptions/get-by-email,
// .../subscriptions/delete; errors { "status", "statusText", "errors": [{ "message", "code" }] }.
// Auth: `Authorization: Bearer <key>`.
import { retryable, startStub } from './harness.mjs';

export const BEEHIIV_KEY = 'beehiiv-test-key-0123456789';
export const BEEHIIV_PUBLICATION = 'pub_00000000-0000-0000-0000-000000000000';
const error = (status, statusText, message, code) => ({ status, statusText, errors: [{ message, code }] });

export function startBeehiiv() {
  const byEmail = new Map();
  let nextId = 1;
  const base = `/v2/publications/${BEEHIIV_PUBLICATION}/subscriptions`;
  return startStub((r, stub) => {
    if (r.headers.authorization !== `Bearer ${BEEHIIV_KEY}`)
      return { status: 401, json: error(401, 'Unauthorized', 'Invalid API key', 'unauthorized') };
    if (r.method === 'POST' && r.path === base) {
      const email = r.json?.email;
      const mode = stub.first(email, 'subscribe');
      const retry = retryable(mode, (status, text) =>
        error(status, text, text, status === 429 ? 'rate_limited' : 'server_error'),
      );
      if (retry) return retry;
      if (mode === 'bad')
        return { status: 400, json: error(400, 'Bad Request', 'Email is invalid', 'invalid_parameter') };
      const existing =
        byEmail.get(email) ?? (mode === 'dup' ? { id: `sub_${nextId++}`, email, status: 'active' } : undefined);
      const subscription = existing ?? { id: `sub_${nextId++}`, email, status: 'active' };
      subscription.status = 'active';
      byEmail.set(email, subscription);
      return {
        status: 201,
        json: {
          data: { ...subscription, created: 1764666000, subscription_tier: 'free', utm_source: r.json.utm_source },
        },
      };
    }
    const byEmailPath = new RegExp(`^${base}/by_email/(.+)$`).exec(r.path);
    if (byEmailPath) {
      const subscription = byEmail.get(byEmailPath[1]);
      if (!subscription) return { status: 404, json: error(404, 'Not Found', 'Subscription not found', 'not_found') };
      if (r.method === 'GET') return { status: 200, json: { data: subscription } };
      if (r.method === 'PUT') {
        if (r.json?.unsubscribe === true) subscription.status = 'inactive';
        return { status: 200, json: { data: subscription } };
      }
    }
    const byId = new RegExp(`^${base}/(sub_[^/]+)$`).exec(r.path);
    if (r.method === 'DELETE' && byId) {
      const subscription = [...byEmail.values()].find((s) => s.id === byId[1]);
      if (!subscription) return { status: 404, json: error(404, 'Not Found', 'Subscription not found', 'not_found') };
      r.subject = subscription.email;
      byEmail.delete(subscription.email);
      return { status: 204 };
    }
    return { status: 404, json: error(404, 'Not Found', 'Not found', 'not_found') };
  });
}
