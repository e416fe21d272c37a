// MailerLite (the current API at connect.mailerlite.com), as documented at
// https://developers.mailerlite.com/docs/subscribers.html: "Create/upsert subscriber" (POST /api/subscribers, 201
// created or 200 updated: the address is the key, so a resend changes nothing), "Fetch a subscriber"
// (GET /api/subscribers/{id or email}) and "Forget a subscriber" (POST /api/subscribers/{id}/forget, the GDPR
// erasure); errors as in https://developers.mailerlite.com/docs/#validation-errors: 422 with { "message", "errors":
// { field: ["…"] } }. Auth: `Authorization: Bearer <API token>`.
import { failure, pick } from '../errors.js';
import { baseUrl } from '../http.js';
import type { Reply, ServiceDefinition } from '../types.js';

const DEFAULT_BASE = 'https://connect.mailerlite.com/api';

function message(reply: Reply): string | undefined {
  return pick(reply.json, 'message');
}

const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;

export const mailerlite: ServiceDefinition = {
  service: 'mailerlite',
  required: ['apiKey'],
  optional: ['groupId'],
  secrets: ['apiKey'],
  create(options) {
    const base = baseUrl(options, DEFAULT_BASE);
    const headers = { Authorization: `Bearer ${options.apiKey}` };
    const groups = (options.groupId ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    return {
      async run(job, http) {
        if (job.action !== 'erase') {
          const body: Record<string, unknown> = {
            email: job.email,
            status: job.action === 'subscribe' ? 'active' : 'unsubscribed',
          };
          if (job.action === 'subscribe') {
            if (job.name) body.fields = { name: job.name };
            if (groups.length > 0) body.groups = groups;
          }
          const reply = await http.request('POST', `${base}/subscribers`, { headers, body });
          if (ok(reply)) return;
          throw failure(reply, message(reply));
        }
        const found = await http.request('GET', `${base}/subscribers/${encodeURIComponent(job.email)}`, { headers });
        if (found.status === 404) return; // Not there: nothing to erase.
        if (!ok(found)) throw failure(found, message(found));
        const id = pick(found.json, 'data', 'id');
        if (!id) return;
        const reply = await http.request('POST', `${base}/subscribers/${encodeURIComponent(id)}/forget`, { headers });
        if (ok(reply) || reply.status === 404) return;
        throw failure(reply, message(reply));
      },
    };
  },
};
