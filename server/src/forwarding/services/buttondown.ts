// Buttondown API v1, as documented at https://docs.buttondown.com/api-subscribers-create (POST /v1/subscribers;
// `type: "regular"` skips Buttondown's own confirmation mail, the reader already confirmed with Lede),
// https://docs.buttondown.com/api-subscribers-update (PATCH /v1/subscribers/{id_or_email}),
// https://docs.buttondown.com/api-subscribers-delete (DELETE /v1/subscribers/{id_or_email}) and the error shape
// { "code": "email_already_exists", "detail": "…" } of https://docs.buttondown.com/api-response-codes.
// Auth: `Authorization: Token <API key>`.
import { failure, pick } from '../errors.js';
import { baseUrl } from '../http.js';
import type { Reply, ServiceDefinition } from '../types.js';

const DEFAULT_BASE = 'https://api.buttondown.com/v1';

function message(reply: Reply): string | undefined {
  return pick(reply.json, 'detail') ?? pick(reply.json, 'code') ?? pick(reply.json, 'email_address', 0);
}

export const buttondown: ServiceDefinition = {
  service: 'buttondown',
  required: ['apiKey'],
  optional: ['tags'],
  secrets: ['apiKey'],
  create(options) {
    const base = baseUrl(options, DEFAULT_BASE);
    const headers = { Authorization: `Token ${options.apiKey}` };
    const tags = (options.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    return {
      async run(job, http) {
        const member = `${base}/subscribers/${encodeURIComponent(job.email)}`;
        if (job.action === 'subscribe') {
          const body: Record<string, unknown> = { email_address: job.email, type: 'regular' };
          if (tags.length > 0) body.tags = tags;
          if (job.source) body.referrer_url = job.source;
          const reply = await http.request('POST', `${base}/subscribers`, { headers, body });
          if (reply.status === 201 || reply.status === 200) return;
          // Buttondown keeps an existing subscriber's data and history: "already exists" means they are there.
          if (pick(reply.json, 'code') === 'email_already_exists') return;
          throw failure(reply, message(reply));
        }
        const reply =
          job.action === 'unsubscribe'
            ? await http.request('PATCH', member, { headers, body: { type: 'unsubscribed' } })
            : await http.request('DELETE', member, { headers });
        // Not there (never forwarded, or removed in Buttondown already): nothing left to do.
        if ((reply.status >= 200 && reply.status < 300) || reply.status === 404) return;
        throw failure(reply, message(reply));
      },
    };
  },
};
