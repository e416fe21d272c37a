import { ForwardError } from './errors.js';
import type { HttpClient, Reply } from './types.js';

const USER_AGENT = 'lede-server (forwarding)';

/**
 * Requests with a deadline: a service that does not answer within `timeoutMs` (headers and body) is a retryable
 * failure, as is any network error. JSON bodies are sent as JSON; answers are read as text and parsed when JSON.
 */
export function httpClient(timeoutMs: number): HttpClient {
  return {
    async request(method, url, init = {}) {
      const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: 'application/json', ...init.headers };
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetch(url, { method, headers, body, signal, redirect: 'error' });
        const text = await response.text();
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        return { status: response.status, headers: response.headers, text, json } satisfies Reply;
      } catch (error) {
        if (signal.aborted) throw new ForwardError(`no answer within ${timeoutMs} ms`, true);
        const cause = (error as Error & { cause?: Error }).cause;
        throw new ForwardError(`network error: ${cause?.message ?? (error as Error).message}`, true);
      }
    },
  };
}

/** A base URL without its trailing slash, from the options (`baseUrl`) or the service's default. */
export function baseUrl(options: Record<string, string>, fallback: string): string {
  return (options.baseUrl ?? fallback).replace(/\/+$/, '');
}
