// What is generated from custom-elements.json covers every element of the manifest: a React
// wrapper with a prop per event (its own entry, re-exported by lede/react), a docs page with every attribute, event, part and custom
// property, a properties table with a row for every public property, and VS Code data with
// every attribute. Run after the build (it reads the classes in dist/classes.js).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { pascalCase, readElements } from '../../scripts/manifest.mjs';

const elements = readElements();
const reactIndex = readFileSync('src/react/index.ts', 'utf8');
const vscode = JSON.parse(readFileSync('vscode.html-custom-data.json', 'utf8'));

/** The first cell of every row of a page's table under `## title`, without its backticks. */
function tableRows(page, title) {
  const section = page.split(`\n## ${title}\n`)[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | ')[0].replace(/^\| `|`$/g, ''));
}

/** Properties the docs must list whatever the analyzer does: the data and state a page sets from script. */
const MUST_LIST = {
  'lede-article': ['content', 'headline', 'src', 'strings'],
  'lede-key-points': ['points', 'strings'],
  'lede-scenarios': ['scenarios', 'counts', 'choice', 'status', 'strings'],
  'lede-comment-prompt': ['count', 'share', 'strings'],
  'lede-newsletter': ['text', 'delivery', 'strings'],
  'lede-story': ['document', 'src', 'strings'],
};

describe('generated from the manifest', async () => {
  const classes = await import(pathToFileURL('dist/classes.js').href);

  it('lists every public property of every element in its properties table', () => {
    for (const element of elements) {
      const rows = tableRows(readFileSync(`docs/elements/${element.tagName}.md`, 'utf8'), 'Properties');
      assert.deepEqual(
        rows,
        element.properties.map((property) => property.name),
        `${element.tagName}: one row per public property`,
      );
      // Every reactive property the class declares (not internal state), read from the class itself.
      const klass = classes[element.className];
      assert.ok(klass, `dist/classes.js exports ${element.className}`);
      void klass.observedAttributes; // finalizes the class, which fills elementProperties
      const reactive = [...klass.elementProperties].filter(([, options]) => !options.state).map(([name]) => name);
      for (const name of [...reactive, ...(MUST_LIST[element.tagName] ?? [])])
        assert.ok(rows.includes(name), `${element.tagName}: the properties table has a row for ${name}`);
    }
  });

  it('lists every replaceable text of every element, with the English the element really shows', () => {
    for (const element of elements) {
      const page = readFileSync(`docs/elements/${element.tagName}.md`, 'utf8');
      // The element's own defaults, read from the built class (its protected `defaultStrings` getter).
      const getter = Object.getOwnPropertyDescriptor(classes[element.className].prototype, 'defaultStrings')?.get;
      assert.ok(getter, `${element.className} has its own defaultStrings`);
      const defaults = getter.call({});
      assert.deepEqual(tableRows(page, 'Text'), Object.keys(defaults), `${element.tagName}: one row per text key`);
      for (const [key, english] of Object.entries(defaults)) {
        if (english)
          assert.ok(page.includes(`| \`${key}\` | \`${english}\` |`), `${element.tagName}: ${key} is "${english}"`);
      }
    }
  });

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
      // Its own entry (lede/react/<entry>), re-exported by lede/react.
      const react = readFileSync(`src/react/${element.entry}.ts`, 'utf8');
      assert.ok(reactIndex.includes(`export { ${element.className} } from './${element.entry}.js';`));
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
