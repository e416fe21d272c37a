export type ForwardAction = 'subscribe' | 'unsubscribe' | 'erase';

/** What a service may receive besides the address: what the reader gave and agreed to. */
export interface ForwardPayload {
  name: string | null;
  lang: string | null;
  source: string | null;
  consentText: string | null;
  consentAt: number | null;
  confirmedAt: number | null;
}

export interface ForwardJob extends ForwardPayload {
  id: string;
  action: ForwardAction;
  list: string;
  email: string;
}

/** One configured forwarder: a service, its options (API key, list id, base URL...) and the lists it serves. */
export interface ForwarderConfig {
  name: string;
  service: string;
  /** Lede list names this forwarder receives; empty means every list. */
  lists: string[];
  options: Record<string, string>;
}

/** A service adapter: sends one job, throws ForwardError (retry or fail) when the service did not take it. */
export interface Adapter {
  run(job: ForwardJob, http: HttpClient): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface HttpClient {
  request(method: string, url: string, init?: { headers?: Record<string, string>; body?: unknown }): Promise<Reply>;
}

/** A service's definition: its name, the document its requests follow, and how to build it from options. */
export interface ServiceDefinition {
  service: string;
  /** Options the configuration must give (apiKey, listId...); `baseUrl` is always optional. */
  required: readonly string[];
  optional?: readonly string[];
  /** Option names that hold secrets: never logged, never answered. */
  secrets: readonly string[];
  create(options: Record<string, string>): Adapter;
}
