// Writes vscode.html-custom-data.json: tags and attributes with their descriptions and values,
// for VS Code's HTML completion and hover (`"html.customData"` in .vscode/settings.json).
export const VSCODE_FILE = 'vscode.html-custom-data.json';

/** The values a union of string literals allows: `'light' | 'dark' | undefined` -> light, dark. */
function literalValues(type = '') {
  const parts = type
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  if (parts.length === 0 || !parts.every((part) => /^'[^']*'$|^"[^"]*"$/.test(part))) return undefined;
  return parts.map((part) => ({ name: part.slice(1, -1) }));
}

function tagDescription(element) {
  const list = (title, items) =>
    items.length ? `\n\n${title}: ${items.map((item) => `\`${item.name}\``).join(', ')}` : '';
  return (
    [element.summary, element.description].filter(Boolean).join('\n\n') +
    list('Events', element.events) +
    list(
      'Slots',
      element.slots.map((slot) => ({ name: slot.name || '(default)' })),
    ) +
    list('CSS parts', element.cssParts) +
    list('CSS custom properties', element.cssProperties)
  );
}

export function generateVscodeData(elements) {
  const data = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: tagDescription(element) },
      attributes: element.attributes.map((attribute) => {
        const type = attribute.type?.text ?? '';
        const values = literalValues(type);
        return {
          name: attribute.name,
          description: [
            attribute.description,
            type && `Type: \`${type}\``,
            attribute.default && `Default: \`${attribute.default}\``,
          ]
            .filter(Boolean)
            .join('\n\n'),
          ...(type === 'boolean' ? { valueSet: 'v' } : values ? { values } : {}),
        };
      }),
    })),
  };
  return { [VSCODE_FILE]: `${JSON.stringify(data, null, 2)}\n` };
}
