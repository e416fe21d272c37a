import { newIdempotencyKey } from '../core/delivery.js';
import { remember } from '../core/remember.js';

/** Where the reader id is kept: one per origin, shared by every article and every `<lede-scenarios>`. */
export const READER_ID_KEY = 'lede-reader-id';

const WELL_FORMED = /^[\w-]{16,64}$/;

/** For a browser that blocks storage: one id for this page view. */
let unstored: string | undefined;

/**
 * The reader's vote id: random (never derived from anything about the reader), made once and kept
 * in localStorage beside the votes, so the endpoint counts one vote per reader and article. A
 * missing or malformed stored value is replaced.
 */
export function readerId(): string {
  const stored = remember(READER_ID_KEY);
  if (stored && WELL_FORMED.test(stored)) return stored;
  const id = (unstored ??= newIdempotencyKey());
  remember(READER_ID_KEY, id);
  return id;
}
