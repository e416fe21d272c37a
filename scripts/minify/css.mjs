// CSS minification: whole stylesheets through lightningcss (a real CSS parser), and the static parts
// of a Lit `css` template, which are not CSS on their own (a `${…}` may sit anywhere), by a few
// whitespace and punctuation rules that never touch the text beside an expression.
import { renamePrivateProperties } from './private-names.mjs';

/** A whole stylesheet, minified by lightningcss (no targets: modern syntax such as logical properties stays). */
export async function minifyCss(text, filename = 'style.css') {
  const { transform } = await import('lightningcss');
  return transform({ filename, code: Buffer.from(text), minify: true }).code.toString();
}

/** Whitespace that is not preceded by a backslash (a `\` + newline is a line continuation). */
const SPACE = /(?<!\\)\s+/g;

/**
 * One static part of a `css` template. Only whitespace next to punctuation is removed, never the
 * space that separates a part from a neighbouring `${…}` (`a ${b}` must not become `a${b}`).
 */
export function minifyCssPart(text, names = new Map()) {
  return renamePrivateProperties(
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(SPACE, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .replace(/(?<![\w.#-])0\.(\d)/g, '.$1') // 0.75em -> .75em
      .replace(/\[([\w-]+)='([a-z_][\w-]*)'\]/gi, '[$1=$2]') // [part='heading'] -> [part=heading]
      .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
      .replace(/(?<![\w-])transparent(?![\w-])/g, '#0000'), // the same colour: rgb(0 0 0 / 0)
    names,
  );
}
