// beehiiv API v2, as documented at https://developers.beehiiv.com/api-reference/subscriptions/create
// (POST /v2/publications/{publicationId}/subscriptions; an address that is there already gets its existing
// subscription back, and `double_opt_override: "off"` because the reader confirmed with Lede),
// .../subscriptions/put-by-email (PUT .../subscriptions/by_email/{email} with `unsubscribe: true`),
// .../subscriptions/get-by-email and .../subscriptions/delete (DELETE .../subscriptions/{subscriptionId}), and the
// error shape { "status", "statusText", "errors": [{ "message", "code" }] }. Auth: `Authorization: Bearer <API key>`.
import { failure, pick } from '../errors.js';
import { baseUrl } from '../http.js';
import type { Reply, ServiceDefinition } from '../types.js';

const DEFAULT_BASE = 'https://api.beehiiv.com/v2';

function message(reply: Reply): string | undefined {
  return pick(reply.json, 'errors', 0, 'message') ?? pick(reply.json, 'statusText') ?? pick(reply.json, 'message');
}

const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;

export const beehiiv: ServiceDefinition = {
  service: 'beehiiv',
  required: ['apiKey', 'publicationId'],
  optional: ['utmSource', 'sendWelcomeEmail'],
  secrets: ['apiKey'],
  create(options) {
    const publication = `${baseUrl(options, DEFAULT_BASE)}/publications/${encodeURIComponent(options.publicationId!)}`;
    const headers = { Authorization: `Bearer ${options.apiKey}` };
    return {
      async run(job, http) {
        const byEmail = `${publication}/subscriptions/by_email/${encodeURIComponent(job.email)}`;
        if (job.action === 'subscribe') {
          const body: Record<string, unknown> = {
            email: job.email,
            // The reader just confirmed with Lede: knowingly (re)subscribing, as beehiiv asks for reactivation.
            reactivate_existing: true,
            send_welcome_email: options.sendWelcomeEmail === 'true',
            double_opt_override: 'off',
            utm_source: options.utmSource ?? 'lede',
          };
          if (job.source) body.referring_site = job.source;
          const reply = await http.request('POST', `${publication}/subscriptions`, { headers, body });
          if (ok(reply)) return;
          throw failure(reply, message(reply));
        }
        if (job.action === 'unsubscribe') {
          const reply = await http.request('PUT', byEmail, { headers, body: { unsubscribe: true } });
          if (ok(reply) || reply.status === 404) return;
          throw failure(reply, message(reply));
        }
        const found = await http.request('GET', byEmail, { headers });
        if (found.status === 404) return; // Not there: nothing to erase.
        if (!ok(found)) throw failure(found, message(found));
        const id = pick(found.json, 'data', 'id');
        if (!id) return;
        const reply = await http.request('DELETE', `${publication}/subscriptions/${encodeURIComponent(id)}`, {
          headers,
        });
        if (ok(reply) || reply.status === 404) return;
        throw failure(reply, message(reply));
      },
    };
  },
};
