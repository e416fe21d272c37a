import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { ClientKeys } from './clients.js';
import type { Config } from './config.js';
import type { Store } from './db/open.js';
import type { ForwardWorker } from './forwarding/worker.js';
import type { MailWorker } from './mail/worker.js';

export interface Deps {
  config: Config;
  store: Store;
  keys: ClientKeys;
  mail: MailWorker;
  forwarding: ForwardWorker;
  log: (message: string) => void;
}

export type Env = { Bindings: HttpBindings };
export type Ctx = Context<Env>;

/** The client's address: the socket's, or behind a trusted proxy the last X-Forwarded-For entry (the proxy's view). */
export function clientAddress(c: Ctx, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last;
  }
  return c.env.incoming.socket.remoteAddress ?? 'unknown';
}

export function json(status: number, body: unknown): { status: number; body: string } {
  return { status, body: JSON.stringify(body) };
}
