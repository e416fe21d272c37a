import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Deps, Env } from '../deps.js';

/**
 * Everything the dashboard loads comes from here: scripts and styles from these files only, requests to this origin
 * only, no inline code, and Lit's Trusted Types policy as the one way to write HTML.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The built app (server/admin/, bundled by server/admin/build.mjs into dist/admin/). */
const FILES: Record<string, { name: string; type: string }> = {
  '/admin/': { name: 'index.html', type: 'text/html; charset=utf-8' },
  '/admin/admin.js': { name: 'admin.js', type: 'text/javascript; charset=utf-8' },
  '/admin/admin.css': { name: 'admin.css', type: 'text/css; charset=utf-8' },
};

const HEADERS = {
  'Content-Security-Policy': ADMIN_CSP,
  'Cache-Control': 'no-cache',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const cache = new Map<string, Buffer>();

function read(name: string): Buffer | undefined {
  if (!cache.has(name)) {
    try {
      cache.set(name, readFileSync(new URL(`../admin/${name}`, import.meta.url)));
    } catch {
      return undefined;
    }
  }
  return cache.get(name);
}

/** `GET /admin/`: the publisher's dashboard. Like the admin routes, it exists only with ADMIN_TOKEN set. */
export function adminAppRoutes(app: Hono<Env>, deps: Deps): void {
  for (const [path, file] of Object.entries(FILES)) {
    app.get(path, (c) => {
      if (!deps.config.adminToken) {
        return c.text('The dashboard is off: set ADMIN_TOKEN to use it.', 404, { 'Cache-Control': 'no-store' });
      }
      const body = read(file.name);
      if (!body) return c.text('The dashboard was not built with this server (npm run build -w lede-server).', 404);
      return c.body(new Uint8Array(body), 200, { ...HEADERS, 'Content-Type': file.type });
    });
  }
}
