import { describeValue } from '../core/errors.js';
import type { Problem } from '../core/data-source.js';
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

/**
 * Keeps the valid scenarios of an untrusted value and names every invalid one by its path
 * (`scenarios[2].title`). A missing id is derived from the title; a repeated id is skipped.
 */
export function validateScenarios(value: unknown, field: string, problems: Problem[]): Scenario[] {
  if (!Array.isArray(value)) {
    problems.push({ field, problem: `must be an array of { id, title, summary }, not ${describeValue(value)}` });
    return [];
  }
  const scenarios: Scenario[] = [];
  value.forEach((item: unknown, index) => {
    const path = `${field}[${index}]`;
    const fail = (key: string, what: unknown) =>
      problems.push({
        field: path + key,
        problem: `must be ${key ? 'a non-empty string' : 'an object'}, not ${describeValue(what)}; the scenario was skipped`,
      });
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail('', item);
    const record = item as Record<string, unknown>;
    const title = str(record.title);
    const summary = str(record.summary);
    if (!title) return fail('.title', record.title);
    if (!summary) return fail('.summary', record.summary);
    const id = record.id === undefined ? slug(title) : str(record.id);
    if (!id) return fail('.id', record.id);
    if (scenarios.some((s) => s.id === id)) {
      problems.push({
        field: `${path}.id`,
        problem: `"${id}" is already used by another scenario; the scenario was skipped`,
      });
      return;
    }
    scenarios.push({ id, title, summary });
  });
  return scenarios;
}

/** Scenarios from a lead-in list: the lead-in is the title, the rest the summary, ids are unique slugs. */
export function scenariosFromList(items: LeadInItem[], problems: Problem[]): Scenario[] {
  const scenarios: Scenario[] = [];
  items.forEach(({ title, text }, index) => {
    if (!title) {
      problems.push({
        field: 'children',
        problem: `list item ${index + 1} has no <strong>Title:</strong> lead-in and was skipped`,
      });
      return;
    }
    const base = slug(title);
    let id = base;
    for (let n = 2; scenarios.some((s) => s.id === id); n++) id = `${base}-${n}`;
    scenarios.push({ id, title, summary: text });
  });
  return scenarios;
}

/** The `{ counts }` of a votes answer, keeping only whole, non-negative numbers. */
export function readCounts(data: unknown): Record<string, number> | undefined {
  const counts = (data as { counts?: unknown } | null)?.counts;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return undefined;
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => Number.isInteger(n) && n >= 0));
}
