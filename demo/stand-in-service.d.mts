import type { Plugin } from 'vite';

export function startStandInService(options?: {
  port?: number;
  host?: string;
  name?: string;
}): Promise<{ url: string; close(): Promise<void> }>;

export function standInServiceVitePlugin(options?: { port?: number }): Plugin;
