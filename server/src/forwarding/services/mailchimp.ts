// Mailchimp Marketing API 3.0, as documented at
// https://mailchimp.com/developer/marketing/api/list-members/add-or-update-list-member/ (PUT
// /lists/{list_id}/members/{subscriber_hash}, the MD5 of the lower-cased address: idempotent, so a resend is harmless),
// .../list-members/update-list-member/ (PATCH, status "unsubscribed"),
// .../list-members/delete-list-member-permanent/ (POST .../actions/delete-permanent) and the error shape
// (application/problem+json: type, title, status, detail, instance) of https://mailchimp.com/developer/marketing/docs/errors/.
// Auth: HTTP Basic with any user name and the API key; the data centre is the key's suffix (…-us21).
import { createHash } from 'node:crypto';
import { failure, pick } from '../errors.js';
import { baseUrl } from '../http.js';
import type { Reply, ServiceDefinition } from '../types.js';

function message(reply: Reply): string | undefined {
  const title = pick(reply.json, 'title');
  const detail = pick(reply.json, 'detail');
  return title && detail ? `${title}: ${detail}` : (detail ?? title);
}

export function subscriberHash(email: string): string {
  return createHash('md5').update(email.toLowerCase()).digest('hex');
}

export const mailchimp: ServiceDefinition = {
  service: 'mailchimp',
  required: ['apiKey', 'listId'],
  optional: ['nameField'],
  secrets: ['apiKey'],
  create(options) {
    const dc = /-([a-z]+\d+)$/.exec(options.apiKey!)?.[1];
    if (!dc && !options.baseUrl)
      throw new Error('a Mailchimp API key ends in its data centre (…-us21); this one does not');
    const base = baseUrl(options, `https://${dc}.api.mailchimp.com/3.0`);
    const headers = { Authorization: `Basic ${Buffer.from(`lede:${options.apiKey}`).toString('base64')}` };
    return {
      async run(job, http) {
        const member = `${base}/lists/${encodeURIComponent(options.listId!)}/members/${subscriberHash(job.email)}`;
        let reply: Reply;
        if (job.action === 'subscribe') {
          const body: Record<string, unknown> = {
            email_address: job.email,
            status_if_new: 'subscribed',
            status: 'subscribed',
          };
          if (job.lang) body.language = job.lang;
          if (options.nameField && job.name) body.merge_fields = { [options.nameField]: job.name };
          reply = await http.request('PUT', member, { headers, body });
          if (reply.status === 200) return;
        } else {
          reply =
            job.action === 'unsubscribe'
              ? await http.request('PATCH', member, { headers, body: { status: 'unsubscribed' } })
              : await http.request('POST', `${member}/actions/delete-permanent`, { headers });
          // 404: not a member of this audience (never forwarded, or already gone): nothing left to do.
          if ((reply.status >= 200 && reply.status < 300) || reply.status === 404) return;
        }
        throw failure(reply, message(reply));
      },
    };
  },
};
