// Finds every Lit `html` and `css` tagged template by parsing (so a backtick in a string, comment
// or regular expression cannot confuse it) and minifies its static parts, never an expression.
import { minifyCssPart } from './css.mjs';
import { minifyHtmlParts } from './html.mjs';
import { privatePropertyNames } from './private-names.mjs';

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

/** A build plugin: the templates of every source file under src/ minified, private custom properties renamed. */
export function minifyTemplatesPlugin() {
  let names = new Map();
  return {
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
}
