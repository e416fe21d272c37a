import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_URLS, SOURCE_NAMES, type SourceName } from './comments/sources/index.js';
import { ForwardingConfigError, parseForwarders } from './forwarding/config.js';
import type { ForwarderConfig } from './forwarding/types.js';

/** Every setting of lede-server. Each comes from the environment, `lede-server.config.json`, or its default. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Empty until listening when PORT=0 and no PUBLIC_URL was given. */
  publicUrl: string;
  allowedOrigins: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  adminToken: string | undefined;
  lists: string[];
  rateLimitSignups: number;
  rateLimitVotes: number;
  voteCapPerArticle: number;
  trustProxy: boolean;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  logLevel: 'info' | 'silent';
  /** Where comment counts come from: "push" (the admin PUT) or a comment system's API. */
  commentSource: SourceName;
  commentSourceUrl: string | undefined;
  commentSourceToken: string | undefined;
  commentSourceSite: string | undefined;
  commentSourceUser: string | undefined;
  commentSourceCategory: string | undefined;
  /** What the source knows an article by: `{id}` is the articleId, e.g. `https://news.example/{id}`. */
  commentSourceMap: string;
  commentSourceTimeoutMs: number;
  commentCacheSeconds: number;
  /** Email services that receive confirmed subscribers (docs/server-forwarding.md). */
  forwarders: ForwarderConfig[];
  forwardTimeoutMs: number;
  forwardRetryBaseMs: number;
  forwardMaxAttempts: number;
  forwardKeepDays: number;
}

interface Setting {
  env: string;
  key: keyof Config;
  kind: 'string' | 'int' | 'list' | 'bool' | 'secret' | 'json';
  help: string;
  fallback: string;
}

