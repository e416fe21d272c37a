// HTML minification for the static parts of a Lit `html` template: whitespace collapsed as HTML
// renders it, and attribute values unquoted where HTML reads them the same.

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
