// For the script-tag loader build (vite.config.ts, mode `loader`): writes into dist/lede.js the map
// of which chunk registers each tag and which chunks that one imports (preloaded together, so
// nothing waits in a chain), and which chunk holds DOMPurify. Paths are relative to the loader.

const PLACEHOLDER = /\b__LEDE_CHUNK_MAP__\b/g;

/**
 * `loader`: the name of the loader's entry; `dir`: where the chunks are (`lede/`), relative to it;
 * `elements`: tag -> the name of the entry that registers it, `<dir><tag without lede->.js`;
 * `sanitizer`: matches the id of the module whose chunk is the sanitizer's.
 */
export function loaderChunks({ loader, dir, elements, sanitizer }) {
  return {
    name: 'lede-loader-chunks',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entry = (name) => {
        const chunk = chunks.find((c) => c.isEntry && c.name === name);
        if (!chunk) throw new Error(`loader-chunks: no entry named ${name}`);
        return chunk;
      };
      const importsOf = (chunk, seen = new Set()) => {
        for (const file of chunk.imports)
          if (!seen.has(file)) {
            seen.add(file);
            importsOf(bundle[file], seen);
          }
        return seen;
      };
      // Compact, since every page downloads it: the shared chunks by name (without the directory and
      // `.js`), and per element (the tag without `lede-`, also its chunk's name) the indexes of the
      // chunks it imports.
      const shared = [];
      const index = (fileName) => {
        const name = fileName.slice(dir.length, -'.js'.length);
        if (!fileName.startsWith(dir) || !fileName.endsWith('.js'))
          throw new Error(`loader-chunks: ${fileName} is not in ${dir}`);
        if (!shared.includes(name)) shared.push(name);
        return shared.indexOf(name);
      };
      const map = { dir: `./${dir}`, chunks: shared, elements: {}, sanitizer: -1 };
      for (const [tag, name] of Object.entries(elements)) {
        const chunk = entry(name);
        if (chunk.fileName !== `${dir}${tag.replace(/^lede-/, '')}.js`)
          throw new Error(`loader-chunks: <${tag}> is registered by ${chunk.fileName}, not where the loader looks`);
        map.elements[tag] = [...importsOf(chunk)].map(index);
      }
      const purify = chunks.find((c) => !c.isEntry && c.moduleIds.some((id) => sanitizer.test(id)));
      if (!purify) throw new Error(`loader-chunks: no chunk holds a module matching ${sanitizer}`);
      map.sanitizer = index(purify.fileName);
      const target = entry(loader);
      const found = target.code.match(PLACEHOLDER)?.length ?? 0;
      if (found !== 1) throw new Error(`loader-chunks: the loader has ${found} chunk map placeholders, not 1`);
      target.code = target.code.replace(PLACEHOLDER, () => JSON.stringify(map));
    },
  };
}

// Each file of the loader build is compressed alone, and a page pays per file: tiny chunks lose
// compression and add requests. So the shared code goes into three chunks, not one per combination
// of elements:
// - `base-element`: Lit and the core that every element (key points too) runs: the base element,
//   theme, strings, errors, define, and the children/list parsing of key points and scenarios.
// - `delivery`: requests and page reads (delivery, URLs, the comment-count batcher, its text and
//   the kept `Intl` formatters),
//   which every element that talks to a server uses; a listing page of comment counts needs no more.
// - `shared`: the rest of the core that two or more elements use (outbox, sources, the sanitizer's
//   glue; not DOMPurify, which stays a chunk of its own).
// A module used by one element only stays in that element's chunk.
const core = (names) => new RegExp(`[\\\\/]src[\\\\/]core[\\\\/](${names.join('|')})\\.ts$`);
const BASE = core([
  'base-element',
  'theme',
  'first-update',
  'strings',
  'locale',
  'errors',
  'events',
  'heading',
  'define',
  'json-attribute',
  'own',
  'children-controller',
  'data-source',
  'list-parser',
]);
const DELIVERY = core(['delivery', 'page', 'url', 'count-batch', 'count', 'intl']);
const LIT = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/;
export const loaderChunkGroups = [
  { name: 'base-element', test: (id) => BASE.test(id) || LIT.test(id), priority: 3 },
  { name: 'delivery', test: DELIVERY, minShareCount: 2, priority: 2 },
  { name: 'shared', test: /[\\/]src[\\/]core[\\/]/, minShareCount: 2, priority: 1 },
];