/** The one table of settings: `--help`, the config file and the environment all read it. */
export const SETTINGS: readonly Setting[] = [
  { env: 'PORT', key: 'port', kind: 'int', help: 'TCP port to listen on (0 = any free port).', fallback: '8787' },
  {
    env: 'HOST',
    key: 'host',
    kind: 'string',
    help: 'Address to listen on; 0.0.0.0 behind a reverse proxy.',
    fallback: '127.0.0.1',
  },
  {
    env: 'LEDE_DATA_DIR',
    key: 'dataDir',
    kind: 'string',
    help: 'Folder of the embedded database (and of mail files without SMTP_URL).',
    fallback: './lede-data',
  },
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    kind: 'secret',
    help: 'postgres://user:pass@host/db to use PostgreSQL instead of the embedded database.',
    fallback: '(embedded)',
  },
  {
    env: 'PUBLIC_URL',
    key: 'publicUrl',
    kind: 'string',
    help: 'The URL readers reach this server at, for links in mails; its origin is always allowed.',
    fallback: 'http://HOST:PORT',
  },
  {
    env: 'ALLOWED_ORIGINS',
    key: 'allowedOrigins',
    kind: 'list',
    help: 'Comma-separated origins of your sites (https://news.example,https://www.news.example).',
    fallback: '(none)',
  },
  {
    env: 'SMTP_URL',
    key: 'smtpUrl',
    kind: 'secret',
    help: 'smtp(s)://user:pass@host:port for outgoing mail; without it, mails are written to MAIL_DIR.',
    fallback: '(write .eml files)',
  },
  {
    env: 'MAIL_FROM',
    key: 'mailFrom',
    kind: 'string',
    help: 'Sender of confirmation mails, e.g. "News <news@example.com>".',
    fallback: 'lede-server <no-reply@localhost>',
  },
  {
    env: 'MAIL_DIR',
    key: 'mailDir',
    kind: 'string',
    help: 'Where mails are written as .eml files when SMTP_URL is not set.',
    fallback: 'LEDE_DATA_DIR/mail',
  },
  {
    env: 'ADMIN_TOKEN',
    key: 'adminToken',
    kind: 'secret',
    help: 'Bearer token for /v1/admin/* and PUT /v1/comments/count; without it those routes do not exist.',
    fallback: '(admin off)',
  },
  {
    env: 'LISTS',
    key: 'lists',
    kind: 'list',
    help: 'Comma-separated list names a signup may name; empty accepts any list name.',
    fallback: '(any)',
  },
  {
    env: 'RATE_LIMIT_SIGNUPS',
    key: 'rateLimitSignups',
    kind: 'int',
    help: 'Signups per client per minute before 429.',
    fallback: '10',
  },
  {
    env: 'RATE_LIMIT_VOTES',
    key: 'rateLimitVotes',
    kind: 'int',
    help: 'Votes per client per minute before 429.',
    fallback: '120',
  },
  {
    env: 'VOTE_CAP_PER_ARTICLE',
    key: 'voteCapPerArticle',
    kind: 'int',
    help: 'Distinct reader ids one client may add to one article in a day.',
    fallback: '30',
  },
  {
    env: 'TRUST_PROXY',
    key: 'trustProxy',
    kind: 'bool',
    help: '1 to take the client address from the last X-Forwarded-For entry (behind your proxy).',
    fallback: '0',
  },
  {
    env: 'SQLITE_SYNCHRONOUS',
    key: 'sqliteSynchronous',
    kind: 'string',
    help: 'NORMAL: a commit survives a process crash (kill -9); FULL: also a power cut, at one disk flush per write.',
    fallback: 'NORMAL',
  },
  { env: 'LOG_LEVEL', key: 'logLevel', kind: 'string', help: 'info or silent.', fallback: 'info' },
  {
    env: 'COMMENT_SOURCE',
    key: 'commentSource',
    kind: 'string',
    help: `Where comment counts come from: ${SOURCE_NAMES.join(', ')} (see docs/server-comment-counts.md).`,
    fallback: 'push',
  },
  {
    env: 'COMMENT_SOURCE_URL',
    key: 'commentSourceUrl',
    kind: 'string',
    help: 'Base URL of the comment system (Remark42, Isso, Discourse, Coral server; GitHub GraphQL or Hyvor API).',
    fallback: '(giscus: GitHub, hyvor: talk.hyvor.com)',
  },
  {
    env: 'COMMENT_SOURCE_TOKEN',
    key: 'commentSourceToken',
    kind: 'secret',
    help: 'Its API key or token: Discourse Api-Key, Coral access token, GitHub token, Hyvor data API key.',
    fallback: '(none)',
  },
  {
    env: 'COMMENT_SOURCE_SITE',
    key: 'commentSourceSite',
    kind: 'string',
    help: 'Remark42 site id, giscus repository (owner/name) or Hyvor Talk website id.',
    fallback: '(remark42: remark)',
  },
  {
    env: 'COMMENT_SOURCE_USER',
    key: 'commentSourceUser',
    kind: 'string',
    help: 'Discourse Api-Username the API key acts as.',
    fallback: '(none)',
  },
  {
    env: 'COMMENT_SOURCE_CATEGORY',
    key: 'commentSourceCategory',
    kind: 'string',
    help: 'giscus discussion category (as in its data-category), to search only there.',
    fallback: '(any)',
  },
  {
    env: 'COMMENT_SOURCE_MAP',
    key: 'commentSourceMap',
    kind: 'string',
    help: 'What the source knows an article by: {id} is the articleId ({encodedId} percent-encoded), e.g. https://news.example/{id}.',
    fallback: '{id}',
  },
  {
    env: 'COMMENT_SOURCE_TIMEOUT_MS',
    key: 'commentSourceTimeoutMs',
    kind: 'int',
    help: 'How long a count request waits for the comment system before answering the last known count.',
    fallback: '3000',
  },
  {
    env: 'COMMENT_CACHE_SECONDS',
    key: 'commentCacheSeconds',
    kind: 'int',
    help: 'How long a fetched count is answered from the database before the comment system is asked again.',
    fallback: '60',
  },
  {
    env: 'FORWARDERS',
    key: 'forwarders',
    kind: 'json',
    help: 'Email services that get confirmed subscribers, per list: a JSON array ([{"service":"buttondown","apiKey":"env:BD_KEY","lists":["weekly"]}]) or weekly=buttondown:KEY,… (docs/server-forwarding.md).',
    fallback: '(none)',
  },
  {
    env: 'FORWARD_TIMEOUT_MS',
    key: 'forwardTimeoutMs',
    kind: 'int',
    help: 'How long a request to an email service may take before it counts as failed and is retried.',
    fallback: '10000',
  },
  {
    env: 'FORWARD_RETRY_BASE_MS',
    key: 'forwardRetryBaseMs',
    kind: 'int',
    help: 'First wait before a forward is retried; it doubles each attempt (with jitter, at most 6 h, at least Retry-After).',
    fallback: '30000',
  },
  {
    env: 'FORWARD_MAX_ATTEMPTS',
    key: 'forwardMaxAttempts',
    kind: 'int',
    help: 'Attempts before a forward that keeps meeting 5xx, 429 or network errors stops as failed.',
    fallback: '15',
  },
  {
    env: 'FORWARD_KEEP_DAYS',
    key: 'forwardKeepDays',
    kind: 'int',
    help: 'Days a finished forward is listed in the admin before it is deleted (failed ones stay until retried).',
    fallback: '30',
  },
];

