// The build's minifiers (scripts/minify/), one job each: stylesheets and `css` template parts,
// private custom property names, the schema without annotations, and finding the templates in
// code. (The `html` part is tested in the browser, test/minify-templates.test.ts, where Lit renders it.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAst } from 'vite';
import { minifyCss, minifyCssPart } from '../../scripts/minify/css.mjs';
import { numberPrivateProperties, renamePrivateProperties } from '../../scripts/minify/private-names.mjs';
import { stripSchemaAnnotations } from '../../scripts/minify/schema.mjs';
import { minifyTemplates } from '../../scripts/minify/templates.mjs';

describe('scripts/minify', () => {
  it('css.mjs: a whole stylesheet through lightningcss keeps logical properties and zero specificity', async () => {
    const out = await minifyCss(`
      /* the pre-upgrade box */
      :where(lede-article:not(:defined)) > [slot='toc'] :where(ol ol) {
        padding-inline-start: 1em;
        color: transparent;
        margin: 0.5em 0px;
      }`);
    assert.equal(
      out,
      ':where(lede-article:not(:defined))>[slot=toc] :where(ol ol){color:#0000;margin:.5em 0;padding-inline-start:1em}',
    );
  });

  it('css.mjs: a css template part loses whitespace by punctuation, never beside an expression', () => {
    assert.equal(
      minifyCssPart("  [part='heading'] {\n  margin: 0.75em 0;\n  color: #ffffff;\n}\n"),
      ' [part=heading]{margin:.75em 0;color:#fff}',
    );
    assert.equal(minifyCssPart('a '), 'a '); // `a ${b}` must not become `a${b}`
    assert.equal(minifyCssPart('border: 1px solid transparent; /* x */'), 'border:1px solid #0000;');
  });

  it('private-names.mjs: numbers private custom properties in sorted order and renames only those', () => {
    const names = numberPrivateProperties(['a{color:var(--_lede-b)}', 'b{--_lede-a:red;--_lede-b:1}']);
    assert.deepEqual(
      [...names],
      [
        ['--_lede-a', '--_0'],
        ['--_lede-b', '--_1'],
      ],
    );
    assert.equal(
      renamePrivateProperties('--_lede-b:var(--_lede-a, var(--lede-accent))', names),
      '--_1:var(--_0, var(--lede-accent))',
    );
    assert.equal(minifyCssPart('color: var(--_lede-a);', names), 'color:var(--_0);');
  });

  it('schema.mjs: drops annotations at every level, keeps a property named title', () => {
    const schema = {
      $schema: 'x',
      title: 'Lede document',
      type: 'object',
      properties: {
        title: { type: 'string', description: 'A property named title' },
        items: { type: 'array', items: { anyOf: [{ type: 'string', examples: ['a'] }] } },
      },
    };
    assert.deepEqual(stripSchemaAnnotations(schema), {
      type: 'object',
      properties: { title: { type: 'string' }, items: { type: 'array', items: { anyOf: [{ type: 'string' }] } } },
    });
  });

  it('templates.mjs: minifies the static parts of html and css templates only, found by parsing', () => {
    const code = [
      "const s = 'html`  not a template  `';",
      'const a = css`\n  p {\n    margin: 0;\n  }\n`;',
      'const b = html`<p   class="x">\n  ${value}\n  </p>`;',
      'const c = other`  kept   as written  `;',
    ].join('\n');
    const out = minifyTemplates(code, (text) => parseAst(text));
    assert.match(out, /const s = 'html` {2}not a template {2}`';/);
    assert.match(out, /const a = css`p\{margin:0\}`;/);
    // Runs with a newline collapse to one space; attribute values that need no quotes lose them.
    assert.match(out, /const b = html`<p {3}class=x> \$\{value\} <\/p>`;/);
    assert.match(out, /const c = other` {2}kept {3}as written {2}`;/);
  });
});
