import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp, type AppState } from './app.js';
import { ClientKeys } from './clients.js';
import type { Config } from './config.js';
import { openStore } from './db/open.js';
import { migrate } from './db/migrations.js';
import { sweep } from './housekeeping.js';
import { createTransport } from './mail/transport.js';
import { MailWorker } from './mail/worker.js';
import { ForwardWorker } from './forwarding/worker.js';

export interface RunningServer {
  /** `http://host:port`, the port the server really listens on (PORT=0 picks a free one). */
  url: string;
  port: number;
  /** Stops accepting, answers what is in flight (at most 10 s), stops the mail worker, closes the database. */
  close(): Promise<void>;
}

const DRAIN_MS = 10_000;
const SWEEP_MS = 10 * 60_000;

export async function startServer(given: Config): Promise<RunningServer> {
  const config = { ...given };
  const log = config.logLevel === 'silent' ? () => {} : (message: string) => console.log(`lede-server: ${message}`);
  const store = openStore(config, log);
  let schema: { from: number; to: number };
  try {
    schema = await migrate(store.db, store.dialect);
  } catch (error) {
    await store.close();
    throw error;
  }
  const keys = new ClientKeys(store.db);
  const transport = createTransport(config.smtpUrl, config.mailFrom, config.mailDir);
  const mail = new MailWorker(store.db, store.dialect, transport, log);
  const forwarding = new ForwardWorker(
    store.db,
    store.dialect,
    {
      forwarders: config.forwarders,
      timeoutMs: config.forwardTimeoutMs,
      retryBaseMs: config.forwardRetryBaseMs,
      maxAttempts: config.forwardMaxAttempts,
      keepDays: config.forwardKeepDays,
    },
    log,
  );
  const state: AppState = { draining: false };

  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server: Server = createHttpServer();
  server.on('request', (_req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  config.publicUrl ||= url;
  const app = createApp({ config, store, keys, mail, forwarding, log }, state);
  server.on('request', getRequestListener(app.fetch));

  await mail.start();
  await forwarding.start();
  const sweeper = setInterval(() => sweep(store.db).catch((e: Error) => log(`housekeeping: ${e.message}`)), SWEEP_MS);
  sweeper.unref();
  sweep(store.db).catch((e: Error) => log(`housekeeping: ${e.message}`));

  log(
    `database: ${store.description}, schema version ${schema.to}${schema.from !== schema.to ? ` (migrated from ${schema.from})` : ''}`,
  );
  log(
    config.smtpUrl
      ? `mail: ${transport.description}`
      : `mail: no SMTP_URL set, so mails are written as .eml files to ${config.mailDir}`,
  );
  if (config.forwarders.length > 0) {
    const names = config.forwarders.map((f) => `${f.name} (${f.lists.length ? f.lists.join(', ') : 'every list'})`);
    log(`forwarding confirmed subscribers to ${names.join('; ')}`);
  }
  if (!config.adminToken) log('admin routes are off (set ADMIN_TOKEN to export or erase subscribers)');
  // Last, so a parent process that waits for this line has seen the others.
  log(`listening on ${url} (public URL ${config.publicUrl})`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        state.draining = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          await Promise.race([
            new Promise<void>((resolve) => (idle = resolve)),
            new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
          ]);
        }
        server.closeAllConnections();
        await stopped;
        clearInterval(sweeper);
        await mail.stop();
        await forwarding.stop();
        transport.close();
        await store.close();
      })();
      return closing;
    },
  };
}
