// `npm start`: the demo article against the real lede-server.
//
// 1. lede-server starts on a free port with its embedded database in a throw-away folder (removed
//    on exit), no SMTP_URL (so its mails go to the folder's mail directory), an admin token made
//    for this run, and the demo's origin as its only allowed origin.
// 2. The demo's comment count and a few votes are seeded through the server's own routes.
// 3. Vite serves demo/ and proxies /v1 and /healthz to lede-server (one origin, as a publisher who
//    mounts the server under their site would have it), plus the local inbox at /inbox/.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { seedLedeServer } from '../demo/seed.mjs';
import { demoInbox } from './demo-inbox.mjs';
import { ROOT, ensureServerBuilt, freePort, portIsFree, startLedeServer } from './lede-server.mjs';

const VITE_CLOSE_WAIT_MS = 10_000;
const settleAfter = (ms) => new Promise((done) => setTimeout(done, ms).unref());

/**
 * Starts lede-server and the demo. `smtpUrl` sends mail to an SMTP server instead of the folder
 * (the browser test's); `port` is the demo's port (default 5173, or a free one when it is taken).
 * @param {{ port?: number, smtpUrl?: string, quiet?: boolean, open?: boolean, env?: Record<string, string> }} options
 */
export async function startDemo(options = {}) {
  const quiet = options.quiet ?? false;
  ensureServerBuilt({ quiet });
  const port = options.port ?? ((await portIsFree(5173, 'localhost')) ? 5173 : await freePort());
  const origin = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'lede-demo-'));
  const adminToken = randomBytes(18).toString('base64url');

  let server;
  let vite;
  const close = async () => {
    // Vite's close waits for connections a browser may still hold open; lede-server stops regardless.
    const viteClosed = vite?.close() ?? Promise.resolve();
    await Promise.allSettled([Promise.race([viteClosed, settleAfter(VITE_CLOSE_WAIT_MS)]), server?.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startLedeServer({
      env: {
        LEDE_DATA_DIR: dataDir,
        PUBLIC_URL: origin,
        ALLOWED_ORIGINS: `${origin},http://127.0.0.1:${port}`,
        ADMIN_TOKEN: adminToken,
        SMTP_URL: options.smtpUrl,
        MAIL_FROM: 'The Coastal Ledger <newsletter@coastal-ledger.example>',
        // One machine plays every reader in the demo (and the seed's 80 voters).
        VOTE_CAP_PER_ARTICLE: '10000',
        RATE_LIMIT_VOTES: '10000',
        DATABASE_URL: undefined,
        ...options.env,
      },
      log: quiet ? undefined : (line) => console.log(`[lede-server] ${line}`),
    });
    await seedLedeServer({ url: server.url, adminToken });

    const target = server.url;
    vite = await createServer({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: quiet ? 'silent' : 'info',
      server: {
        port,
        strictPort: true,
        open: options.open,
        proxy: { '/v1': { target }, '/healthz': { target } },
      },
      plugins: [demoInbox({ mailDir: join(dataDir, 'mail'), serverUrl: server.url, adminToken })],
    });
    await vite.listen();
  } catch (error) {
    await close();
    throw error;
  }

  return {
    url: `${origin}/`,
    inboxUrl: `${origin}/inbox/`,
    serverUrl: server.url,
    dashboardUrl: `${server.url}/admin/`,
    dataDir,
    mailDir: join(dataDir, 'mail'),
    adminToken,
    close,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const demo = await startDemo();
  console.log(`
  Lede demo           ${demo.url}
  Local inbox         ${demo.inboxUrl}   (the confirmation mails; click the link to confirm)
  lede-server         ${demo.serverUrl}   (embedded database in ${demo.dataDir}, removed on exit)
  Dashboard           ${demo.dashboardUrl}
  Admin token         ${demo.adminToken}   (type it into the dashboard; made for this run)
  Admin export        curl -H 'Authorization: Bearer ${demo.adminToken}' ${demo.serverUrl}/v1/admin/subscribers?format=csv

  Subscribe in the demo's newsletter form, open the local inbox, click the link: the inbox then
  lists the subscriber as confirmed. Ctrl+C stops both servers.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
