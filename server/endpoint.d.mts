import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LedeEndpointSession {
  votes: Record<string, Record<string, number>>;
  comments: Record<string, number>;
  subscribers: { email: string; name?: string; consent?: unknown; list?: string; source?: string; key?: string }[];
}

export function createLedeEndpoint(options?: {
  prefix?: string;
  seed?: (session: LedeEndpointSession) => void;
}): (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;
