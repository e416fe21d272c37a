import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../deps.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Admin routes: absent (404) without ADMIN_TOKEN; otherwise the bearer token, compared in constant time. */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler<Env> {
  const expected = adminToken ? digest(adminToken) : undefined;
  return async (c, next) => {
    if (!expected) return c.json({ error: 'Not found.' }, 404);
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/i.exec(header);
    // Hashing both sides gives equal lengths, so the comparison takes the same time whatever was sent.
    const given = digest(match?.[1] ?? '');
    if (!match || !timingSafeEqual(given, expected)) {
      return c.json({ error: 'A valid admin token is required.' }, 401, { 'WWW-Authenticate': 'Bearer' });
    }
    await next();
  };
}
