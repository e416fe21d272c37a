// listmonk (self-hosted), as documented at https://listmonk.app/docs/apis/subscribers/: POST /api/subscribers
// (`preconfirm_subscriptions`, the reader confirmed with Lede; 409 "E-mail already exists." when the address is
// there), GET /api/subscribers?query=… (look-up by address), PUT /api/subscribers/lists (add to or unsubscribe from
// lists) and DELETE /api/subscribers/{id}; errors are { "message": "…" } (https://listmonk.app/docs/apis/apis/).
// Auth: an API user and its token, `Authorization: Basic base64(api_user:token)` (https://listmonk.app/docs/apis/apis/).
import { failure, pick } from '../errors.js';
import { baseUrl } from '../http.js';
import type { HttpClient, Reply, ServiceDefinition } from '../types.js';

function message(reply: Reply): string | undefined {
  return pick(reply.json, 'message');
}

const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;

export const listmonk: ServiceDefinition = {
  service: 'listmonk',
  required: ['apiKey', 'baseUrl', 'listId'],
  secrets: ['apiKey'],
  create(options) {
    if (!options.apiKey!.includes(':')) throw new Error('apiKey is "api_user:token"');
    const lists = options.listId!.split(',').map((id) => Number(id.trim()));
    if (lists.some((id) => !Number.isInteger(id) || id < 1)) throw new Error('listId is a list id (or ids: 3,4)');
    const api = `${baseUrl(options, '')}/api`;
    const headers = { Authorization: `Basic ${Buffer.from(options.apiKey!).toString('base64')}` };

    async function findId(http: HttpClient, email: string): Promise<number | undefined> {
      const query = new URLSearchParams({ query: `subscribers.email = '${email.replace(/'/g, "''")}'`, per_page: '1' });
      const reply = await http.request('GET', `${api}/subscribers?${query}`, { headers });
      if (!ok(reply)) throw failure(reply, message(reply));
      const id = (reply.json as { data?: { results?: { id?: number }[] } } | undefined)?.data?.results?.[0]?.id;
      return typeof id === 'number' ? id : undefined;
    }

    async function changeLists(http: HttpClient, id: number, action: 'add' | 'unsubscribe'): Promise<void> {
      const body: Record<string, unknown> = { ids: [id], action, target_list_ids: lists };
      if (action === 'add') body.status = 'confirmed';
      const reply = await http.request('PUT', `${api}/subscribers/lists`, { headers, body });
      if (!ok(reply)) throw failure(reply, message(reply));
    }

    return {
      async run(job, http) {
        if (job.action === 'subscribe') {
          const reply = await http.request('POST', `${api}/subscribers`, {
            headers,
            body: {
              email: job.email,
              name: job.name ?? job.email.split('@')[0],
              status: 'enabled',
              lists,
              preconfirm_subscriptions: true,
            },
          });
          if (ok(reply)) return;
          if (reply.status !== 409) throw failure(reply, message(reply));
          // Already a subscriber (of another list, say): add this list to theirs.
          const id = await findId(http, job.email);
          if (id !== undefined) await changeLists(http, id, 'add');
          return;
        }
        const id = await findId(http, job.email);
        if (id === undefined) return; // Not there: nothing to take back.
        if (job.action === 'unsubscribe') return changeLists(http, id, 'unsubscribe');
        const reply = await http.request('DELETE', `${api}/subscribers/${id}`, { headers });
        if (ok(reply) || reply.status === 404) return;
        throw failure(reply, message(reply));
      },
    };
  },
};
