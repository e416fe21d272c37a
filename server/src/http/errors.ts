/** An answer decided on purpose: status, a message a reader can read, and extra headers (Retry-After). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function retryAfterSeconds(untilMs: number, now = Date.now()): string {
  return String(Math.max(1, Math.ceil((untilMs - now) / 1000)));
}

export function tooMany(message: string, untilMs: number): HttpError {
  return new HttpError(429, message, { 'Retry-After': retryAfterSeconds(untilMs) });
}
