// Reads custom-elements.json (written by `npm run analyze`) into the list of registered elements
// that the generators (React wrappers, editor data, docs) and the package tests are driven by.
import { existsSync, readFileSync } from 'node:fs';
import { entries } from './entries.mjs';

export const MANIFEST = 'custom-elements.json';

// Fields declared in `static properties` are `privacy: "public"`; getters and plain fields have no privacy.
const isPublic = (member) =>
  (member.privacy ?? 'public') === 'public' &&
  !member.static &&
  !member.name.startsWith('_') &&
  !member.name.startsWith('#');

const byName = (list = []) => [...new Map(list.map((item) => [item.name, item])).values()];

/** 'lede-key-points' -> 'LedeKeyPoints'; 'lede-error' -> 'onLedeError' with prefix 'on'. */
export const pascalCase = (name, prefix = '') =>
  prefix +
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * The base element's `strings` is typed `Partial<S>`, its type parameter: name the element's own
 * `<Name>Strings` type (such as `KeyPointsStrings`) where its module exports one.
 */
function withStringsType(member, className, module) {
  if (!member.type?.text?.includes('Partial<S>')) return member;
  const name = `${className.replace(/^Lede/, '')}Strings`;
  const exported = existsSync(module) && new RegExp(`export type ${name}\\b`).test(readFileSync(module, 'utf8'));
  const text = member.type.text.replace('Partial<S>', exported ? `Partial<${name}>` : 'Record<string, string>');
  return { ...member, type: { ...member.type, text } };
}

/**
 * Every element that a `define(tag, Class)` call registers, sorted by tag: its tag, class, the
 * module that declares the class, the module that registers it, its npm entry (from
 * scripts/entries.mjs) and its public API as the manifest describes it.
 */
export function readElements(path = MANIFEST) {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const declarations = new Map();
  const definitions = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? [])
      declarations.set(`${module.path}#${declaration.name}`, declaration);
    for (const exported of module.exports ?? []) {
      if (exported.kind === 'custom-element-definition')
        definitions.push({ tagName: exported.name, definedIn: module.path, declaration: exported.declaration });
    }
  }
  const entryOf = (modulePath) => Object.keys(entries).find((name) => entries[name] === modulePath);
  return definitions
    .map(({ tagName, definedIn, declaration }) => {
      const module = declaration.module ?? definedIn;
      const klass = declarations.get(`${module}#${declaration.name}`) ?? {};
      const attributes = byName(klass.attributes);
      const properties = byName(
        (klass.members ?? []).filter((member) => member.kind === 'field' && isPublic(member)),
      ).map((member) => withStringsType(member, declaration.name, module));
      const methods = byName((klass.members ?? []).filter((member) => member.kind === 'method' && isPublic(member)));
      return {
        tagName,
        className: declaration.name,
        module,
        definedIn,
        entry: entryOf(definedIn),
        summary: klass.summary ?? '',
        description: klass.description ?? '',
        attributes,
        properties,
        methods,
        events: byName(klass.events),
        slots: byName(klass.slots),
        cssParts: byName(klass.cssParts),
        cssProperties: byName(klass.cssProperties),
        strings: klass.ledeStrings ?? [],
      };
    })
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}
