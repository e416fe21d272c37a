// Ghost Admin API (members) as documented: https://docs.ghost.org/admin-api/#token-authentication (the stub verifies
// the JWT: HS256 with the hex-decoded secret, `kid` the key id, `aud` "/admin/", at most 5 minutes),
// https://docs.ghost.org/admin-api/members/creating-a-member (201; an existing address: 422 ValidationError "Member
// already exists"), browse with `filter=email:'…'`, PUT and DELETE /members/{id}/; errors
// { "errors": [{ "message", "context", "type" }] } (https://docs.ghost.org/admin-api/#errors).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { retryable, startStub } from './harness.mjs';

export const GHOST_KEY_ID = '6748592f4b9b7700010f6564';
export const GHOST_SECRET = 'b1b5b9c1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1';
const errors = (message, context, type) => ({ errors: [{ message, context, type }] });
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** What Ghost checks of `Authorization: Ghost <token>`. */
export function validGhostToken(header, now = Date.now()) {
  const match = /^Ghost ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '');
  if (!match) return false;
  const [, head, payload, signature] = match;
  const expected = createHmac('sha256', Buffer.from(GHOST_SECRET, 'hex')).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const h = decode(head);
  const p = decode(payload);
  const seconds = now / 1000;
  return (
    h.alg === 'HS256' &&
    h.kid === GHOST_KEY_ID &&
    p.aud === '/admin/' &&
    p.exp - p.iat <= 300 &&
    p.iat <= seconds + 5 &&
    p.exp >= seconds
  );
}

export function startGhost() {
  const byEmail = new Map();
  return startStub((r, stub) => {
    if (!validGhostToken(r.headers.authorization))
      return {
        status: 401,
        json: errors(
          'Authorization failed',
          'Unable to determine the authenticated user or integration.',
          'UnauthorizedError',
        ),
      };
    if (r.method === 'POST' && r.path === '/ghost/api/admin/members/') {
      const input = r.json?.members?.[0] ?? {};
      const mode = stub.first(input.email, 'subscribe');
      const retry = retryable(mode, (status) =>
        errors(
          status === 429 ? 'Too many requests, please try again later.' : 'Internal server error, cannot save member.',
          null,
          status === 429 ? 'TooManyRequestsError' : 'InternalServerError',
        ),
      );
      if (retry) return retry;
      if (mode === 'bad')
        return {
          status: 400,
          json: errors('Request not understood error, cannot save member.', 'Invalid email.', 'BadRequestError'),
        };
      if (mode === 'dup' || byEmail.has(input.email))
        return {
          status: 422,
          json: errors(
            'Validation error, cannot save member.',
            'Member already exists. Attempting to add member with existing email address',
            'ValidationError',
          ),
        };
      const member = {
        id: randomBytes(12).toString('hex'),
        email: input.email,
        name: input.name ?? null,
        status: 'free',
        labels: (input.labels ?? []).map((l) => ({ ...l, slug: l.name.toLowerCase() })),
        newsletters: input.newsletters ?? [{ id: 'default' }],
      };
      byEmail.set(member.email, member);
      return { status: 201, json: { members: [member] } };
    }
    if (r.method === 'GET' && r.path === '/ghost/api/admin/members/') {
      const match = /^email:'((?:[^'\\]|\\.)*)'$/.exec(r.query.filter ?? '');
      const found = match ? byEmail.get(match[1].replace(/\\(.)/g, '$1')) : undefined;
      if (found) r.subject = found.email;
      return {
        status: 200,
        json: {
          members: found ? [found] : [],
          meta: { pagination: { page: 1, limit: 1, pages: 1, total: found ? 1 : 0, next: null, prev: null } },
        },
      };
    }
    const one = /^\/ghost\/api\/admin\/members\/([0-9a-f]+)\/$/.exec(r.path);
    if (one) {
      const member = [...byEmail.values()].find((m) => m.id === one[1]);
      if (!member)
        return {
          status: 404,
          json: errors('Resource not found error, cannot read member.', 'Member not found.', 'NotFoundError'),
        };
      r.subject = member.email;
      if (r.method === 'PUT') {
        Object.assign(member, r.json?.members?.[0]);
        return { status: 200, json: { members: [member] } };
      }
      if (r.method === 'DELETE') {
        byEmail.delete(member.email);
        return { status: 204 };
      }
    }
    return { status: 404, json: errors('Resource not found', null, 'NotFoundError') };
  });
}
