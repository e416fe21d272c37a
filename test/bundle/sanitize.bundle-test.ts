// The XSS corpus through dist/lede.js (the loader, and its DOMPurify chunk, loaded on the first
// untrusted HTML): the script-tag files build DOMPurify from its source with
// the SVG and MathML lists emptied (scripts/dompurify-source.mjs), so that build is checked on its
// own, in a page without a CSP where a payload that survived would run.
import { expect } from '@open-wc/testing';
import corpusFile from '../fixtures/xss-vectors.json';
import { dangers } from '../helpers/dangers.js';

interface ArticleLike extends HTMLElement {
  content?: string;
  updateComplete: Promise<unknown>;
}
type Trapped = Window & typeof globalThis & { __ledeXss?: (label?: unknown) => void };

const { vectors } = corpusFile as { vectors: { payload: string }[] };

async function openPage(): Promise<Trapped> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/test/bundle/pages/empty.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Trapped;
  // The loader defines <lede-article> (and fetches its chunk) once one is on the page.
  win.document.body.append(win.document.createElement('lede-article'));
  await win.customElements.whenDefined('lede-article');
  return win;
}

describe('script tag: the XSS corpus through dist/lede.js', function () {
  this.timeout(60000);
  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('leaves nothing dangerous and runs no payload', async () => {
    const win = await openPage();
    const calls: string[] = [];
    const trap =
      (name: string) =>
      (...args: unknown[]) =>
        void calls.push(`${name}(${args.map(String).join(',')})`);
    Object.assign(win, {
      alert: trap('alert'),
      confirm: trap('confirm'),
      prompt: trap('prompt'),
      print: trap('print'),
    });
    const payloads = vectors.flatMap(({ payload }) => [payload, payload.replaceAll('alert(', '__ledeXss(')]);
    const elements = payloads.map((payload) => {
      const element = win.document.createElement('lede-article') as ArticleLike;
      element.content = payload;
      win.document.body.append(element);
      return element;
    });
    await Promise.all(elements.map((element) => element.updateComplete));
    // Once an unsanitized control's error handler has run, handlers that survived would have run too.
    await new Promise<void>((resolve) => {
      win.__ledeXss = (label) => (label === 'control' ? resolve() : calls.push(`hook(${String(label)})`));
      const control = win.document.createElement('div');
      control.innerHTML = '<img src="/no-such-image-control" onerror="__ledeXss(\'control\')">';
      win.document.body.append(control);
    });
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    const problems = elements.flatMap((element, index) => {
      const found = dangers(element.shadowRoot!.querySelector('[part="body"]')!);
      return found.length ? [`${JSON.stringify(payloads[index])}: ${found.join('; ')}`] : [];
    });
    expect(elements.length).to.be.greaterThan(300);
    expect(problems).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
  });

  it('keeps benign article HTML, and drops SVG and MathML', async () => {
    const win = await openPage();
    const element = win.document.createElement('lede-article') as ArticleLike;
    element.content =
      '<h2>Title</h2><p>Text <a href="https://example.org/a">link</a> <font color="red">old</font></p><ul><li>item</li></ul><table><tr><td>cell</td></tr></table><svg><a href="https://example.org/s"><circle r="4"></circle></a></svg><math><mi>x</mi></math><p>after</p>';
    win.document.body.append(element);
    await element.updateComplete;
    const body = element.shadowRoot!.querySelector('[part="body"]')!;
    // `a` and `font` are also SVG tag names: the emptied SVG lists must not cost them in HTML.
    for (const selector of [
      'h2',
      'a[href="https://example.org/a"]',
      'font[color="red"]',
      'ul > li',
      'td',
      'p:last-of-type',
    ])
      expect(body.querySelector(selector), selector).to.exist;
    expect(body.querySelector('svg, circle, math, mi')).to.equal(null);
    expect(dangers(body)).to.deep.equal([]);
  });
});
