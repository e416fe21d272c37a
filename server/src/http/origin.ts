import type { MiddlewareHandler } from 'hono';
import { normaliseOrigin, type Config } from '../config.js';
import type { Env } from '../deps.js';

/** Exact origins only: `null`, look-alikes (news.example.evil) and other schemes or ports are not allowed. */
export function originChecker(config: Config): (origin: string) => boolean {
  const allowed = new Set([...config.allowedOrigins, normaliseOrigin(config.publicUrl)!]);
  return (origin) => {
    if (!/^https?:\/\/[^/]+$/i.test(origin)) return false;
    const normal = normaliseOrigin(origin);
    return normal !== undefined && allowed.has(normal);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * CORS for the publisher's sites, and the cross-site write check: a browser request from an origin that is not
 * allowed may read nothing, and a write from it is refused with 403 before anything is read or changed. A request
 * without Origin (curl, a mail provider's one-click unsubscribe, the admin's script) is not a cross-site browser request.
 */
export function corsAndOrigin(config: Config): MiddlewareHandler<Env> {
  const isAllowed = originChecker(config);
  return async (c, next) => {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && isAllowed(origin);
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (c.req.method === 'OPTIONS') {
      if (origin !== undefined && !allowed) return c.json({ error: 'This site may not send requests here.' }, 403);
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    if (origin !== undefined && !allowed && !SAFE_METHODS.has(c.req.method)) {
      return c.json({ error: 'This site may not send requests here.' }, 403);
    }
    await next();
  };
}
