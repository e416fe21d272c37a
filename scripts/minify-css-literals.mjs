// A build plugin that strips the whitespace of Lit `css` tagged templates: the minifier leaves
// template text alone, and styles are a large share of each element's bytes.

const CSS_LITERAL = /\bcss`([^`]*)`/g;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Only templates without `${…}` substitutions are touched, so no expression is ever rewritten. */
export function minifyCssLiterals() {
  return {
    name: 'lede-minify-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(CSS_LITERAL, (whole, body) => (body.includes('${') ? whole : `css\`${minifyCss(body)}\``));
      return out === code ? null : { code: out, map: null };
    },
  };
}
