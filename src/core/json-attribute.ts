import { parseOwnJson } from './own.js';

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses JSON from an attribute without throwing, into objects without a prototype (see own.ts). */
export function parseJsonAttribute(text: string): JsonResult {
  try {
    return { ok: true, value: parseOwnJson(text) };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
  }
}
