// Mailchimp Marketing API 3.0 as documented:
// https://mailchimp.com/developer/marketing/api/list-members/add-or-update-list-member/ (PUT, idempotent),
// .../update-list-member/ (PATCH), .../delete-list-member-permanent/ (POST …/actions/delete-permanent, 204), errors as
// application/problem+json { type, title, status, detail, instance } (https://mailchimp.com/developer/marketing/docs/errors/).
// Auth: HTTP Basic, any user name, the API key as password.
import { createHash, randomUUID } from 'node:crypto';
import { basicAuth, retryable, startStub } from './harness.mjs';

export const MAILCHIMP_KEY = '0123456789abcdef0123456789abcdef-us21';
export const MAILCHIMP_LIST = 'a1b2c3d4e5';
const problem = (status, title, detail) => ({
  type: 'https://mailchimp.com/developer/marketing/docs/errors/',
  title,
  status,
  detail,
  instance: randomUUID(),
});
const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };
const md5 = (text) => createHash('md5').update(text).digest('hex');

export function startMailchimp() {
  const members = new Map();
  return startStub((r, stub) => {
    if (basicAuth(r.headers.authorization)?.password !== MAILCHIMP_KEY)
      return {
        status: 401,
        headers: PROBLEM,
        json: problem(
          401,
          'API Key Invalid',
          "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
        ),
      };
    const match = /^\/3\.0\/lists\/([^/]+)\/members\/([0-9a-f]{32})(\/actions\/delete-permanent)?$/.exec(r.path);
    if (!match || match[1] !== MAILCHIMP_LIST)
      return {
        status: 404,
        headers: PROBLEM,
        json: problem(404, 'Resource Not Found', 'The requested resource could not be found.'),
      };
    const hash = match[2];
    if (r.method === 'PUT' && !match[3]) {
      const email = r.json?.email_address;
      if (md5(String(email).toLowerCase()) !== hash)
        return {
          status: 400,
          headers: PROBLEM,
          json: problem(400, 'Invalid Resource', 'The subscriber hash does not match the address.'),
        };
      const mode = stub.first(email, 'subscribe');
      const retry = retryable(mode, (status, text) => problem(status, text, text));
      if (retry) return retry.status ? { ...retry, headers: { ...PROBLEM, ...retry.headers } } : retry;
      if (mode === 'bad')
        return {
          status: 400,
          headers: PROBLEM,
          json: problem(400, 'Invalid Resource', `${email} looks fake or invalid, please enter a real email address.`),
        };
      // Add or update: an existing member (the duplicate case) is updated and answered 200 as well.
      const member = {
        id: hash,
        email_address: email,
        status: r.json.status ?? r.json.status_if_new,
        list_id: MAILCHIMP_LIST,
      };
      members.set(hash, { ...members.get(hash), ...member });
      return { status: 200, json: members.get(hash) };
    }
    const member = members.get(hash);
    if (member) r.subject = member.email_address;
    if (!member)
      return {
        status: 404,
        headers: PROBLEM,
        json: problem(404, 'Resource Not Found', 'The requested resource could not be found.'),
      };
    if (r.method === 'PATCH' && !match[3]) {
      Object.assign(member, r.json);
      return { status: 200, json: member };
    }
    if (r.method === 'POST' && match[3]) {
      members.delete(hash);
      return { status: 204 };
    }
    return {
      status: 405,
      headers: PROBLEM,
      json: problem(405, 'Method Not Allowed', 'The requested method and resource are not compatible.'),
    };
  });
}
