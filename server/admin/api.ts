/** A refused or failed admin request, with a message the publisher can act on. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const WRONG_TOKEN =
  'The server refused this token: it is not the ADMIN_TOKEN this lede-server was started with. Check it and try again.';

/**
 * The dashboard's requests: to this server only (paths relative to /admin/, so a server mounted under a prefix works),
 * the token in the Authorization header only, never in a URL or a cookie.
 */
export class AdminApi {
  constructor(
    private readonly token: string,
    private readonly onRefused: () => void = () => {},
  ) {}

  url(path: string): string {
    return new URL(`../${path.replace(/^\//, '')}`, document.baseURI).href;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${this.token}` },
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new AdminError(0, 'The server does not answer. Is lede-server running?');
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    const message = typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
    if (response.status === 401) {
      this.onRefused();
      throw new AdminError(401, WRONG_TOKEN);
    }
    throw new AdminError(response.status, message);
  }

  async get<T>(path: string): Promise<T> {
    return (await (await this.fetch(path)).json()) as T;
  }

  async send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    return (await (await this.fetch(path, init)).json()) as T;
  }
}

/** A route another part of lede-server provides may be missing on this version: 404 means "not here yet". */
export const isMissing = (error: unknown) => error instanceof AdminError && error.status === 404;
