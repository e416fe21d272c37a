// A page whose markup names the document members DOMPurify reads as it starts (DOM clobbering: an
// `<img name>` or `<form name>` in a comment section is enough), there before Lede sanitizes
// anything. The article still shows its content as HTML, and the content's own clobbering names
// change nothing. (The script-tag files, on a page with `createElement` clobbered too:
// test/bundle/hostile.bundle-test.ts.)
import { expect } from '@open-wc/testing';
import '../src/article/index.js';
import type { LedeArticle } from '../src/index.js';
import { captureLedeErrors } from './helpers/errors.js';

// Not `createElement` nor lit-html's `createTreeWalker`, `createComment`, `createTextNode`: the
// source build runs Lit's own modules as published, and those call them on the page's document (the
// script-tag files route them through the prototypes, and their hostile page has them; see
// docs/data.md, "On pages you do not control"). `importNode` is one: Lede gives lit-html its own (render options'
// creationScope). `body` and `head` would stop the test page itself.
const NAMES = [
  'importNode',
  'implementation',
  'cookie',
  'documentElement',
  'getElementById',
  'currentScript',
  'nodeType',
  'createNodeIterator',
  'createDocumentFragment',
  'getElementsByTagName',
  'defaultView',
  // What Lede listens on (the window's and the document's).
  'addEventListener',
  'removeEventListener',
];

const CONTENT = `<h2 id="cookie">Section</h2><p>Text with <b>bold</b> words.</p>
  <img name="implementation" alt=""><img name="createElement" alt=""><p id="documentElement">More</p>
  <form name="getElementById"><input name="attributes"></form>`;

describe('a page whose markup clobbers the document members DOMPurify and lit-html read', () => {
  it('sanitizes article content into HTML, never into text', async () => {
    const errors = captureLedeErrors();
    // Markup as a page has it (not a Lit template, which reads document members itself).
    const page = Document.prototype.createElement.call(document, 'div');
    page.innerHTML = `${NAMES.map((name) => `<img name="${name}" alt=""><form name="${name}"></form>`).join('')}
      <lede-article headline="Clobbered" toc></lede-article>`;
    document.body.append(page);
    const article = page.querySelector<LedeArticle>('lede-article')!;
    try {
      expect(typeof document.nodeType, 'the page clobbers document.nodeType').to.equal('object');
      article.content = CONTENT;
      await article.updateComplete;
      const body = article.shadowRoot!.querySelector('[part=body]')!;
      expect(body.textContent).not.to.contain('<');
      expect(body.querySelector('b')?.textContent).to.equal('bold');
      expect([...body.querySelectorAll('[id], [name]')].map((e) => e.id || e.getAttribute('name'))).to.deep.equal([
        'user-content-cookie',
        'user-content-implementation',
        'user-content-createElement',
        'user-content-documentElement',
      ]);
      expect(body.querySelector('form')).to.be.null;
      expect(article.shadowRoot!.querySelector('[part=toc-link]')?.textContent).to.equal('Section');
      expect(errors.details).to.deep.equal([]);
    } finally {
      page.remove();
      errors.stop();
    }
  });
});
