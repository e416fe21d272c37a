import { describeValue } from '../core/errors.js';
import { own } from '../core/own.js';
import type { LeadInItem } from '../core/list-parser.js';

/** One key point: an optional bold lead-in and its text, both plain text. */
export type KeyPoint = LeadInItem;

export interface ValidatedPoints {
  points: KeyPoint[];
  problems: { field: string; problem: string }[];
}

/** Keeps the valid points of an untrusted value and names every invalid one by its path. */
export function validatePoints(value: unknown, field: string): ValidatedPoints {
  if (!Array.isArray(value))
    return {
      points: [],
      problems: [{ field, problem: `must be an array of { title?, text }, not ${describeValue(value)}` }],
    };
  const result: ValidatedPoints = { points: [], problems: [] };
  value.forEach((item: unknown, index) => {
    const path = `${field}[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      result.problems.push({ field: path, problem: `must be an object with a text, not ${describeValue(item)}` });
      return;
    }
    const title = own(item, 'title');
    const text = own(item, 'text');
    if (typeof text !== 'string' || text.trim() === '') {
      result.problems.push({
        field: `${path}.text`,
        problem: `must be a non-empty string, not ${describeValue(text)}; the point was skipped`,
      });
      return;
    }
    if (title !== undefined && typeof title !== 'string') {
      result.problems.push({
        field: `${path}.title`,
        problem: `must be a string, not ${describeValue(title)}; the point is shown without it`,
      });
      result.points.push({ text: text.trim() });
      return;
    }
    result.points.push(title?.trim() ? { title: title.trim(), text: text.trim() } : { text: text.trim() });
  });
  return result;
}
