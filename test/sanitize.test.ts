import { expect } from '@open-wc/testing';
import type { LedeArticle } from '../src/article/article.js';
import '../src/article/index.js';
import { sanitizeHtml } from '../src/core/sanitize.js';
import { captureLedeErrors } from './helpers/errors.js';
import { EndpointSession } from './helpers/endpoint.js';
import corpusFile from './fixtures/xss-vectors.json';
import { dangers } from './helpers/dangers.js';

interface Corpus {
  sources: Record<string, string>;
  vectors: { source: string; payload: string }[];
}

type Trapped = Window & { __ledeXss?: (label?: unknown) => void };

describe('sanitizer: known XSS vectors through <lede-article>', function () {
  this.timeout(60000);
  let corpus: Corpus;
  let calls: string[];
  let errors: ReturnType<typeof captureLedeErrors>;
  const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };
  let container: HTMLDivElement;

  before(() => {
    corpus = corpusFile as Corpus;
  });

  beforeEach(() => {
    calls = [];
    errors = captureLedeErrors();
    const trap =
      (name: string) =>
      (...args: unknown[]) =>
        void calls.push(`${name}(${args.map(String).join(',')})`);
    Object.assign(window, {
      alert: trap('alert'),
      confirm: trap('confirm'),
      prompt: trap('prompt'),
      print: trap('print'),
    });
    (window as Trapped).__ledeXss = trap('hook');
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
    Object.assign(window, originals);
    delete (window as Trapped).__ledeXss;
    errors.stop();
  });

  /** The payloads as published, and a copy whose alert( calls the test's hook. */
  const variants = () => corpus.vectors.flatMap(({ payload }) => [payload, payload.replaceAll('alert(', '__ledeXss(')]);

  /**
   * An unsanitized control: once its error handler has run, handlers that survived sanitizing would
   * have run too (their images load from the same server and are in view).
   */
  async function settle(): Promise<void> {
    const fired = new Promise<void>((resolve) => {
      (window as Trapped).__ledeXss = (label) =>
        label === 'control' ? resolve() : calls.push(`hook(${String(label)})`);
    });
    const control = document.createElement('div');
    control.innerHTML = '<img src="/no-such-image-control" onerror="__ledeXss(\'control\')">';
    container.append(control);
    await fired;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }

  function check(elements: LedeArticle[], payloads: string[]): string[] {
    return elements.flatMap((el, index) => {
      const body = el.shadowRoot!.querySelector('[part="body"]')!;
      const problems = dangers(body);
      return problems.length ? [`#${index} ${JSON.stringify(payloads[index])}: ${problems.join('; ')}`] : [];
    });
  }

  it('has at least 150 vectors, each with its source', () => {
    expect(corpus.vectors.length).to.be.at.least(150);
    for (const vector of corpus.vectors) expect(vector.source).to.be.a('string').and.not.empty;
  });

  it('leaves nothing dangerous and runs no payload when the vectors come through content', async () => {
    const payloads = variants();
    const elements = payloads.map((payload) => {
      const el = document.createElement('lede-article');
      el.content = payload;
      container.append(el);
      return el;
    });
    await Promise.all(elements.map((el) => el.updateComplete));
    await settle();
    expect(check(elements, payloads)).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
    expect(elements.every((el) => el.bodySource === 'content')).to.be.true;
  });

  it('leaves nothing dangerous and runs no payload when the vectors come through src', async () => {
    const session = new EndpointSession();
    const payloads = variants();
    const urls = await Promise.all(payloads.map((payload, index) => session.page(`v${index}`, payload)));
    const elements = urls.map((url) => {
      const el = document.createElement('lede-article');
      el.src = url;
      container.append(el);
      return el;
    });
    await Promise.all(
      elements.map((el) => new Promise((resolve) => el.addEventListener('lede-load', resolve, { once: true }))),
    );
    await settle();
    expect(errors.details).to.deep.equal([]);
    expect(check(elements, payloads)).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
    expect(elements.every((el) => el.bodySource === 'src')).to.be.true;
  });

  it('the checks can fail: the same vectors, unsanitized, are caught', async () => {
    const raw = document.createElement('template'); // Inert: nothing in it loads or runs.
    raw.innerHTML = corpus.vectors.map((v) => v.payload).join('');
    expect(dangers(raw.content).length).to.be.greaterThan(100);
  });

  it('keeps benign article HTML', async () => {
    const fragment =
      await sanitizeHtml(`<h2>H2</h2><h3>H3</h3><p>Text <a href="https://example.org/a" title="t">link</a> <a href="mailto:x@example.org">mail</a></p>
      <ul><li>u</li></ul><ol start="3"><li>o</li></ol><dl><dt>t</dt><dd>d</dd></dl>
      <figure><img src="/a.png" alt="alt text" width="10" height="10"><figcaption>cap</figcaption></figure>
      <table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="1">d</td></tr></tbody></table>
      <blockquote cite="https://example.org/q"><p>q</p></blockquote><pre><code class="language-js">let x = 1;</code></pre>
      <p><em>e</em><strong>s</strong><sup>1</sup><abbr title="a">A</abbr><mark>m</mark><time datetime="2026-01-01">t</time></p><hr>`);
    const div = document.createElement('div');
    div.append(fragment);
    for (const selector of [
      'h2',
      'h3',
      'a[href="https://example.org/a"][title="t"][rel="noopener noreferrer"]',
      'a[href^="mailto:"]',
      'ul > li',
      'ol[start="3"] > li',
      'dl dt',
      'dl dd',
      'figure img[alt="alt text"][width="10"][loading="lazy"][decoding="async"]',
      'figcaption',
      'table caption',
      'th[scope="col"]',
      'td[colspan="1"]',
      'blockquote[cite] p',
      'pre code.language-js',
      'em',
      'strong',
      'sup',
      'abbr[title]',
      'mark',
      'time[datetime]',
      'hr',
    ]) {
      expect(div.querySelector(selector), selector).to.exist;
    }
    expect(dangers(div)).to.deep.equal([]);
  });
});
