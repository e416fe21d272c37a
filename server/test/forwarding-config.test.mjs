// The FORWARDERS setting: --help, the config file with secrets from the environment, the short form, and clear
// errors at start (never at the first signup), none of which prints a key.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, startLede, tempDir } from './helpers.mjs';

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
    const cases = [
      [
        { FORWARDERS: `mailchump:${KEY}` },
        /service must be one of buttondown, kit, mailchimp, beehiiv, mailerlite, listmonk, ghost, webhook, not "mailchump"/,
      ],
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
      [{ FORWARDERS: `daily=buttondown:${KEY}`, LISTS: 'weekly' }, /names the list "daily", which is not in LISTS/],
      [{ FORWARDERS: JSON.stringify([{ service: 'mailchimp', apiKey: KEY, listId: 'x' }]) }, /ends in its data centre/],
      [{ FORWARDERS: '[{"service":' }, /FORWARDERS is not valid JSON/],
      [{ FORWARDERS: `buttondown:${KEY}`, FORWARD_TIMEOUT_MS: '0' }, /FORWARD_TIMEOUT_MS must be at least 1/],
    ];
    for (const [env, message] of cases) {
      const run = start(env);
      assert.equal(run.status, 1, `${JSON.stringify(env)}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, message);
      assert.ok(!`${run.stdout}${run.stderr}`.includes(KEY), 'the key is not printed');
    }
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
