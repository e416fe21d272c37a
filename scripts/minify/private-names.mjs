// Lede's private custom properties (`--_lede-accent`, `--_lede-key-points-gap`…) are set and read
// only inside Lede's own styles, so the build gives them short names: `--_0`, `--_1`… The names are
// numbered in sorted order over every source file, so every build of the same source (and every
// chunk of one build) agrees on them.

export const PRIVATE_PROPERTY = /--_lede-[\w-]+/g;

/** Numbers every private custom property in the given sources: name -> short name. */
export function numberPrivateProperties(sources) {
  const found = new Set(sources.flatMap((source) => source.match(PRIVATE_PROPERTY) ?? []));
  return new Map([...found].sort().map((name, index) => [name, `--_${index}`]));
}

/** Numbers every private custom property of the `.ts` files under `dir`. */
export async function privatePropertyNames(dir = 'src') {
  const { readdirSync, readFileSync } = await import('node:fs');
  const files = readdirSync(dir, { recursive: true }).filter((file) => `${file}`.endsWith('.ts'));
  return numberPrivateProperties(files.map((file) => readFileSync(`${dir}/${file}`, 'utf8')));
}

/** Replaces each private custom property that has a short name. */
export const renamePrivateProperties = (text, names) =>
  text.replace(PRIVATE_PROPERTY, (name) => names.get(name) ?? name);
