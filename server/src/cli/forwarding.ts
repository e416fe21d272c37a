// `lede-server forwarding list|retry`: the admin's forwarding view and retry from a shell, on the database the server
// uses (the same settings: DATABASE_URL or LEDE_DATA_DIR). A running server picks a retried job up within seconds.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrations.js';
import { openStore } from '../db/open.js';
import { listJobs, retryJobs, type StatusFilter } from '../forwarding/jobs.js';

const USAGE = `Usage:
  lede-server forwarding list [--status pending|failed|done|all] [--limit 50] [--offset 0] [--json]
  lede-server forwarding retry [--id JOB_ID]   (without --id: every failed job)
`;

export async function forwardingCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'list' && command !== 'retry') {
    process.stderr.write(USAGE);
    return 2;
  }
  let values: { status?: string; limit?: string; offset?: string; json?: boolean; id?: string };
  try {
    values = parseArgs({
      args: rest,
      options: {
        status: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
        id: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`lede-server forwarding: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const status = (values.status ?? 'all') as StatusFilter;
  if (!['pending', 'failed', 'done', 'all'].includes(status)) {
    process.stderr.write(`lede-server forwarding: --status is pending, failed, done or all.\n`);
    return 2;
  }
  const limit = Number(values.limit ?? 50);
  const offset = Number(values.offset ?? 0);
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    process.stderr.write(`lede-server forwarding: --limit and --offset are whole numbers.\n`);
    return 2;
  }

  const config = loadConfig({ env });
  const store = openStore(config, () => {});
  try {
    await migrate(store.db, store.dialect);
    if (command === 'retry') {
      const retried = await retryJobs(store.db, values.id);
      if (retried === undefined) {
        process.stderr.write(`lede-server forwarding: no job has the id ${values.id}.\n`);
        return 1;
      }
      process.stdout.write(`${retried} job${retried === 1 ? '' : 's'} queued to be sent again.\n`);
      return 0;
    }
    const { jobs, total } = await listJobs(store.db, status, limit, offset);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ jobs, total }, null, 2)}\n`);
      return 0;
    }
    const lines = jobs.map((j) =>
      [
        j.id,
        j.status.padEnd(7),
        `${j.forwarder}/${j.action}`.padEnd(24),
        (j.list || '-').padEnd(12),
        `attempts ${j.attempts}`,
        j.email,
        j.status === 'pending' ? `next ${j.nextAttemptAt}` : '',
        j.lastError ? `last error: ${j.lastError}` : '',
      ]
        .filter(Boolean)
        .join('  '),
    );
    process.stdout.write(
      `${lines.join('\n')}${lines.length ? '\n' : ''}${jobs.length} of ${total} ${status === 'all' ? '' : `${status} `}jobs\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
