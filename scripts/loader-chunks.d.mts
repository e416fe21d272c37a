import type { Plugin } from 'vite';
export function loaderChunks(options: {
  loader: string;
  dir: string;
  elements: Record<string, string>;
  sanitizer: RegExp;
}): Plugin;
