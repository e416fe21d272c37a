// A build plugin that strips the insignificant whitespace of Lit `css` and `html` tagged templates:
// the minifier leaves template text alone, and styles and markup are a large share of each
// element's bytes. Only the static parts of a template are touched, never an expression, and the
// templates are found by parsing, so a backtick in a string, comment or regular expression cannot
// confuse it.

/** Whitespace that is not preceded by a backslash (a `\` + newline is a line continuation). */
const SPACE = /(?<!\\)\s+/g;

export function minifyCss(text) {
  return minifyCssPart(text).trim();
}

/**
 * One static part of a `css` template. Only whitespace next to punctuation is removed, never the
 * space that separates a part from a neighbouring `${…}` (`a ${b}` must not become `a${b}`).
 */
function minifyCssPart(text, names = new Map()) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(SPACE, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/(?<![\w.#-])0\.(\d)/g, '.$1') // 0.75em -> .75em
    .replace(/\[([\w-]+)='([a-z_][\w-]*)'\]/gi, '[$1=$2]') // [part='heading'] -> [part=heading]
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
    .replace(/(?<![\w-])transparent(?![\w-])/g, '#0000') // the same colour: rgb(0 0 0 / 0)
    .replace(PRIVATE_PROPERTY, (name) => names.get(name) ?? name);
}

/**
 * Lede's private custom properties (`--_lede-accent`, `--_lede-key-points-gap`…) are set and read
 * only inside Lede's own styles, so they get short names: `--_0`, `--_1`… The names are numbered
 * in sorted order over every source file, so every build of the same source (and every chunk of
 * one build) agrees on them.
 */
const PRIVATE_PROPERTY = /--_lede-[\w-]+/g;

/** Numbers every private custom property found in `dir`. Node only (the test imports this file in a browser). */
async function privatePropertyNames(dir = 'src') {
  const { readdirSync, readFileSync } = await import('node:fs');
  const found = new Set();
  for (const file of readdirSync(dir, { recursive: true })) {
    if (`${file}`.endsWith('.ts'))
      for (const name of readFileSync(`${dir}/${file}`, 'utf8').match(PRIVATE_PROPERTY) ?? []) found.add(name);
  }
  return new Map([...found].sort().map((name, index) => [name, `--_${index}`]));
}

/** Tags whose text (or whose CSS) may make whitespace significant: such templates are left alone. */
const VERBATIM = /<(pre|textarea|script|style)\b|white-space/i;

/** An attribute value that HTML reads the same without quotes (and that Lit sees as static). */
const UNQUOTABLE = /^[\w-]+$/;

/**
 * The static parts of an `html` template, with every whitespace run that contains a newline
 * collapsed to one space: exactly how HTML renders it outside `<pre>`. Whitespace inside a quoted
 * attribute value is kept as written (it is part of the value), which needs a little tokenizer
 * that follows the parts in order. A static value of letters, digits, `_` and `-` followed by a
 * space or `>` loses its quotes (`part="base"` -> `part=base`).
 */
export function minifyHtmlParts(parts) {
  if (parts.some((part) => VERBATIM.test(part))) return parts;
  let state = 'text'; // 'text' | 'tag' | a quote character: inside a quoted attribute value
  return parts.map((part) => {
    let out = '';
    let run = '';
    let quoteAt = -1; // Where in `out` the open quote is; -1 when it opened in an earlier part.
    const flush = () => {
      out += run.includes('\n') && (state === 'text' || state === 'tag') ? ' ' : run;
      run = '';
    };
    for (let i = 0; i < part.length; i++) {
      const char = part[i];
      if (/\s/.test(char) && part[i - 1] !== '\\') {
        run += char;
        continue;
      }
      flush();
      out += char;
      if (state === 'text') {
        if (char === '<' && /[a-z/!]/i.test(part[i + 1] ?? '')) state = 'tag';
      } else if (state === 'tag') {
        if (char === '>') state = 'text';
        else if ((char === '"' || char === "'") && /=\s*$/.test(out.slice(0, -1))) {
          state = char;
          quoteAt = out.length - 1;
        }
      } else if (char === state) {
        state = 'tag';
        const value = out.slice(quoteAt + 1, -1);
        if (quoteAt >= 0 && UNQUOTABLE.test(value) && /^[\s>]/.test(part.slice(i + 1)))
          out = out.slice(0, quoteAt) + value;
        quoteAt = -1;
      }
    }
    flush();
    return out;
  });
}

function* taggedTemplates(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* taggedTemplates(child);
    return;
  }
  if (
    node.type === 'TaggedTemplateExpression' &&
    node.tag.type === 'Identifier' &&
    (node.tag.name === 'html' || node.tag.name === 'css')
  ) {
    yield node;
  }
  for (const key in node) if (key !== 'type' && typeof node[key] === 'object') yield* taggedTemplates(node[key]);
}

/** Minifies the static parts of every Lit `html` and `css` template in `code` (JavaScript). */
export function minifyTemplates(code, parse, names) {
  const edits = [];
  for (const node of taggedTemplates(parse(code))) {
    const quasis = node.quasi.quasis;
    const parts = quasis.map((q) => code.slice(q.start, q.end));
    let minified;
    if (node.tag.name === 'html') minified = minifyHtmlParts(parts);
    else {
      minified = parts.map((part) => minifyCssPart(part, names));
      minified[0] = minified[0].trimStart();
      minified[minified.length - 1] = minified.at(-1).trimEnd();
    }
    quasis.forEach((q, i) => minified[i] !== parts[i] && edits.push({ start: q.start, end: q.end, text: minified[i] }));
  }
  if (edits.length === 0) return code;
  // Nested templates are separate nodes with their own parts; edits never overlap.
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const { start, end, text } of edits) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

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

/**
 * The build plugins, used by vite.config.ts and by the size check: templates minified, and the
 * schema the story validates with imported without its annotations (the published schema.json
 * file keeps them).
 */
export function minifyTemplateLiterals() {
  let names = new Map();
  const schemas = {
    name: 'lede-strip-schema-annotations',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*schema\.json$/.test(id)) return null;
      return { code: JSON.stringify(stripSchemaAnnotations(JSON.parse(code))), map: null };
    },
  };
  const templates = {
    name: 'lede-minify-template-literals',
    async buildStart() {
      names = await privatePropertyNames();
    },
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const out = minifyTemplates(code, (text) => this.parse(text), names);
      return out === code ? null : { code: out, map: null };
    },
  };
  return [schemas, templates];
}

/** The former name, from when only `css` templates were minified. */
export const minifyCssLiterals = minifyTemplateLiterals;
