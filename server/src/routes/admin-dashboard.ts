import type { Hono } from 'hono';
import type { Deps, Env } from '../deps.js';
import { adminAppRoutes } from './admin-app.js';
import { adminOverviewRoutes } from './admin-overview.js';
import { adminPredictionRoutes } from './admin-predictions.js';
import { adminSubscriberRoutes } from './admin-subscribers.js';
import { VoteDays } from './admin-vote-days.js';

/** The dashboard at /admin/ and the JSON routes it reads (after `adminRoutes`, whose middleware checks the token). */
export function adminDashboardRoutes(app: Hono<Env>, deps: Deps): void {
  adminAppRoutes(app, deps);
  const voteDays = new VoteDays(deps.store.db);
  adminOverviewRoutes(app, deps, voteDays);
  adminSubscriberRoutes(app, deps);
  adminPredictionRoutes(app, deps, voteDays);
}
