// Buttondown API v1 as documented: https://docs.buttondown.com/api-subscribers-create,
// https://docs.buttondown.com/api-subscribers-update, https://docs.buttondown.com/api-subscribers-delete, error codes
// { "code", "detail" } (https://docs.buttondown.com/api-response-codes). Auth: `Authorization: Token <key>`.
import { randomUUID } from 'node:crypto';
import { retryable, startStub } from './harness.mjs';

export const BUTTONDOWN_KEY = 'bd-test-key-0123456789';
const error = (code, detail) => ({ code, detail });

export function startButtondown() {
  const subscribers = new Map();
  return startStub((r, stub) => {
    if (r.headers.authorization !== `Token ${BUTTONDOWN_KEY}`)
      return { status: 401, json: { detail: 'Invalid token.' } };
    if (r.method === 'POST' && r.path === '/v1/subscribers') {
      const email = r.json?.email_address;
      const mode = stub.first(email, 'subscribe');
      const retry = retryable(mode, (status, text) => error(status === 429 ? 'rate_limited' : 'server_error', text));
      if (retry) return retry;
      if (mode === 'bad') return { status: 400, json: error('email_invalid', 'This email address is not valid.') };
      if (mode === 'dup' || subscribers.has(email))
        return {
          status: 400,
          json: error('email_already_exists', 'A subscriber with this email address already exists.'),
        };
      const subscriber = { id: randomUUID(), email_address: email, type: r.json.type ?? 'unactivated', tags: [] };
      subscribers.set(email, subscriber);
      return { status: 201, json: subscriber };
    }
    const member = /^\/v1\/subscribers\/(.+)$/.exec(r.path);
    if (member) {
      const subscriber = subscribers.get(member[1]);
      if (!subscriber) return { status: 404, json: { detail: 'Not found.' } };
      if (r.method === 'PATCH') {
        Object.assign(subscriber, r.json);
        return { status: 200, json: subscriber };
      }
      if (r.method === 'DELETE') {
        subscribers.delete(member[1]);
        return { status: 204 };
      }
    }
    return { status: 404, json: { detail: 'Not found.' } };
  });
}
