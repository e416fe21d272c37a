import { executeServerCommand } from '@web/test-runner-commands';

/** A fault the local endpoint plays for one request (see server/endpoint.mjs). */
export interface Fault {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay?: number;
  hang?: boolean;
  drop?: boolean;
}

export interface RecordedRequest {
  route: 'signup' | 'votes' | 'count' | 'counts' | 'pages';
  method: string;
  /** The path and query it was sent to. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
  at: number;
  /** The client gave up before the answer (an aborted fetch closes the connection). */
  aborted?: boolean;
}

/** A private corner of the test server's endpoint: its own state, faults and request log. */
export class EndpointSession {
  readonly base: string;

  constructor(readonly name = `t${Math.random().toString(36).slice(2, 10)}`) {
    this.base = `/api/s/${name}`;
  }

  url(route: 'signup' | 'votes' | 'comments/count' | 'comments/counts'): string {
    return `${this.base}/${route}`;
  }

  async fail(route: RecordedRequest['route'], ...faults: Fault[]): Promise<void> {
    await fetch(`${this.base}/__faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route, faults }),
    });
  }

  /** Sets the comment counts that `comments/counts` (and `comments/count`) answer for these articles. */
  async comments(counts: Record<string, number>): Promise<void> {
    await fetch(`${this.base}/__comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ counts }),
    });
  }

  /** Stores a page (an HTML fragment, a Lede document) and returns the URL that answers it. */
  async page(name: string, body: string, contentType = 'text/html; charset=utf-8'): Promise<string> {
    const response = await fetch(`${this.base}/__pages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, body, contentType }),
    });
    if (!response.ok) throw new Error(`could not store the page ${name}: HTTP ${response.status}`);
    return `${this.base}/pages/${encodeURIComponent(name)}`;
  }

  async log(): Promise<{
    requests: RecordedRequest[];
    subscribers: { email: string; key?: string }[];
    votes: Record<string, Record<string, number>>;
  }> {
    return (await fetch(`${this.base}/__log`)).json();
  }

  async requests(route: RecordedRequest['route']): Promise<RecordedRequest[]> {
    return (await this.log()).requests.filter((r) => r.route === route);
  }
}

/**
 * Takes this tab offline through DevTools for `duration` ms: navigator.onLine, the `offline` and
 * `online` events and fetch all follow. Resolves once the tab is offline.
 */
export async function goOffline(duration: number): Promise<void> {
  const offline = new Promise((resolve) => addEventListener('offline', resolve, { once: true }));
  void executeServerCommand('lede-go-offline', { duration });
  await offline;
}

/** Resolves when `check` returns true, polling; rejects after `timeout` ms with `what` in the message. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