/** The config file may group the comment source settings: `"commentSource": { "name", "url", "token", ... }`. */
const COMMENT_SOURCE_FIELDS: Record<string, string> = {
  name: 'COMMENT_SOURCE',
  url: 'COMMENT_SOURCE_URL',
  token: 'COMMENT_SOURCE_TOKEN',
  site: 'COMMENT_SOURCE_SITE',
  user: 'COMMENT_SOURCE_USER',
  category: 'COMMENT_SOURCE_CATEGORY',
  map: 'COMMENT_SOURCE_MAP',
  timeoutMs: 'COMMENT_SOURCE_TIMEOUT_MS',
  cacheSeconds: 'COMMENT_CACHE_SECONDS',
};

function expandCommentSource(file: Record<string, unknown>): Record<string, unknown> {
  const group = file.commentSource;
  if (group === undefined || typeof group === 'string') return file;
  if (!group || typeof group !== 'object' || Array.isArray(group))
    throw new ConfigError('commentSource in the config file must be an object ({ "name": "remark42", ... }).');
  const out: Record<string, unknown> = { ...file };
  delete out.commentSource;
  for (const [field, value] of Object.entries(group)) {
    const env = COMMENT_SOURCE_FIELDS[field];
    if (!env)
      throw new ConfigError(
        `commentSource.${field} is not a setting (${Object.keys(COMMENT_SOURCE_FIELDS).join(', ')}).`,
      );
    out[env] = value;
  }
  return out;
}

interface CommentSourceConfig {
  commentSource: SourceName;
  commentSourceUrl: string | undefined;
  commentSourceSite: string | undefined;
  commentSourceMap: string;
}

/** Checks the comment source settings at start, so a typo is an error now and not a silent 0 on every page. */
function commentSourceConfig(values: Record<string, unknown>): CommentSourceConfig {
  const name = String(values.commentSource ?? 'push').toLowerCase() as SourceName;
  if (!SOURCE_NAMES.includes(name))
    throw new ConfigError(`COMMENT_SOURCE is one of ${SOURCE_NAMES.join(', ')}, not ${String(values.commentSource)}.`);
  const map = (values.commentSourceMap as string | undefined) ?? '{id}';
  if (!map.includes('{id}') && !map.includes('{encodedId}'))
    throw new ConfigError('COMMENT_SOURCE_MAP must contain {id} (or {encodedId}), e.g. https://news.example/{id}.');
  const site = values.commentSourceSite as string | undefined;
  if (name === 'push')
    return { commentSource: name, commentSourceUrl: undefined, commentSourceSite: site, commentSourceMap: map };
  const url = ((values.commentSourceUrl as string | undefined) ?? DEFAULT_URLS[name])?.replace(/\/+$/, '');
  if (!url) throw new ConfigError(`COMMENT_SOURCE_URL is required for ${name}: the address of your ${name} server.`);
  if (!normaliseOrigin(url)) throw new ConfigError('COMMENT_SOURCE_URL must be an http(s) URL.');
  const need = (setting: string, ok: boolean, what: string) => {
    if (!ok) throw new ConfigError(`${setting} is required for ${name}: ${what}.`);
  };
  const token = values.commentSourceToken as string | undefined;
  if (name === 'discourse') {
    need('COMMENT_SOURCE_TOKEN', !!token, 'a Discourse API key');
    need('COMMENT_SOURCE_USER', !!values.commentSourceUser, 'the Api-Username the key acts as');
  }
  if (name === 'coral') need('COMMENT_SOURCE_TOKEN', !!token, 'a Coral access token');
  if (name === 'giscus') {
    need('COMMENT_SOURCE_TOKEN', !!token, 'a GitHub token that can read the discussions');
    need('COMMENT_SOURCE_SITE', /^[\w.-]+\/[\w.-]+$/.test(site ?? ''), 'the repository as owner/name');
  }
  if (name === 'hyvor') need('COMMENT_SOURCE_SITE', /^\d+$/.test(site ?? ''), 'the Hyvor Talk website id (a number)');
  return { commentSource: name, commentSourceUrl: url, commentSourceSite: site, commentSourceMap: map };
}

