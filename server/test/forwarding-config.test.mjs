// The FORWARDERS setting: --help, the config file with secrets from the environment, the short form, and clear
// errors at start (never at the first signup), none of which prints a key.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, startLede, tempDir } from './helpers.mjs';
import { ConfigError, loadConfig } from '../dist/index.js';

const KEY = 'secret-api-key-0123456789';

function start(env) {
  const { dir, remove } = tempDir();
  try {
    return spawnSync(process.execPath, [CLI], {
      cwd: dir,
      env: { PATH: process.env.PATH, PORT: '0', LEDE_DATA_DIR: join(dir, 'data'), ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
  } finally {
    remove();
  }
}

describe('forwarding configuration', () => {
  it('--help lists the forwarding settings and commands', () => {
    const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    for (const name of [
      'FORWARDERS',
      'FORWARD_TIMEOUT_MS',
      'FORWARD_RETRY_BASE_MS',
      'FORWARD_MAX_ATTEMPTS',
      'FORWARD_KEEP_DAYS',
    ])
      assert.match(help, new RegExp(`^  ${name} `, 'm'));
    assert.match(help, /lede-server forwarding list/);
    assert.match(help, /lede-server forwarding retry/);
  });

  it('refuses to start on a mistake, with a message that names it and no key', () => {
    for (const [env, message] of [
      [
        { FORWARDERS: `mailchump:${KEY}` },
        /service must be one of buttondown, kit, mailchimp, beehiiv, mailerlite, listmonk, ghost, webhook, not "mailchump"/,
      ],
      [{ FORWARDERS: `daily=buttondown:${KEY}`, LISTS: 'weekly' }, /names the list "daily", which is not in LISTS/],
    ]) {
      const run = start(env);
      assert.equal(run.status, 1, `${JSON.stringify(env)}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, message);
      assert.ok(!`${run.stdout}${run.stderr}`.includes(KEY), 'the key is not printed');
    }
  });

  it('names every other mistake (loadConfig, as the server and the CLI read the settings)', () => {
    const cases = [
      [
        { FORWARDERS: JSON.stringify([{ service: 'mailchimp', apiKey: KEY }]) },
        /FORWARDERS\[0\] \(mailchimp\) needs "listId"/,
      ],
      [
        { FORWARDERS: JSON.stringify([{ service: 'kit', apiKey: 'env:NOT_SET_ANYWHERE' }]) },
        /names the environment variable NOT_SET_ANYWHERE, which is not set/,
      ],
      [{ FORWARDERS: JSON.stringify([{ service: 'kit', apiKey: KEY, tag: '1' }]) }, /unknown option "tag"/],
      [{ FORWARDERS: `buttondown:${KEY},buttondown:${KEY}x` }, /two forwarders are named "buttondown"/],
      [{ FORWARDERS: JSON.stringify([{ service: 'mailchimp', apiKey: KEY, listId: 'x' }]) }, /ends in its data centre/],
      [
        { FORWARDERS: JSON.stringify([{ service: 'ghost', apiKey: KEY, baseUrl: 'https://blog.example' }]) },
        /Admin API key, "id:secret"/,
      ],
      [
        {
          FORWARDERS: JSON.stringify([
            { service: 'listmonk', apiKey: 'u:t', listId: 'weekly', baseUrl: 'https://lm.example' },
          ]),
        },
        /listId is a list id/,
      ],
      [
        { FORWARDERS: JSON.stringify([{ service: 'webhook', url: 'ftp://x.example/', secret: KEY }]) },
        /url must be an http\(s\) URL/,
      ],
      [{ FORWARDERS: '[{"service":' }, /FORWARDERS is not valid JSON/],
      [{ FORWARDERS: `buttondown:${KEY}`, FORWARD_TIMEOUT_MS: '0' }, /FORWARD_TIMEOUT_MS must be at least 1/],
      [
        { FORWARDERS: `buttondown:${KEY}`, FORWARD_MAX_ATTEMPTS: 'many' },
        /FORWARD_MAX_ATTEMPTS must be a whole number/,
      ],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig({ env, cwd: '/nonexistent-lede-config-dir' }),
        (error) => error instanceof ConfigError && message.test(error.message) && !error.message.includes(KEY),
        JSON.stringify(env),
      );
    }
  });

  it('reads the short form: list, service, key and options', () => {
    const config = loadConfig({
      env: {
        FORWARDERS: `weekly=mailchimp:${KEY}-us21?listId=a1b2&name=mc-weekly, webhook:${KEY}?url=https://crm.example/h`,
      },
      cwd: '/nonexistent-lede-config-dir',
    });
    assert.deepEqual(config.forwarders, [
      {
        name: 'mc-weekly',
        service: 'mailchimp',
        lists: ['weekly'],
        options: { apiKey: `${KEY}-us21`, listId: 'a1b2' },
      },
      { name: 'webhook', service: 'webhook', lists: [], options: { secret: KEY, url: 'https://crm.example/h' } },
    ]);
  });

  it('reads forwarders from the config file, secrets from the environment, and names them in the log', async () => {
    const { dir, remove } = tempDir();
    writeFileSync(
      join(dir, 'lede-server.config.json'),
      JSON.stringify({
        LISTS: 'weekly,breaking',
        FORWARDERS: [
          { name: 'weekly-mc', service: 'mailchimp', lists: ['weekly'], apiKey: 'env:MC_KEY', listId: 'a1b2c3' },
          { service: 'webhook', url: 'http://127.0.0.1:1/hook', secret: 'env:HOOK_SECRET' },
        ],
      }),
    );
    const server = await startLede({ MC_KEY: `${KEY}-us21`, HOOK_SECRET: KEY }, { cwd: dir });
    try {
      assert.match(server.output(), /forwarding confirmed subscribers to weekly-mc \(weekly\); webhook \(every list\)/);
      assert.ok(!server.output().includes(KEY));
    } finally {
      await server.stop();
      remove();
    }
  });
});
