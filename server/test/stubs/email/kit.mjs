// Kit (ConvertKit) API v4 as documented: https://developers.kit.com/api-reference/subscribers/create-a-subscriber
// (upsert: 201 created, 200 when the address exists), .../tags/tag-a-subscriber-by-email-address,
// .../subscribers/list-subscribers (?email_address=&status=all), .../subscribers/unsubscribe-subscriber (204);
// errors { "errors": ["…"] }. Auth: `X-Kit-Api-Key`.
import { retryable, startStub } from './harness.mjs';

export const KIT_KEY = 'kit_test_0123456789abcdef';
export const KIT_TAG = '4242';

export function startKit() {
  const byEmail = new Map();
  let nextId = 1000;
  const view = (s) => ({
    id: s.id,
    first_name: s.first_name,
    email_address: s.email_address,
    state: s.state,
    created_at: '2026-12-02T09:00:00Z',
    fields: {},
  });
  return startStub((r, stub) => {
    if (r.headers['x-kit-api-key'] !== KIT_KEY)
      return { status: 401, json: { errors: ['The access token is invalid'] } };
    if (r.method === 'POST' && r.path === '/v4/subscribers') {
      const email = r.json?.email_address;
      const mode = stub.first(email, 'subscribe');
      const retry = retryable(mode, (status, text) => ({ errors: [text] }));
      if (retry) return retry;
      if (mode === 'bad') return { status: 422, json: { errors: ['Email address is invalid'] } };
      const existing = byEmail.get(email);
      if (existing || mode === 'dup') {
        const subscriber = existing ?? {
          id: nextId++,
          email_address: email,
          first_name: r.json.first_name ?? null,
          state: 'active',
        };
        byEmail.set(email, Object.assign(subscriber, { state: r.json.state ?? subscriber.state }));
        return { status: 200, json: { subscriber: view(subscriber) } };
      }
      const subscriber = {
        id: nextId++,
        email_address: email,
        first_name: r.json.first_name ?? null,
        state: r.json.state ?? 'active',
      };
      byEmail.set(email, subscriber);
      return { status: 201, json: { subscriber: view(subscriber) } };
    }
    const tag = /^\/v4\/tags\/([^/]+)\/subscribers$/.exec(r.path);
    if (r.method === 'POST' && tag) {
      const subscriber = byEmail.get(r.json?.email_address);
      if (tag[1] !== KIT_TAG || !subscriber) return { status: 404, json: { errors: ['Not Found'] } };
      return { status: 201, json: { subscriber: { ...view(subscriber), tagged_at: '2026-12-02T09:00:01Z' } } };
    }
    if (r.method === 'GET' && r.path === '/v4/subscribers') {
      const found = byEmail.get(r.query.email_address);
      return {
        status: 200,
        json: {
          subscribers: found ? [view(found)] : [],
          pagination: {
            has_previous_page: false,
            has_next_page: false,
            start_cursor: null,
            end_cursor: null,
            per_page: 500,
          },
        },
      };
    }
    const unsubscribe = /^\/v4\/subscribers\/(\d+)\/unsubscribe$/.exec(r.path);
    if (r.method === 'POST' && unsubscribe) {
      const subscriber = [...byEmail.values()].find((s) => s.id === Number(unsubscribe[1]));
      if (!subscriber) return { status: 404, json: { errors: ['Not Found'] } };
      r.subject = subscriber.email_address;
      subscriber.state = 'cancelled';
      return { status: 204 };
    }
    return { status: 404, json: { errors: ['Not Found'] } };
  });
}
