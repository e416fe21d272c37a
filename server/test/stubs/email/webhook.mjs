// The receiving end of Lede's signed webhook (docs/server-forwarding.md): it verifies the signature exactly as the
// documentation tells a receiver to, and answers 2xx, 409 for an event id it has seen, or errors as { "error" }.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { retryable, startStub } from './harness.mjs';

export const WEBHOOK_SECRET = 'whsec-test-0123456789abcdef';

export function verify(headers, body, secret = WEBHOOK_SECRET, now = Date.now()) {
  const timestamp = headers['x-lede-timestamp'];
  const given = headers['x-lede-signature'] ?? '';
  if (!/^\d+$/.test(timestamp ?? '') || Math.abs(now / 1000 - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export function startWebhook() {
  const received = new Set();
  return startStub((r, stub) => {
    if (r.method !== 'POST' || r.path !== '/hooks/lede') return { status: 404, json: { error: 'not found' } };
    if (!verify(r.headers, r.body)) return { status: 401, json: { error: 'bad signature' } };
    const mode = r.json.type === 'subscribe' ? stub.first(r.json.email, 'subscribe') : 'ok';
    const retry = retryable(mode, (status, text) => ({ error: text }));
    if (retry) return retry;
    if (mode === 'bad') return { status: 422, json: { error: `list ${r.json.list} is not known here` } };
    if (mode === 'dup' || received.has(r.json.id)) return { status: 409, json: { error: 'event already received' } };
    received.add(r.json.id);
    return { status: 204 };
  });
}
