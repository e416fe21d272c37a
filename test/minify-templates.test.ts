import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { minifyHtmlParts } from '../scripts/minify/html.mjs';

/** Renders the same template from its written parts and from its minified parts, as the build does. */
function renderBoth(parts: string[], values: unknown[]) {
  const template = (strings: string[]) => html(Object.assign([...strings], { raw: [...strings] }), ...values);
  const written = document.createElement('div');
  const minified = document.createElement('div');
  document.body.append(written, minified);
  render(template(parts), written);
  render(template(minifyHtmlParts(parts)), minified);
  const describe = (root: Element) =>
    [...root.querySelectorAll('*')].map(
      (el) => `${el.localName} ${[...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ')}`,
    );
  const result = {
    written,
    minified,
    text: [written.innerText, minified.innerText],
    elements: [describe(written), describe(minified)],
  };
  written.remove();
  minified.remove();
  return result;
}

describe('template minifier (build)', () => {
  it('collapses the indentation between tags and attributes, and the page renders the same', () => {
    const parts = [
      '<section part="base">\n  <h2\n    id=',
      '\n    class="x">',
      '</h2>\n  <p>Hello\n     world, ',
      '!</p>\n  <ul><li>a</li>\n      <li>b</li></ul>\n</section>',
    ];
    const minified = minifyHtmlParts(parts);
    expect(minified.join('|').includes('\n')).to.equal(false);
    const { text, elements, written, minified: small } = renderBoth(parts, ['h', 'reader']);
    expect(text[1]).to.equal(text[0]);
    expect(elements[1]).to.deep.equal(elements[0]);
    expect(small.innerHTML.length).to.be.below(written.innerHTML.length);
  });

  it('keeps whitespace inside quoted attribute values, also across expressions', () => {
    const parts = ['<p title="one\n  two ', "\n three\" data-x='a\n b'>x\n  y</p>"];
    const minified = minifyHtmlParts(parts);
    expect(minified[0]).to.equal('<p title="one\n  two ');
    expect(minified[1]).to.equal("\n three\" data-x='a\n b'>x y</p>");
    const { text, elements } = renderBoth(parts, ['v']);
    expect(elements[1]).to.deep.equal(elements[0]);
    expect(text[1]).to.equal(text[0]);
  });

  it('drops the quotes of static values HTML reads the same without them, and only those', () => {
    const parts = ['<p part="base" title="a b" data-x="a/" class="c"/><a href="#', '" role="link">x</a>'];
    expect(minifyHtmlParts(parts)).to.deep.equal([
      '<p part=base title="a b" data-x="a/" class="c"/><a href="#',
      '" role=link>x</a>',
    ]);
    const { elements } = renderBoth(parts, ['top']);
    expect(elements[1]).to.deep.equal(elements[0]);
  });

  it('leaves templates with <pre>, <textarea>, <style> or white-space alone', () => {
    for (const parts of [
      ['<pre>\n  a\n</pre>'],
      ['<textarea>\n', '</textarea>'],
      ['<style>\n</style>'],
      ['<p class="white-space">\n</p>'],
    ]) {
      expect(minifyHtmlParts(parts)).to.deep.equal(parts);
    }
  });
});
