import { SERVICES } from './services/index.js';
import type { ForwarderConfig } from './types.js';

export class ForwardingConfigError extends Error {}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RESERVED = new Set(['name', 'service', 'list', 'lists']);

/** `env:NAME` reads the secret from the environment, so the config file need not hold it. */
function resolveValue(value: unknown, where: string, env: NodeJS.ProcessEnv): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    throw new ForwardingConfigError(`${where} must be a string.`);
  const text = String(value);
  const ref = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(text);
  if (!ref) return text;
  const found = env[ref[1]!];
  if (found === undefined || found === '')
    throw new ForwardingConfigError(`${where} names the environment variable ${ref[1]}, which is not set.`);
  return found;
}

/** `[list=]service:apiKey[?option=value&…]`, comma-separated: the short form for an environment variable. */
function parseShortForm(text: string): Record<string, unknown>[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(?:([^=:?]+)=)?([a-z]+):([^?]*)(?:\?(.*))?$/.exec(part);
      if (!match)
        throw new ForwardingConfigError(
          `FORWARDERS: "${part.split(':')[0]}…" is not service:apiKey[?option=value] (or a JSON array).`,
        );
      const [, list, service, apiKey, query] = match;
      const entry: Record<string, unknown> = { service };
      if (list) entry.lists = [list.trim()];
      if (apiKey) entry[service === 'webhook' ? 'secret' : 'apiKey'] = apiKey;
      for (const [key, value] of new URLSearchParams(query ?? '')) entry[key] = value;
      return entry;
    });
}

/**
 * The FORWARDERS setting: a JSON array of `{ "service", "lists"?, "name"?, …options }` (in the config file, or as
 * JSON in the environment), or the short form. Every problem is a clear error at start, never at the first signup.
 */
export function parseForwarders(raw: unknown, env: NodeJS.ProcessEnv = process.env): ForwarderConfig[] {
  if (raw === undefined || raw === null || raw === '') return [];
  let entries: unknown;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text.startsWith('[') || text.startsWith('{')) {
      try {
        entries = JSON.parse(text);
      } catch (error) {
        throw new ForwardingConfigError(`FORWARDERS is not valid JSON: ${(error as Error).message}`);
      }
    } else {
      entries = parseShortForm(text);
    }
  } else {
    entries = raw;
  }
  if (!Array.isArray(entries)) entries = [entries];
  const forwarders: ForwarderConfig[] = [];
  (entries as unknown[]).forEach((entry, index) => {
    const where = `FORWARDERS[${index}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      throw new ForwardingConfigError(`${where} must be an object with a "service".`);
    const fields = entry as Record<string, unknown>;
    const service = String(fields.service ?? '');
    const definition = SERVICES.get(service);
    if (!definition)
      throw new ForwardingConfigError(
        `${where}: service must be one of ${[...SERVICES.keys()].join(', ')}, not "${service}".`,
      );
    const name = fields.name === undefined ? service : String(fields.name);
    if (!NAME.test(name))
      throw new ForwardingConfigError(`${where}: name must be letters, digits, ".", "_" or "-" (at most 64).`);
    if (forwarders.some((f) => f.name === name))
      throw new ForwardingConfigError(
        `${where}: two forwarders are named "${name}"; give each a distinct "name" (jobs are kept under it).`,
      );
    const rawLists = fields.lists ?? fields.list;
    const lists = (Array.isArray(rawLists) ? rawLists : rawLists === undefined ? [] : String(rawLists).split(','))
      .map((l) => String(l).trim())
      .filter((l) => l !== '' && l !== '*');
    const options: Record<string, string> = {};
    const known = new Set([...definition.required, ...(definition.optional ?? []), 'baseUrl']);
    for (const [key, value] of Object.entries(fields)) {
      if (RESERVED.has(key)) continue;
      if (!known.has(key))
        throw new ForwardingConfigError(
          `${where} (${service}): unknown option "${key}"; it takes ${[...known].join(', ')}.`,
        );
      options[key] = resolveValue(value, `${where}.${key}`, env);
    }
    for (const key of definition.required) {
      if (!options[key]) throw new ForwardingConfigError(`${where} (${service}) needs "${key}".`);
    }
    if (options.baseUrl && !/^https?:\/\//.test(options.baseUrl))
      throw new ForwardingConfigError(`${where}.baseUrl must be an http(s) URL.`);
    try {
      definition.create(options);
    } catch (error) {
      throw new ForwardingConfigError(`${where} (${service}): ${(error as Error).message}.`);
    }
    forwarders.push({ name, service, lists, options });
  });
  return forwarders;
}

/** The forwarders that receive a list's subscribers. */
export function forwardersFor(forwarders: readonly ForwarderConfig[], list: string): ForwarderConfig[] {
  return forwarders.filter((f) => f.lists.length === 0 || f.lists.includes(list));
}

/** The secrets of the configured forwarders: removed from anything logged or stored as an error. */
export function secretsOf(forwarders: readonly ForwarderConfig[]): string[] {
  const out: string[] = [];
  for (const f of forwarders) {
    for (const key of SERVICES.get(f.service)?.secrets ?? []) {
      const value = f.options[key];
      if (value) out.push(value, ...value.split(':').filter((part) => part.length >= 8));
    }
  }
  return out;
}
