// Reads the chunk map that the build wrote into dist/lede.js (scripts/loader-chunks.mjs): which
// files a page with given elements downloads through the loader. Used by the size check and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readLoaderMap(loader = 'dist/lede.js') {
  const code = readFileSync(loader, 'utf8');
  const json = code.match(/\{"dir":"[^"]*","chunks":\[[^\]]*\],"elements":\{[^}]*\},"sanitizer":\d+\}/)?.[0];
  if (!json) throw new Error(`${loader} has no chunk map: is it the loader build (npm run build)?`);
  const map = JSON.parse(json);
  const dir = join(loader, '..', map.dir);
  const path = (name) => join(dir, `${name}.js`);
  return {
    loader,
    dir,
    map,
    /** The files a page with these elements (`key-points`…) downloads: the loader first. */
    filesFor(elements, sanitizer = false) {
      const files = new Set([loader]);
      for (const name of elements) {
        files.add(path(name));
        for (const index of map.elements[`lede-${name}`] ?? []) files.add(path(map.chunks[index]));
      }
      if (sanitizer) files.add(path(map.chunks[map.sanitizer]));
      return [...files];
    },
  };
}
