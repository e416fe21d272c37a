import type { Plugin } from 'vite';
export function loaderChunks(options: {
  loader: string;
  dir: string;
  elements: Record<string, string>;
  sanitizer: RegExp;
}): Plugin;
/** The loader build's shared chunks (rolldown `output.codeSplitting.groups`). */
export const loaderChunkGroups: {
  name: string;
  test: RegExp | ((id: string) => boolean);
  minShareCount?: number;
  priority?: number;
}[];
