// A generic signed webhook for any other service (Lede's own format, documented in docs/server-forwarding.md):
// POST <url> with a JSON event; `X-Lede-Timestamp` (Unix seconds) and `X-Lede-Signature: sha256=<hex>`, the
// HMAC-SHA256 of `<timestamp>.<body>` with the shared secret (the scheme of Stripe's and Slack's signed requests,
// https://docs.stripe.com/webhooks#verify-manually); `Idempotency-Key` is the job id, the same on every resend.
// 2xx: done; 409: the receiver has it already (done); 429/5xx: retried; any other 4xx: failed with the body's
// `error` or `message` (or its text).
import { createHmac } from 'node:crypto';
import { excerpt, failure, pick } from '../errors.js';
import type { ForwardJob, ServiceDefinition } from '../types.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Only what the action needs: an unsubscribe or erasure carries the address and nothing else about the reader. */
export function webhookEvent(job: ForwardJob): Record<string, unknown> {
  const base = { id: job.id, type: job.action, list: job.list, email: job.email };
  if (job.action !== 'subscribe') return base;
  return {
    ...base,
    name: job.name,
    lang: job.lang,
    source: job.source,
    consent: job.consentAt === null ? null : { text: job.consentText ?? '', at: iso(job.consentAt) },
    confirmedAt: iso(job.confirmedAt),
  };
}

export const webhook: ServiceDefinition = {
  service: 'webhook',
  required: ['url', 'secret'],
  secrets: ['secret'],
  create(options) {
    const url = new URL(options.url!);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('url must be an http(s) URL');
    return {
      async run(job, http) {
        const body = JSON.stringify(webhookEvent(job));
        const timestamp = String(Math.floor(Date.now() / 1000));
        const reply = await http.request('POST', url.href, {
          headers: {
            'X-Lede-Timestamp': timestamp,
            'X-Lede-Signature': signature(options.secret!, timestamp, body),
            'Idempotency-Key': job.id,
          },
          body,
        });
        if ((reply.status >= 200 && reply.status < 300) || reply.status === 409) return;
        throw failure(reply, pick(reply.json, 'error') ?? pick(reply.json, 'message') ?? excerpt(reply.text));
      },
    };
  },
};
