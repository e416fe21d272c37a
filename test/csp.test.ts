import { expect } from '@open-wc/testing';
import type { CspResult } from './csp/csp-page.js';
import { until } from './helpers/endpoint.js';

/**
 * Every element, rendered in a page served with the strict CSP of the README and Trusted Types
 * enforced (`require-trusted-types-for 'script'`), must cause no `securitypolicyviolation`.
 * To cover a new element, add its tag to test/csp/index.html.
 */
describe('strict Content-Security-Policy with Trusted Types', function () {
  this.timeout(30000);
  let frame: HTMLIFrameElement;
  let result: CspResult;
  let page: Document;

  before(async () => {
    frame = document.createElement('iframe');
    frame.src = '/test/csp/index.html';
    frame.title = 'CSP test page';
    frame.width = '800';
    frame.height = '600';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { cspResult?: Promise<CspResult> };
    while (!win.cspResult) await new Promise((resolve) => setTimeout(resolve, 20));
    result = await win.cspResult;
    page = frame.contentDocument!;
  });

  after(() => frame.remove());

  it('is served with the CSP header and enforces Trusted Types (the probe is refused)', async () => {
    const response = await fetch('/test/csp/index.html');
    expect(response.headers.get('content-security-policy')).to.equal(
      "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lede lit-html dompurify",
    );
    expect(result.enforced).to.be.true;
  });

  it('renders every element with zero securitypolicyviolation events', () => {
    expect(result.violations).to.deep.equal([]);
    expect(result.upgraded).to.include.members([
      'lede-article',
      'lede-key-points',
      'lede-scenarios',
      'lede-comment-prompt',
      'lede-newsletter',
      'lede-story',
      'lede-comment-count',
    ]);
    expect(result.undefinedTags).to.deep.equal([]);
  });

  it('sanitizes hostile HTML with no Trusted Types violation and nothing run', () => {
    // Chromium reports inline handlers and style attributes met by DOMPurify's inert parse; those
    // reports are all it may cause: nothing is blocked that Lede needs, and nothing runs.
    expect(result.hostileRan).to.be.false;
    expect(
      result.hostile.map((v) => v.directive).filter((d) => d !== 'script-src-attr' && d !== 'style-src-attr'),
    ).to.deep.equal([]);
    const body = page.getElementById('from-content')!.shadowRoot!.querySelector('[part="body"]')!;
    expect(body.querySelector('script, [onerror], [style], a[href^="javascript"]')).to.be.null;
    expect(body.querySelector('img')).to.exist;
  });

  it('sanitizes through the policy named lede; DOMPurify needs no policy of its own', () => {
    expect(result.policies).to.include('lede');
    expect(result.policies).not.to.include('dompurify');
  });

  it('really rendered: headings, sanitized bodies, the story and its parts', async () => {
    const article = page.querySelector('lede-article')!.shadowRoot!;
    expect(article.querySelector('[part="headline"]')!.textContent).to.equal('Strict CSP');
    expect(article.querySelectorAll('[part="toc-link"]')).to.have.length(2);
    for (const id of ['from-src']) {
      const body = page.getElementById(id)!.shadowRoot!.querySelector('[part="body"]')!;
      expect(body.querySelector('h2'), id).to.exist;
      expect(body.querySelector('blockquote, table, figure img[loading="lazy"]'), id).to.exist;
    }
    expect(page.querySelector('lede-key-points')!.shadowRoot!.querySelectorAll('li')).to.have.length(2);
    const story = page.getElementById('story')!.shadowRoot!;
    expect(story.querySelector('lede-article')!.shadowRoot!.querySelector('[part="headline"]')!.textContent).to.equal(
      'A story under CSP',
    );
    expect(story.querySelector('lede-key-points')).to.exist;
    const count = page.getElementById('count')!.shadowRoot!;
    await until(() => count.querySelector('a')?.textContent === 'No comments', 'the comment count under CSP');
    expect(result.errors).to.deep.equal([]);
  });
});
