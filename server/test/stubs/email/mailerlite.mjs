// MailerLite (connect.mailerlite.com) as documented: https://developers.mailerlite.com/docs/subscribers.html
// (create/upsert: 201 new, 200 existing; fetch by id or email; forget), validation errors 422
// { "message", "errors": { field: ["…"] } }. Auth: `Authorization: Bearer <token>`.
import { retryable, startStub } from './harness.mjs';

export const MAILERLITE_KEY = 'mailerlite-test-token-0123456789';
export const MAILERLITE_GROUP = '111222333444555666';

export function startMailerlite() {
  const byEmail = new Map();
  let nextId = 31986843064993537n;
  return startStub((r, stub) => {
    if (r.headers.authorization !== `Bearer ${MAILERLITE_KEY}`)
      return { status: 401, json: { message: 'Unauthenticated.' } };
    if (r.method === 'POST' && r.path === '/api/subscribers') {
      const email = r.json?.email;
      const mode = r.json?.status === 'unsubscribed' ? 'ok' : stub.first(email, 'subscribe');
      const retry = retryable(mode, (status) => ({
        message: status === 429 ? 'Too Many Attempts.' : 'Server Error',
      }));
      if (retry) return retry;
      if (mode === 'bad') {
        const text = 'The email must be a valid email address.';
        return { status: 422, json: { message: text, errors: { email: [text] } } };
      }
      const existing = byEmail.get(email) ?? (mode === 'dup' ? { id: String(nextId++), email, groups: [] } : undefined);
      const subscriber = existing ?? { id: String(nextId++), email, groups: [] };
      Object.assign(subscriber, {
        status: r.json.status ?? 'active',
        fields: { ...subscriber.fields, ...r.json.fields },
      });
      if (r.json.groups) subscriber.groups = r.json.groups.map((id) => ({ id }));
      byEmail.set(email, subscriber);
      return { status: existing ? 200 : 201, json: { data: subscriber } };
    }
    const one = /^\/api\/subscribers\/([^/]+)(\/forget)?$/.exec(r.path);
    if (one) {
      const subscriber = byEmail.get(one[1]) ?? [...byEmail.values()].find((s) => s.id === one[1]);
      if (!subscriber) return { status: 404, json: { message: 'Resource not found.' } };
      r.subject = subscriber.email;
      if (r.method === 'GET' && !one[2]) return { status: 200, json: { data: subscriber } };
      if (r.method === 'POST' && one[2]) {
        byEmail.delete(subscriber.email);
        return {
          status: 200,
          json: {
            message: 'Subscriber data will be completely deleted and forgotten within 30 days.',
            data: subscriber,
          },
        };
      }
    }
    return { status: 404, json: { message: 'Resource not found.' } };
  });
}
