import type { LedeEndpointSession } from '../server/endpoint.mjs';
export function seedDemo(session: LedeEndpointSession): void;
