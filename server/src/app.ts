import { Hono } from 'hono';
import { sql } from 'kysely';
import { isUnavailable } from './db/open.js';
import type { Deps, Env } from './deps.js';
import { HttpError } from './http/errors.js';
import { corsAndOrigin } from './http/origin.js';
import { forwardingRoutes } from './forwarding/routes.js';
import { adminRoutes } from './routes/admin.js';
import { adminDashboardRoutes } from './routes/admin-dashboard.js';
import { commentRoutes } from './routes/comments.js';
import { linkRoutes } from './routes/links.js';
import { signupRoutes } from './routes/signups.js';
import { voteRoutes } from './routes/votes.js';

const UNAVAILABLE = { error: 'The service is briefly unavailable. Please try again in a moment.' };
const RETRY_AFTER_UNAVAILABLE = '5';

export interface AppState {
  /** Set while shutting down: every answer closes its connection. */
  draining: boolean;
}

export function createApp(deps: Deps, state: AppState): Hono<Env> {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.has('Content-Security-Policy'))
      c.res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (deps.config.publicUrl.startsWith('https:')) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
    if (state.draining) c.res.headers.set('Connection', 'close');
  });
  app.use('*', corsAndOrigin(deps.config));

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(deps.store.db);
    return c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
  });
  signupRoutes(app, deps);
  linkRoutes(app, deps);
  voteRoutes(app, deps);
  commentRoutes(app, deps);
  adminRoutes(app, deps);
  forwardingRoutes(app, deps);
  adminDashboardRoutes(app, deps);

  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message }, error.status as 400, error.headers);
    if (isUnavailable(error)) {
      deps.log(`database unavailable: ${error.message}`);
      return c.json(UNAVAILABLE, 503, { 'Retry-After': RETRY_AFTER_UNAVAILABLE });
    }
    deps.log(`error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.json({ error: 'Something went wrong on our side. Please try again later.' }, 500);
  });
  return app;
}
