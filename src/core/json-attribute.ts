export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses JSON from an attribute without throwing. */
export function parseJsonAttribute(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
  }
}
