// What is generated from custom-elements.json covers every element of the manifest: a React
// wrapper with a prop per event, a docs page with every attribute, event, part and custom
// property, and VS Code data with every attribute. Run after `npm run analyze`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pascalCase, readElements } from '../../scripts/manifest.mjs';

const elements = readElements();
const react = readFileSync('src/react/index.ts', 'utf8');
const vscode = JSON.parse(readFileSync('vscode.html-custom-data.json', 'utf8'));

describe('generated from the manifest', () => {
  it('finds at least one element, each with its tag, class and npm entry', () => {
    assert.ok(elements.length > 0);
    for (const element of elements) {
      assert.match(element.tagName, /^lede-/);
      assert.match(element.className, /^Lede/);
      assert.ok(element.entry, `${element.tagName} has an npm entry in scripts/entries.mjs`);
    }
  });

  for (const element of elements) {
    it(`<${element.tagName}>: React wrapper, docs page and VS Code data`, () => {
      assert.match(
        react,
        new RegExp(`export const ${element.className} = createComponent\\(\\{\\s*tagName: '${element.tagName}'`),
      );
      for (const event of element.events)
        assert.ok(react.includes(`${pascalCase(event.name, 'on')}: '${event.name}'`), event.name);

      const page = readFileSync(`docs/elements/${element.tagName}.md`, 'utf8');
      for (const item of [
        ...element.attributes,
        ...element.properties,
        ...element.events,
        ...element.cssParts,
        ...element.cssProperties,
      ]) {
        assert.ok(page.includes(`\`${item.name}\``), `docs page names ${item.name}`);
      }

      const tag = vscode.tags.find((candidate) => candidate.name === element.tagName);
      assert.ok(tag, 'VS Code data has the tag');
      assert.deepEqual(
        tag.attributes.map((attribute) => attribute.name),
        element.attributes.map((attribute) => attribute.name),
      );
    });
  }
});
