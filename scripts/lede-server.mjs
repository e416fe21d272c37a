// Runs the real `lede-server` bin as a child process: used by `npm start` (the demo), the demo's
// browser test, the server bench and the packed-tarball check. Each gets the process exactly as a
// publisher runs it, configured by environment variables.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIR = join(ROOT, 'server');

/** The file the `lede-server` bin runs, from server/package.json. */
export function serverBin(serverDir = SERVER_DIR) {
  const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['lede-server'];
  if (!bin) throw new Error(`${join(serverDir, 'package.json')} has no "lede-server" bin`);
  return join(serverDir, bin);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the server (its TypeScript compile and the dashboard bundle) when its bin or the bundle is
 * missing or older than a source file: a few seconds, and nothing when it is up to date.
 */
export function ensureServerBuilt({ quiet = false } = {}) {
  const bin = serverBin();
  // The TypeScript sources, and the dashboard's (server/admin/, bundled into dist/admin/).
  const sources = [join(SERVER_DIR, 'src'), join(SERVER_DIR, 'admin')].filter((dir) => existsSync(dir));
  const dashboard = join(SERVER_DIR, 'dist', 'admin', 'admin.js');
  const built = (path) => existsSync(path) && sources.every((dir) => statSync(path).mtimeMs >= newestMtime(dir));
  if (built(bin) && (!existsSync(join(SERVER_DIR, 'admin')) || built(dashboard))) return bin;
  if (!quiet) console.log('Building lede-server (TypeScript compile and the dashboard bundle)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent', '-w', 'lede-server'], {
    cwd: ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`Building lede-server failed${quiet ? `:\n${result.stdout}\n${result.stderr}` : ''}`);
  }
  return bin;
}

/** A TCP port nobody listens on right now. */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, host, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolvePort(port));
    });
  });
}

/** Whether `port` on `host` is free to listen on. */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolveFree) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolveFree(false));
    probe.listen(port, host, () => probe.close(() => resolveFree(true)));
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Starts `node <bin>` with `env` on a free port and waits until `/healthz` answers 200.
 * Resolves `{ url, port, child, output(), stop(signal) }`; `stop` resolves with the exit code.
 * `command` runs something else than `node <bin>` (the tarball check runs `npx lede-server`), in its
 * own process group.
 * @param {{ bin?: string, command?: string[], env?: Record<string, string | undefined>, cwd?: string, host?: string,
 *   port?: number, args?: string[], nodeArgs?: string[], log?: (line: string) => void, timeoutMs?: number }} options
 */
export async function startLedeServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const env = { ...process.env, ...options.env, PORT: String(port), HOST: host };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const [command, ...commandArgs] = options.command ?? [
    process.execPath,
    ...(options.nodeArgs ?? []),
    options.bin ?? serverBin(),
  ];
  const child = spawn(command, [...commandArgs, ...(options.args ?? [])], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A wrapper (npx) does not pass signals on: it gets a process group, and `stop` signals the group.
    detached: Boolean(options.command),
  });
  let output = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (options.log) for (const line of text.split('\n')) if (line.trim()) options.log(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal)));
  let exitCode;
  void exited.then((code) => (exitCode = code));

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (exitCode !== undefined) throw new Error(`lede-server exited (${exitCode}) before it answered:\n${output}`);
    try {
      const answer = await fetch(`${url}/healthz`);
      if (answer.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`lede-server did not answer /healthz within ${options.timeoutMs ?? 30_000} ms:\n${output}`);
    }
    await sleep(100);
  }

  return {
    url,
    port,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      const kill = (name) => {
        try {
          if (options.command) process.kill(-child.pid, name);
          else child.kill(name);
        } catch {
          // Already gone.
        }
      };
      if (exitCode === undefined) kill(signal);
      const timer = setTimeout(() => kill('SIGKILL'), 12_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
