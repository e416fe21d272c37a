// A custom elements manifest analyzer plugin: Lede registers tags with its guarded `define(tag, Class)`
// (src/core/define.ts), which the analyzer does not know. This plugin records each such call as a
// `custom-element-definition` export, so every class gets its `tagName` in custom-elements.json.
import { posix } from 'node:path';

/** The module path (as the manifest writes it) that an imported class comes from. */
function importedFrom(ts, sourceFile, name, modulePath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((element) => element.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return { package: specifier };
    return { module: posix.join(posix.dirname(modulePath), specifier).replace(/\.js$/, '.ts') };
  }
  return { module: modulePath };
}

export function ledeDefinePlugin() {
  return {
    name: 'lede-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, elementClass] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !elementClass || !ts.isIdentifier(elementClass)) return;
      const name = elementClass.text;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name, ...importedFrom(ts, node.getSourceFile(), name, moduleDoc.path) },
        },
      ];
    },
  };
}
