import { reportError } from './errors.js';
import type { LedeErrorCode } from './events.js';
import { parseJsonAttribute } from './json-attribute.js';
import { options } from './own.js';
import { baseUrl } from './page.js';

/** Why `src` could not be shown: the error code, the field at fault, and the problem. */
export class SourceError extends Error {
  constructor(
    readonly code: LedeErrorCode,
    message: string,
    readonly field = 'src',
  ) {
    super(message);
  }
}

/**
 * GETs `src` (relative to the page): its content type and text. Throws a `SourceError` when it
 * cannot be fetched or answers an HTTP error, and the abort itself when `signal` aborts.
 */
export async function fetchSource(
  src: string,
  signal: AbortSignal,
  headers?: HeadersInit,
): Promise<{ type: string; text: string }> {
  // Options in an object without a prototype, and explicit: a polluted `Object.prototype.credentials` changes nothing.
  const init = options<RequestInit>({
    signal,
    headers: headers ?? {},
    credentials: 'same-origin',
    mode: 'cors',
    redirect: 'follow',
  });
  const response = await fetch(new URL(src, baseUrl()), init).catch((error: Error) => {
    throw signal.aborted ? error : new SourceError('network', `could not be fetched (${error.message})`);
  });
  if (!response.ok) throw new SourceError('http', `answered HTTP ${response.status}`);
  return { type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** The JSON value of a fetched text; a `SourceError` when it is not JSON. */
export function parseSourceJson(text: string): unknown {
  const parsed = parseJsonAttribute(text);
  if (!parsed.ok) throw new SourceError('invalid-json', parsed.problem);
  return parsed.value;
}

/** Reports why `src` could not be shown: a `SourceError` as it is, anything else as a network failure. */
export function reportSourceError(element: HTMLElement, error: unknown): void {
  const { code, message, field } = error instanceof SourceError ? error : new SourceError('network', String(error));
  reportError(element, code, field, message);
}
