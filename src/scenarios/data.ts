import { describeValue } from '../core/errors.js';
import type { Problem } from '../core/data-source.js';
import { bare, isRecord, own } from '../core/own.js';
import type { LeadInItem } from '../core/list-parser.js';

/** One scenario: a stable id (what a vote names), a title and a summary, all plain text. */
export interface Scenario {
  id: string;
  title: string;
  summary: string;
}

export type { Problem } from '../core/data-source.js';

/** A URL- and id-safe slug of a title: "Rival hubs!" → "rival-hubs". */
export const slug = (title: string): string =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'scenario';

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** The most scenarios an element shows (the schema's `maxItems`); the rest are reported and left out. */
export const MAX_SCENARIOS = 100;

/** Leaves out what is past `MAX_SCENARIOS`, with a problem that says so. */
function bounded<T>(items: T[], field: string, problems: Problem[]): T[] {
  if (items.length <= MAX_SCENARIOS) return items;
  problems.push({ field, problem: `has ${items.length} scenarios; only the first ${MAX_SCENARIOS} are shown` });
  return items.slice(0, MAX_SCENARIOS);
}

/**
 * Keeps the valid scenarios of an untrusted value and names every invalid one by its path
 * (`scenarios[2].title`). A missing id is derived from the title; a repeated id is skipped.
 * Reads own properties only, in time linear in the number of scenarios (at most `MAX_SCENARIOS`).
 */
export function validateScenarios(value: unknown, field: string, problems: Problem[]): Scenario[] {
  if (!Array.isArray(value)) {
    problems.push({ field, problem: `must be an array of { id, title, summary }, not ${describeValue(value)}` });
    return [];
  }
  const scenarios: Scenario[] = [];
  const ids = new Set<string>();
  bounded(value, field, problems).forEach((item: unknown, index) => {
    const path = `${field}[${index}]`;
    const fail = (key: string, what: unknown) =>
      problems.push({
        field: path + key,
        problem: `must be ${key ? 'a non-empty string' : 'an object'}, not ${describeValue(what)}; the scenario was skipped`,
      });
    if (!isRecord(item)) return fail('', item);
    const title = str(own(item, 'title'));
    const summary = str(own(item, 'summary'));
    if (!title) return fail('.title', own(item, 'title'));
    if (!summary) return fail('.summary', own(item, 'summary'));
    const id = own(item, 'id') === undefined ? slug(title) : str(own(item, 'id'));
    if (!id) return fail('.id', own(item, 'id'));
    if (ids.has(id)) {
      problems.push({
        field: `${path}.id`,
        problem: `"${id}" is already used by another scenario; the scenario was skipped`,
      });
      return;
    }
    ids.add(id);
    scenarios.push({ id, title, summary });
  });
  return scenarios;
}

/** Scenarios from a lead-in list: the lead-in is the title, the rest the summary, ids are unique slugs. */
export function scenariosFromList(items: LeadInItem[], problems: Problem[]): Scenario[] {
  const scenarios: Scenario[] = [];
  const ids = new Set<string>();
  bounded(items, 'children', problems).forEach(({ title, text }, index) => {
    if (!title) {
      problems.push({
        field: 'children',
        problem: `list item ${index + 1} has no <strong>Title:</strong> lead-in and was skipped`,
      });
      return;
    }
    const base = slug(title);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    scenarios.push({ id, title, summary: text });
  });
  return scenarios;
}

/**
 * The `{ counts }` of a votes answer, keeping only whole numbers from 0 to 2^53 − 1 (`1e308` is no
 * count), in an object without a prototype: a scenario with the id `constructor` has no count.
 */
export function readCounts(data: unknown): Record<string, number> | undefined {
  const counts = own(data, 'counts');
  if (!isRecord(counts)) return undefined;
  return bare<Record<string, number>>(
    Object.entries(counts).filter(([, n]) => Number.isSafeInteger(n) && (n as number) >= 0),
  );
}

/** The count of one scenario: its own entry in `counts` (never an inherited property), else 0. */
export const countOf = (counts: Record<string, number>, id: string): number => {
  const n = own(counts, id);
  return Number.isSafeInteger(n) && (n as number) >= 0 ? (n as number) : 0;
};
