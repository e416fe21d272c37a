// A custom elements manifest analyzer plugin: each element keeps its visible English text in a module-level
// `const defaultStrings = { key: 'Text', … }` (every key replaceable through `strings` or a registered translation).
// This plugin records those keys, their English text and their JSDoc on the element's class as `ledeStrings`,
// so the generated docs list every replaceable text.

const TEXT_KINDS = ['StringLiteral', 'NoSubstitutionTemplateLiteral'];

function stringsOf(ts, literal) {
  const strings = [];
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    const value = property.initializer;
    if (key === undefined || !TEXT_KINDS.some((kind) => ts[`is${kind}`](value))) continue;
    const description = ts
      .getJSDocCommentsAndTags(property)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join(' ')
      .trim();
    strings.push({ key, default: value.text, ...(description ? { description } : {}) });
  }
  return strings;
}

export function ledeStringsPlugin() {
  const byModule = new Map();
  return {
    name: 'lede-default-strings',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.name.text !== 'defaultStrings') return;
      if (!node.initializer || !ts.isObjectLiteralExpression(node.initializer)) return;
      byModule.set(moduleDoc.path, stringsOf(ts, node.initializer));
    },
    moduleLinkPhase({ moduleDoc }) {
      const strings = byModule.get(moduleDoc.path);
      if (!strings) return;
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind === 'class') declaration.ledeStrings = strings;
      }
    },
  };
}
