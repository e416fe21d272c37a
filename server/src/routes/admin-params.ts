import { HttpError } from '../http/errors.js';

export const DAY_MS = 86_400_000;

/** A whole number query parameter within [min, max], or its fallback when absent. */
export function intParam(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** `limit` (1–200, default 50) and `offset` (default 0), as the admin lists page. */
export function pageParams(query: (name: string) => string | undefined): { limit: number; offset: number } {
  return {
    limit: intParam(query('limit'), 'limit', 50, 1, 200),
    offset: intParam(query('offset'), 'offset', 0, 0, 10_000_000),
  };
}

/** The last `days` UTC days up to today: their numbers (days since the epoch) and the first one's start in ms. */
export function dayWindow(days: number, now = Date.now()): { first: number; last: number; fromMs: number } {
  const last = Math.floor(now / DAY_MS);
  const first = last - days + 1;
  return { first, last, fromMs: first * DAY_MS };
}

export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every day of the window, oldest first: its number and its ISO date. */
export function windowDays(window: { first: number; last: number }): { n: number; day: string }[] {
  const out: { n: number; day: string }[] = [];
  for (let n = window.first; n <= window.last; n++) out.push({ n, day: isoDay(n) });
  return out;
}
