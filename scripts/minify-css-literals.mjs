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
function minifyCssPart(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(SPACE, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** Tags whose text (or whose CSS) may make whitespace significant: such templates are left alone. */
const VERBATIM = /<(pre|textarea|script|style)\b|white-space/i;

/**
 * The static parts of an `html` template, with every whitespace run that contains a newline
 * collapsed to one space: exactly how HTML renders it outside `<pre>`. Whitespace inside a quoted
 * attribute value is kept as written (it is part of the value), which needs a little tokenizer
 * that follows the parts in order.
 */
export function minifyHtmlParts(parts) {
  if (parts.some((part) => VERBATIM.test(part))) return parts;
  let state = 'text'; // 'text' | 'tag' | a quote character: inside a quoted attribute value
  return parts.map((part) => {
    let out = '';
    let run = '';
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
        else if ((char === '"' || char === "'") && /=\s*$/.test(out.slice(0, -1))) state = char;
      } else if (char === state) state = 'tag';
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
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'css')) {
    yield node;
  }
  for (const key in node) if (key !== 'type' && typeof node[key] === 'object') yield* taggedTemplates(node[key]);
}

/** Minifies the static parts of every Lit `html` and `css` template in `code` (JavaScript). */
export function minifyTemplates(code, parse) {
  const edits = [];
  for (const node of taggedTemplates(parse(code))) {
    const quasis = node.quasi.quasis;
    const parts = quasis.map((q) => code.slice(q.start, q.end));
    let minified;
    if (node.tag.name === 'html') minified = minifyHtmlParts(parts);
    else {
      minified = parts.map(minifyCssPart);
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

/** The build plugin: used by vite.config.ts and by the size check. */
export function minifyTemplateLiterals() {
  return {
    name: 'lede-minify-template-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const out = minifyTemplates(code, (text) => this.parse(text));
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** The former name, from when only `css` templates were minified. */
export const minifyCssLiterals = minifyTemplateLiterals;
