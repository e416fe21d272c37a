// Ghost Admin API (members), as documented at https://docs.ghost.org/admin-api/#token-authentication (a JWT, HS256,
// signed with the hex-decoded secret of the Admin API key "id:secret", header `kid` = id, `aud` "/admin/", at most
// 5 minutes; sent as `Authorization: Ghost <token>`), https://docs.ghost.org/admin-api/members/creating-a-member
// (POST /ghost/api/admin/members/), .../members/updating-a-member (PUT /members/{id}/, `newsletters: []` unsubscribes
// from every newsletter), browsing with `filter=email:'…'` and DELETE /members/{id}/; errors are
// { "errors": [{ "message", "context", "type" }] } (https://docs.ghost.org/admin-api/#errors); an existing address
// answers 422 "Member already exists".
import { createHmac } from 'node:crypto';
import { failure, pick } from '../errors.js';
import { baseUrl } from '../http.js';
import type { HttpClient, Reply, ServiceDefinition } from '../types.js';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The short-lived admin token Ghost asks for, made with node:crypto (no JWT library). */
export function ghostToken(apiKey: string, now = Date.now()): string {
  const [id, secret] = apiKey.split(':') as [string, string];
  const iat = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: id }));
  const payload = base64url(JSON.stringify({ iat, exp: iat + 5 * 60, aud: '/admin/' }));
  const signature = createHmac('sha256', Buffer.from(secret, 'hex')).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64url(signature)}`;
}

function message(reply: Reply): string | undefined {
  const text = pick(reply.json, 'errors', 0, 'message');
  const context = pick(reply.json, 'errors', 0, 'context');
  return text && context ? `${text} ${context}` : (text ?? context);
}

const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;

export const ghost: ServiceDefinition = {
  service: 'ghost',
  required: ['apiKey', 'baseUrl'],
  optional: ['labels', 'newsletterId'],
  secrets: ['apiKey'],
  create(options) {
    if (!/^[0-9a-f]+:[0-9a-f]+$/i.test(options.apiKey!)) throw new Error('apiKey is the Admin API key, "id:secret"');
    const api = `${baseUrl(options, '')}/ghost/api/admin`;
    const labels = (options.labels ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const headers = () => ({ Authorization: `Ghost ${ghostToken(options.apiKey!)}`, 'Accept-Version': 'v5.0' });

    async function findId(http: HttpClient, email: string): Promise<string | undefined> {
      const query = new URLSearchParams({ filter: `email:'${email.replace(/'/g, "\\'")}'`, limit: '1' });
      const reply = await http.request('GET', `${api}/members/?${query}`, { headers: headers() });
      if (!ok(reply)) throw failure(reply, message(reply));
      return pick(reply.json, 'members', 0, 'id');
    }

    return {
      async run(job, http) {
        if (job.action === 'subscribe') {
          const member: Record<string, unknown> = { email: job.email };
          if (job.name) member.name = job.name;
          if (labels.length > 0) member.labels = labels.map((name) => ({ name }));
          if (options.newsletterId) member.newsletters = [{ id: options.newsletterId }];
          const reply = await http.request('POST', `${api}/members/`, {
            headers: headers(),
            body: { members: [member] },
          });
          if (ok(reply)) return;
          if (reply.status === 422 && /already exists/i.test(message(reply) ?? '')) return;
          throw failure(reply, message(reply));
        }
        const id = await findId(http, job.email);
        if (id === undefined) return; // Not a member: nothing to take back.
        const member = `${api}/members/${encodeURIComponent(id)}/`;
        const reply =
          job.action === 'unsubscribe'
            ? await http.request('PUT', member, { headers: headers(), body: { members: [{ newsletters: [] }] } })
            : await http.request('DELETE', member, { headers: headers() });
        if (ok(reply) || reply.status === 404) return;
        throw failure(reply, message(reply));
      },
    };
  },
};
