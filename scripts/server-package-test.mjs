// The lede-server package as a publisher gets it: `npm pack` the workspace, install the tarball
// into an empty folder from the npm cache (no network), and `npx lede-server` must start, answer
// /healthz, print its help, and stop cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startLedeServer } from './lede-server.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'lede-server-package-'));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  // 1. The tarball, and what is in it.
  const [packed] = JSON.parse(run(npm, ['pack', '-w', 'lede-server', '--json', '--pack-destination', work], ROOT));
  const files = packed.files.map((file) => file.path);
  const dashboard = ['dist/admin/index.html', 'dist/admin/admin.js', 'dist/admin/admin.css'];
  for (const expected of ['package.json', 'README.md', 'openapi.yaml', 'dist/cli.js', 'dist/index.js', ...dashboard]) {
    assert.ok(files.includes(expected), `the tarball holds ${expected}`);
  }
  const stray = files.filter((path) => /^(src|test|bench)\//.test(path) || path.endsWith('.eml'));
  assert.deepEqual(stray, [], 'no sources, tests, bench or data in the tarball');
  console.log(`packed ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KB`);

  // 2. An empty project installs it from the npm cache. Its native addon, better-sqlite3, builds at
  //    install (npm asks the publisher to approve that script; on their machine it fetches a prebuilt
  //    binary). Here the install skips scripts and takes the binary this checkout built for the same
  //    better-sqlite3 version and Node (a compile from source would take a minute); with another
  //    version it rebuilds.
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'publisher-site', private: true, allowScripts: { 'better-sqlite3': true } }, null, 2),
  );
  const tarball = join(work, packed.filename);
  const install = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', tarball];
  try {
    run(npm, [...install, '--offline'], project);
  } catch (error) {
    console.log(`npm install --offline missed the cache (${String(error.stderr).split('\n')[0]}); --prefer-offline`);
    run(npm, [...install, '--prefer-offline'], project);
  }
  assert.ok(existsSync(join(project, 'node_modules', '.bin', 'lede-server')), 'npm linked the lede-server bin');
  const addon = (root) => join(root, 'node_modules', 'better-sqlite3');
  const version = (root) => JSON.parse(readFileSync(join(addon(root), 'package.json'), 'utf8')).version;
  const built = join(addon(ROOT), 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(built) && version(ROOT) === version(project)) {
    mkdirSync(join(addon(project), 'build', 'Release'), { recursive: true });
    copyFileSync(built, join(addon(project), 'build', 'Release', 'better_sqlite3.node'));
  } else {
    console.log('better-sqlite3: building the native addon (about a minute)...');
    run(npm, ['rebuild', 'better-sqlite3'], project);
  }

  // 3. `npx lede-server --help` and `npx lede-server`.
  const help = run(npx, ['--no-install', 'lede-server', '--help'], project);
  assert.match(help, /ALLOWED_ORIGINS/);
  assert.match(help, /DATABASE_URL/);
  const env = { LEDE_DATA_DIR: undefined, DATABASE_URL: undefined, SMTP_URL: undefined, ADMIN_TOKEN: undefined };
  const viaNpx = await startLedeServer({ command: [npx, '--no-install', 'lede-server'], cwd: project, env });
  assert.equal((await fetch(`${viaNpx.url}/healthz`)).status, 200);
  assert.ok(existsSync(join(project, 'lede-data', 'lede.sqlite')), 'the embedded database is in ./lede-data');
  await viaNpx.stop('SIGTERM');
  await assert.rejects(fetch(`${viaNpx.url}/healthz`), 'the server stopped with npx');

  // The same bin, run directly: SIGTERM drains and exits 0.
  const direct = await startLedeServer({
    bin: join(project, 'node_modules', '.bin', 'lede-server'),
    cwd: project,
    env,
  });
  assert.equal((await fetch(`${direct.url}/healthz`)).status, 200);
  const code = await direct.stop('SIGTERM');
  assert.equal(code, 0, `SIGTERM exits 0:\n${direct.output()}`);
  console.log(
    `npx lede-server from the tarball: /healthz 200, SIGTERM exit 0 (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
