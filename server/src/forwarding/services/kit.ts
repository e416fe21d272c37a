// Kit (ConvertKit) API v4, as documented at https://developers.kit.com/api-reference/subscribers/create-a-subscriber
// (POST /v4/subscribers: an upsert, 201 created or 200 when the address was there already),
// .../tags/tag-a-subscriber-by-email-address (POST /v4/tags/{tag_id}/subscribers), .../subscribers/list-subscribers
// (GET /v4/subscribers?email_address=…&status=all), .../subscribers/unsubscribe-subscriber
// (POST /v4/subscribers/{id}/unsubscribe) and the error shape { "errors": ["…"] } of https://developers.kit.com/v4.
// Auth: `X-Kit-Api-Key: <v4 API key>`. Kit's API has no deletion of a subscriber: an erasure unsubscribes them, and
// the publisher deletes them in Kit (docs/server-forwarding.md says so).
import { failure } from '../errors.js';
import { baseUrl } from '../http.js';
import type { HttpClient, Reply, ServiceDefinition } from '../types.js';

const DEFAULT_BASE = 'https://api.kit.com/v4';

function message(reply: Reply): string | undefined {
  const errors = (reply.json as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors.filter((e) => typeof e === 'string').join('; ') || undefined : undefined;
}

const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;

export const kit: ServiceDefinition = {
  service: 'kit',
  required: ['apiKey'],
  optional: ['tagId'],
  secrets: ['apiKey'],
  create(options) {
    const base = baseUrl(options, DEFAULT_BASE);
    const headers = { 'X-Kit-Api-Key': options.apiKey! };

    async function findId(http: HttpClient, email: string): Promise<number | undefined> {
      const query = new URLSearchParams({ email_address: email, status: 'all' });
      const reply = await http.request('GET', `${base}/subscribers?${query}`, { headers });
      if (!ok(reply)) throw failure(reply, message(reply));
      const found = (reply.json as { subscribers?: { id?: number }[] } | undefined)?.subscribers?.[0]?.id;
      return typeof found === 'number' ? found : undefined;
    }

    return {
      async run(job, http) {
        if (job.action === 'subscribe') {
          const body: Record<string, unknown> = { email_address: job.email, state: 'active' };
          if (job.name) body.first_name = job.name;
          const reply = await http.request('POST', `${base}/subscribers`, { headers, body });
          if (!ok(reply)) throw failure(reply, message(reply));
          if (options.tagId) {
            const tagged = await http.request('POST', `${base}/tags/${encodeURIComponent(options.tagId)}/subscribers`, {
              headers,
              body: { email_address: job.email },
            });
            if (!ok(tagged)) throw failure(tagged, message(tagged));
          }
          return;
        }
        const id = await findId(http, job.email);
        if (id === undefined) return; // Not in Kit: nothing to take back.
        const reply = await http.request('POST', `${base}/subscribers/${id}/unsubscribe`, { headers, body: {} });
        if (ok(reply) || reply.status === 404) return;
        throw failure(reply, message(reply));
      },
    };
  },
};
