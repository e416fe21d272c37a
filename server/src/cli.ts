#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { ConfigError, helpText, loadConfig } from './config.js';
import { SchemaTooNewError } from './db/migrations.js';
import { startServer } from './server.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === 'migrate-to') {
    const { migrateTo } = await import('./cli/migrate-to.js');
    return migrateTo(args.slice(1), process.env);
  }
  if (args[0] === 'check') {
    const { check } = await import('./cli/check.js');
    return check(args.slice(1));
  }
  if (args[0] === 'forwarding') {
    const { forwardingCommand } = await import('./cli/forwarding.js');
    return forwardingCommand(args.slice(1), process.env);
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      `${helpText()}\nCommands:\n` +
        '  lede-server migrate-to postgres://…  copy the embedded database into an empty PostgreSQL database\n' +
        '  lede-server check <base-url> [--origin https://news.example]  run the endpoint contract against any server\n' +
        '                                       (see lede-server check --help)\n' +
        '  lede-server forwarding list [--status failed] [--json]  jobs forwarding subscribers to email services\n' +
        '  lede-server forwarding retry [--id JOB_ID]  send failed jobs again (all, or one)\n',
    );
    return 0;
  }
  if (args.includes('--version')) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`lede-server: unknown argument ${args[0]}\n\n${helpText()}`);
    return 2;
  }
  const config = loadConfig();
  const server = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      if (config.logLevel !== 'silent')
        console.log(`lede-server: ${signal}: finishing requests in flight, then stopping`);
      server.close().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    if (error instanceof ConfigError || error instanceof SchemaTooNewError) {
      process.stderr.write(`lede-server: ${error.message}\n`);
    } else {
      process.stderr.write(`lede-server: could not start: ${error.message}\n`);
    }
    process.exit(1);
  },
);
