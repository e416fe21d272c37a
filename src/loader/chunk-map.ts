/** Where the loader finds each element's chunk, written by the build (scripts/loader-chunks.mjs). */
export interface ChunkMap {
  /** The chunks' directory, relative to the loader, with a trailing slash (`./lede/`). */
  dir: string;
  /** The shared chunks' names (a chunk is `<dir><name>.js`). */
  chunks: string[];
  /** Per tag (whose chunk is `<dir><tag without lede->.js`): the shared chunks it imports, preloaded with it. */
  elements: Record<string, number[]>;
  /** The chunk with DOMPurify, which the sanitizer imports on first use. */
  sanitizer: number;
}

// The build writes the map in place of this global name, which no minifier can fold or rename.
declare const __LEDE_CHUNK_MAP__: ChunkMap;
export const chunkMap = __LEDE_CHUNK_MAP__;