export class ConfigError extends Error {}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Values that win over the environment and the file (programmatic use, tests). */
  overrides?: Partial<Config>;
}

export const CONFIG_FILE = 'lede-server.config.json';

function readConfigFile(cwd: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = resolve(cwd, env.LEDE_CONFIG ?? CONFIG_FILE);
  if (!existsSync(path)) {
    if (env.LEDE_CONFIG) throw new ConfigError(`LEDE_CONFIG names ${path}, which does not exist.`);
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${path} is not a JSON object: ${(error as Error).message}`);
  }
}

function parseValue(setting: Setting, raw: unknown): unknown {
  const where = setting.env;
  switch (setting.kind) {
    case 'int': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(n) || n < 0)
        throw new ConfigError(`${where} must be a whole number ≥ 0, not ${String(raw)}.`);
      return n;
    }
    case 'list':
      if (Array.isArray(raw)) return raw.map((v) => String(v).trim()).filter(Boolean);
      return String(raw)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    case 'bool':
      return raw === true || /^(1|true|yes|on)$/i.test(String(raw));
    case 'json':
      return raw;
    default:
      return String(raw);
  }
}

/** Normalised origin (`scheme://host[:port]`, default port dropped) or undefined when it is not one. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = expandCommentSource(readConfigFile(cwd, env));
  const values: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    // An empty variable counts as unset, so the file (or the default) still applies.
    const fromEnv = env[setting.env] === '' ? undefined : env[setting.env];
    const raw = fromEnv ?? file[setting.env] ?? file[setting.key];
    if (raw !== undefined && raw !== '') values[setting.key] = parseValue(setting, raw);
  }
  Object.assign(values, options.overrides ?? {});

  const port = (values.port as number | undefined) ?? 8787;
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const dataDir = resolve(cwd, (values.dataDir as string | undefined) ?? './lede-data');
  // Without PUBLIC_URL: the listening address (known only after listening when PORT=0; startServer fills it in).
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const publicUrl = (
    (values.publicUrl as string | undefined) ?? (port === 0 ? '' : `http://${bracketed}:${port}`)
  ).replace(/\/+$/, '');
  if (publicUrl !== '' && !normaliseOrigin(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be an http(s) URL, not ${publicUrl}.`);
  const allowedOrigins = ((values.allowedOrigins as string[] | undefined) ?? []).map((origin) => {
    const normal = normaliseOrigin(origin);
    if (!normal) throw new ConfigError(`ALLOWED_ORIGINS: ${origin} is not an http(s) origin.`);
    return normal;
  });
  // NORMAL in WAL mode: every commit is in the WAL before the answer, so a killed process loses nothing; only a power
  // cut can lose the last commits (never corrupt). FULL flushes the disk on every commit: on this project's 2-core
  // machines that is 200 votes/s instead of 2,800 (see server/README.md).
  const synchronous = String(values.sqliteSynchronous ?? 'NORMAL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL')
    throw new ConfigError('SQLITE_SYNCHRONOUS is FULL or NORMAL.');
  const logLevel = String(values.logLevel ?? 'info');
  if (logLevel !== 'info' && logLevel !== 'silent') throw new ConfigError('LOG_LEVEL is info or silent.');
  const databaseUrl = values.databaseUrl as string | undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for the embedded database).');
  }
  const timeoutMs = (values.commentSourceTimeoutMs as number | undefined) ?? 3000;
  if (timeoutMs < 1) throw new ConfigError('COMMENT_SOURCE_TIMEOUT_MS must be at least 1.');

  let forwarders: ForwarderConfig[];
  try {
    forwarders = options.overrides?.forwarders ?? parseForwarders(values.forwarders, env);
  } catch (error) {
    if (error instanceof ForwardingConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const lists = (values.lists as string[] | undefined) ?? [];
  for (const forwarder of forwarders) {
    const unknown = forwarder.lists.find((list) => lists.length > 0 && !lists.includes(list));
    if (unknown !== undefined)
      throw new ConfigError(`FORWARDERS: ${forwarder.name} names the list "${unknown}", which is not in LISTS.`);
  }
  const forwardMaxAttempts = (values.forwardMaxAttempts as number | undefined) ?? 15;
  if (forwardMaxAttempts < 1) throw new ConfigError('FORWARD_MAX_ATTEMPTS must be at least 1.');
  const forwardTimeoutMs = (values.forwardTimeoutMs as number | undefined) ?? 10_000;
  if (forwardTimeoutMs < 1) throw new ConfigError('FORWARD_TIMEOUT_MS must be at least 1.');

  return {
    port,
    host,
    dataDir,
    databaseUrl: databaseUrl || undefined,
    publicUrl,
    allowedOrigins,
    smtpUrl: (values.smtpUrl as string | undefined) || undefined,
    mailFrom: (values.mailFrom as string | undefined) ?? 'lede-server <no-reply@localhost>',
    mailDir: resolve(cwd, (values.mailDir as string | undefined) ?? resolve(dataDir, 'mail')),
    adminToken: (values.adminToken as string | undefined) || undefined,
    lists: (values.lists as string[] | undefined) ?? [],
    rateLimitSignups: (values.rateLimitSignups as number | undefined) ?? 10,
    rateLimitVotes: (values.rateLimitVotes as number | undefined) ?? 120,
    voteCapPerArticle: (values.voteCapPerArticle as number | undefined) ?? 30,
    trustProxy: (values.trustProxy as boolean | undefined) ?? false,
    sqliteSynchronous: synchronous,
    logLevel,
    ...commentSourceConfig(values),
    commentSourceToken: (values.commentSourceToken as string | undefined) || undefined,
    commentSourceUser: (values.commentSourceUser as string | undefined) || undefined,
    commentSourceCategory: (values.commentSourceCategory as string | undefined) || undefined,
    commentSourceTimeoutMs: timeoutMs,
    commentCacheSeconds: (values.commentCacheSeconds as number | undefined) ?? 60,
    forwarders,
    forwardTimeoutMs,
    forwardRetryBaseMs: (values.forwardRetryBaseMs as number | undefined) ?? 30_000,
    forwardMaxAttempts,
    forwardKeepDays: (values.forwardKeepDays as number | undefined) ?? 30,
  };
}

export function helpText(): string {
  const rows = SETTINGS.map((s) => `  ${s.env.padEnd(22)} ${s.help}\n  ${''.padEnd(22)} default: ${s.fallback}`);
  return [
    'Usage: lede-server [--help] [--version]',
    '',
    'Starts the Lede endpoint: newsletter signups (double opt-in), scenario votes, comment counts.',
    `Settings come from the environment, or from ${CONFIG_FILE} in the current folder`,
    '(keys as below, e.g. { "ALLOWED_ORIGINS": "https://news.example" }); LEDE_CONFIG names another file.',
    '',
    ...rows,
    '',
  ].join('\n');
}
