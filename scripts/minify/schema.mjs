// The story's JSON Schema as the bundles import it: without the keywords that only document
// (the published lede/schema.json keeps them).

/** The JSON Schema keywords that only document (the story's validator never reads them). */
const ANNOTATIONS = ['$schema', '$id', '$comment', 'title', 'description', 'examples'];

/** A JSON Schema without its annotations; a property *named* `title` is kept, of course. */
export function stripSchemaAnnotations(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = Object.fromEntries(Object.entries(schema).filter(([key]) => !ANNOTATIONS.includes(key)));
  if (out.properties)
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([key, sub]) => [key, stripSchemaAnnotations(sub)]),
    );
  if (out.items) out.items = stripSchemaAnnotations(out.items);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (out[key]) out[key] = out[key].map(stripSchemaAnnotations);
  return out;
}

/** A build plugin: the schema the story validates with is imported without its annotations. */
export function stripSchemaPlugin() {
  return {
    name: 'lede-strip-schema-annotations',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*schema\.json$/.test(id)) return null;
      return { code: JSON.stringify(stripSchemaAnnotations(JSON.parse(code))), map: null };
    },
  };
}
