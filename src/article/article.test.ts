import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import { EndpointSession, until } from '../../test/helpers/endpoint.js';
import type { LedeArticle } from './article.js';
import './index.js';

const shadow = (el: LedeArticle) => el.shadowRoot!;
const part = (el: LedeArticle, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const bodyText = (el: LedeArticle) => part(el, 'body')!.textContent!.replace(/\s+/g, ' ').trim();
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const filler = html`<div style="block-size:3000px"></div>`;

describe('<lede-article>', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    errors = captureLedeErrors();
  });
  afterEach(() => {
    errors.stop();
    history.replaceState(null, '', location.pathname + location.search);
    scrollTo(0, 0);
  });

  describe('header', () => {
    it("shows headline, dek and byline, and dates with Intl in the element's language inside <time datetime>", async () => {
      const el = await fixture<LedeArticle>(
        html`<lede-article
          lang="de"
          headline="Der Hafenpakt"
          dek="Zwei Häfen, ein Vertrag."
          byline="Maren Holt"
          published="2026-11-18T08:00:00Z"
          updated="2026-11-20T15:30:00Z"
          ><p>Text.</p></lede-article
        >`,
      );
      expect(shadow(el).querySelector('h2[part="headline"]')!.textContent).to.equal('Der Hafenpakt');
      expect(part(el, 'dek')!.textContent).to.equal('Zwei Häfen, ein Vertrag.');
      expect(part(el, 'meta')!.textContent).to.contain('By Maren Holt');
      const times = [...shadow(el).querySelectorAll('time')];
      expect(times.map((t) => t.getAttribute('datetime'))).to.deep.equal([
        '2026-11-18T08:00:00Z',
        '2026-11-20T15:30:00Z',
      ]);
      const expected = new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(Date.parse('2026-11-18T08:00:00Z'));
      expect(times[0]!.textContent).to.equal(expected);
      expect(expected).to.match(/November 2026/);
      const size = (node: Element) => parseFloat(getComputedStyle(node).fontSize);
      expect(size(part(el, 'headline')!)).to.be.greaterThan(size(el) * 1.4);
      expect(shadow(el).querySelector('article')!.getAttribute('aria-labelledby')).to.equal(
        shadow(el).querySelector('h2')!.id,
      );
      expect(errors.details).to.have.length(0);
    });

    it('uses heading-level for the headline and replaceable strings', async () => {
      const el = await fixture<LedeArticle>(
        html`<lede-article heading-level="1" headline="H" byline="A" strings='{"byline":"Par {name}"}'></lede-article>`,
      );
      expect(shadow(el).querySelector('h1[part="headline"]')).to.exist;
      expect(part(el, 'meta')!.textContent).to.contain('Par A');
    });

    it('estimates the reading time from the body', async () => {
      const el = await fixture<LedeArticle>(html`<lede-article reading-time><p>${words(690)}</p></lede-article>`);
      expect(shadow(el).querySelector('.reading-time')!.textContent).to.equal('3 min read');
      el.content = `<p>${words(100)}</p>`;
      await el.updateComplete;
      expect(shadow(el).querySelector('.reading-time')!.textContent).to.equal('1 min read');
    });

    it('reports a date that is not ISO 8601 and leaves it out', async () => {
      const el = await fixture<LedeArticle>(html`<lede-article published="last tuesday" headline="H"></lede-article>`);
      expect(shadow(el).querySelector('time')).to.be.null;
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'published' });
    });
  });

  describe('body', () => {
    it("slots the publisher's children when there is no content", async () => {
      const el = await fixture<LedeArticle>(html`<lede-article><p>Publisher text.</p></lede-article>`);
      expect(el.bodySource).to.equal('children');
      expect(part(el, 'body')!.querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('Publisher text.');
    });

    it('renders content sanitized, over the children, and keeps article markup', async () => {
      const el = await fixture<LedeArticle>(html`<lede-article><p>Publisher text.</p></lede-article>`);
      el.content = `<h2 id="a">Heading</h2><h3>Sub</h3><ul><li>one</li></ul><ol><li>two</li></ol>
        <p><a href="https://example.org/x">external</a> <a href="/local">local</a> <a href="#a">jump</a></p>
        <figure><img src="/nothing.png" alt="A chart"><figcaption>Caption</figcaption></figure>
        <table><thead><tr><th>k</th></tr></thead><tbody><tr><td>v</td></tr></tbody></table>
        <blockquote><p>Quote</p></blockquote><pre><code>code()</code></pre><p><em>e</em> <strong>s</strong></p>
        <img src=x onerror="window.__articleXss=1"><script>window.__articleXss=1</script>`;
      await el.updateComplete;
      const body = part(el, 'body')!;
      expect(el.bodySource).to.equal('content');
      expect(body.querySelector('slot')).to.be.null;
      for (const tag of [
        'h2',
        'h3',
        'ul li',
        'ol li',
        'a',
        'figure img',
        'figcaption',
        'table th',
        'td',
        'blockquote p',
        'pre code',
        'em',
        'strong',
      ]) {
        expect(body.querySelector(tag), tag).to.exist;
      }
      expect(body.querySelector('script, [onerror]')).to.be.null;
      expect(body.querySelector('a[href^="https"]')!.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(body.querySelector('a[href="/local"]')!.hasAttribute('rel')).to.be.false;
      const img = body.querySelector('img')!;
      expect([img.getAttribute('loading'), img.getAttribute('decoding')]).to.deep.equal(['lazy', 'async']);
      expect(body.querySelector('h2')!.id).to.equal('user-content-a');
      expect((window as { __articleXss?: number }).__articleXss).to.be.undefined;
    });

    it('removes style, forms, dialogs and top-layer triggers', async () => {
      const el = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
      el.content = `<style>body{display:none}</style><p style="position:fixed">p</p><form><input></form><dialog open>d</dialog>
        <div popover id="x">pop</div><button popovertarget="x">b</button><button command="show-modal" commandfor="d">c</button>`;
      await el.updateComplete;
      const body = part(el, 'body')!;
      expect(
        body.querySelector(
          'style, form, input, dialog, button, [style], [popover], [popovertarget], [command], [commandfor]',
        ),
      ).to.be.null;
      expect(body.textContent).to.contain('pop');
    });
  });

  describe('table of contents and in-page links', () => {
    // Instant scrolling, so the position can be read right after the click.
    before(() => emulateMedia({ reducedMotion: 'reduce' }));
    after(() => emulateMedia({ reducedMotion: 'no-preference' }));

    const sections = ['One', 'Two', 'Three']
      .map((t) => `<h2>${t}</h2><p>${words(200)}</p><h3>${t} detail</h3><p>${words(200)}</p>`)
      .join('');

    it('nests h3 entries in their own list under their h2, so the top-level numbers count h2 only', async () => {
      const el = await fixture<LedeArticle>(
        html`<lede-article toc>
          <h3>Before any h2</h3>
          <h2>One</h2>
          <h2>Two</h2>
          <h3>Two, first detail</h3>
          <h3>Two, second detail</h3>
          <h2>Three</h2>
        </lede-article>`,
      );
      const top = shadow(el).querySelector('nav[part="toc"] > ol')!;
      const items = [...top.children] as HTMLLIElement[];
      expect(items.map((li) => li.querySelector(':scope > a')!.textContent)).to.deep.equal([
        'Before any h2',
        'One',
        'Two',
        'Three',
      ]);
      // No `value` tricks: the numbers come from the structure (an item counts only in its own list).
      expect(items.every((li) => li.localName === 'li' && li.value === 0)).to.equal(true);
      const nested = [...items[2]!.querySelectorAll(':scope > ol > li > a')].map((a) => a.textContent);
      expect(nested).to.deep.equal(['Two, first detail', 'Two, second detail']);
      expect(items[1]!.querySelector('ol')).to.equal(null);
      expect(getComputedStyle(items[2]!.querySelector('ol > li')!).listStyleType).to.equal('circle');
      expect(shadow(el).querySelectorAll('[part="toc-link"]').length).to.equal(6);
      await expectNoAxeViolations(el);
    });

    it('lists h2 and h3 of the children and scrolls to and focuses a heading when a link is activated', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <lede-article toc headline="H">
            <h2 id="first">First part</h2>
            <p>${words(400)}</p>
            <h3>A detail</h3>
            <p>${words(400)}</p>
            <h2>Second part</h2>
            <p>${words(400)}</p> </lede-article
          >${filler}
        </div>`,
      );
      const el = wrapper.querySelector('lede-article')!;
      await el.updateComplete;
      const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="toc-link"]')];
      expect(links.map((a) => a.textContent)).to.deep.equal(['First part', 'A detail', 'Second part']);
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#first', '#a-detail', '#second-part']);
      expect(shadow(el).querySelector('nav[part="toc"]')!.getAttribute('aria-labelledby')).to.equal(
        shadow(el).querySelector('nav h3')!.id,
      );
      links[2]!.focus();
      await sendKeys({ press: 'Enter' });
      const target = el.querySelector('#second-part')!;
      expect(document.activeElement).to.equal(target);
      expect(Math.abs(target.getBoundingClientRect().top)).to.be.lessThan(20);
      expect(location.hash).to.equal('#second-part');
    });

    it('goes to a heading with a non-ASCII id and adds one history entry however often its link is followed', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <lede-article toc headline="H">
            <h2 id="café">Café</h2>
            <p>${words(400)}</p>
            <h2>Quay</h2>
            <p>${words(400)}</p> </lede-article
          >${filler}
        </div>`,
      );
      const el = wrapper.querySelector('lede-article')!;
      await el.updateComplete;
      const link = shadow(el).querySelector<HTMLAnchorElement>('[part="toc-link"]')!;
      const before = history.length;
      link.click();
      link.click();
      expect(document.activeElement).to.equal(el.querySelector('[id="café"]'));
      expect(decodeURIComponent(location.hash)).to.equal('#café');
      expect(history.length).to.equal(before + 1);
    });

    it('works inside the shadow root for sanitized content: TOC, links in the body, and #fragment links from the page', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><a id="page-link" href="#three-detail">to three</a><lede-article toc></lede-article>${filler}</div>`,
      );
      const el = wrapper.querySelector('lede-article')!;
      el.content = `<p><a href="#two">Jump to two</a></p>${sections}`;
      await el.updateComplete;
      const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="toc-link"]')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        '#one',
        '#one-detail',
        '#two',
        '#two-detail',
        '#three',
        '#three-detail',
      ]);

      links[3]!.click();
      const twoDetail = shadow(el).getElementById('user-content-two-detail')!;
      expect(shadow(el).activeElement).to.equal(twoDetail);
      expect(Math.abs(twoDetail.getBoundingClientRect().top)).to.be.lessThan(20);
      expect(location.hash).to.equal('#two-detail');

      part(el, 'body')!.querySelector<HTMLAnchorElement>('a[href="#two"]')!.click();
      expect(shadow(el).activeElement!.textContent).to.equal('Two');

      wrapper.querySelector<HTMLAnchorElement>('#page-link')!.click();
      const threeDetail = shadow(el).getElementById('user-content-three-detail')!;
      expect(shadow(el).activeElement).to.equal(threeDetail);
      expect(Math.abs(threeDetail.getBoundingClientRect().top)).to.be.lessThan(20);

      const changed = oneEvent(window, 'hashchange');
      location.hash = 'one';
      await changed;
      expect(shadow(el).activeElement!.textContent).to.equal('One');
    });

    it('does not throw on a malformed #fragment (in the address or in a link), and still finds an id written that way', async () => {
      const thrown: unknown[] = [];
      const onError = (event: ErrorEvent) => {
        thrown.push(event.error);
        event.preventDefault();
      };
      addEventListener('error', onError);
      try {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div>
            <a id="bad" href="#%E0%A4%A">bad</a
            ><lede-article>
              <h2 id="%E0%A4%A">Odd id</h2>
              <p>${words(50)}</p></lede-article
            >${filler}
          </div>`,
        );
        const el = wrapper.querySelector('lede-article')!;
        await el.updateComplete;
        history.replaceState(null, '', '#%E0%A4%A');
        dispatchEvent(new HashChangeEvent('hashchange'));
        expect(document.activeElement).to.equal(el.querySelector('h2'));
        (document.activeElement as HTMLElement).blur();
        wrapper.querySelector<HTMLAnchorElement>('#bad')!.click();
        expect(document.activeElement).to.equal(el.querySelector('h2'));
        expect(thrown).to.deep.equal([]);
      } finally {
        removeEventListener('error', onError);
      }
    });
  });

  describe('src', () => {
    it("scrolls to the page's #fragment once the src body that holds it is shown", async () => {
      const session = new EndpointSession();
      const url = await session.page('long', `<p>${words(600)}</p><h2>Far down</h2><p>${words(50)}</p>`);
      history.replaceState(null, '', '#far-down');
      const wrapper = await fixture<HTMLDivElement>(html`<div><lede-article></lede-article>${filler}</div>`);
      const el = wrapper.querySelector('lede-article')!;
      const loaded = oneEvent(el, 'lede-load');
      el.src = url;
      await loaded;
      expect(shadow(el).activeElement!.textContent).to.equal('Far down');
    });

    it('finishes loading src after being moved in the page mid-load, and stops loading when src is removed', async () => {
      const session = new EndpointSession();
      const url = await session.page('moved', '<p>Arrived.</p>');
      await session.fail('pages', { delay: 300 });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <lede-article></lede-article>
          <section></section>
        </div>`,
      );
      const el = wrapper.querySelector('lede-article')!;
      el.src = url;
      await el.updateComplete;
      expect(el.loading).to.be.true;
      const requests = () => session.requests('pages');
      await until(async () => (await requests()).length === 1, 'the request to reach the endpoint');
      el.remove();
      await until(async () => (await requests())[0]!.aborted === true, 'the endpoint to see the abort');
      const loaded = oneEvent(el, 'lede-load');
      wrapper.querySelector('section')!.append(el);
      await loaded;
      expect(el.loading).to.be.false;
      expect(bodyText(el)).to.equal('Arrived.');

      await session.fail('pages', { hang: true });
      el.src = `${url}?again`;
      await el.updateComplete;
      expect(el.loading).to.be.true;
      el.removeAttribute('src');
      el.src = undefined;
      await el.updateComplete;
      expect(el.loading).to.be.false;
      expect(part(el, 'status')!.textContent).to.equal('');
    });

    it('loads an HTML fragment, sanitized, with a loading state, then fires lede-load', async () => {
      const session = new EndpointSession();
      const url = await session.page('fragment', '<h2>Loaded</h2> <p>From a fragment.</p><img src=x onerror=alert(1)>');
      await session.fail('pages', { delay: 200 });
      const el = await fixture<LedeArticle>(html`<lede-article><p>Fallback.</p></lede-article>`);
      const loaded = oneEvent(el, 'lede-load');
      el.src = url;
      await el.updateComplete;
      expect(el.loading).to.be.true;
      expect(shadow(el).querySelector('article')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'status')!.textContent).to.equal('Loading the article…');
      expect(bodyText(el)).to.equal('');
      const event = await loaded;
      expect(event.detail).to.deep.equal({ src: url, kind: 'html' });
      expect(el.loading).to.be.false;
      expect(el.bodySource).to.equal('src');
      expect(bodyText(el)).to.equal('Loaded From a fragment.');
      expect(part(el, 'body')!.querySelector('[onerror]')).to.be.null;
      expect(part(el, 'status')!.textContent).to.equal('');
    });

    it('loads a Lede document (JSON) and takes the header from it unless attributes are set', async () => {
      const session = new EndpointSession();
      const doc = {
        headline: 'From the document',
        dek: 'Doc dek',
        byline: 'Doc Writer',
        published: '2026-01-02T00:00:00Z',
        body: '<p>Document body.</p>',
      };
      const url = await session.page('doc.json', JSON.stringify(doc), 'application/json');
      const el = await fixture<LedeArticle>(html`<lede-article byline="Attribute Writer"></lede-article>`);
      const loaded = oneEvent(el, 'lede-load');
      el.src = url;
      expect((await loaded).detail.kind).to.equal('document');
      expect(part(el, 'headline')!.textContent).to.equal('From the document');
      expect(part(el, 'dek')!.textContent).to.equal('Doc dek');
      expect(part(el, 'meta')!.textContent).to.contain('Attribute Writer');
      expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-02T00:00:00Z');
      expect(bodyText(el)).to.equal('Document body.');
    });

    const failures: [string, (session: EndpointSession) => Promise<string>, string, string][] = [
      ['HTTP error', async (s) => `${s.base}/pages/missing`, 'http', 'src'],
      ['network failure', async () => 'http://127.0.0.1:9/closed-port', 'network', 'src'],
      ['invalid JSON', async (s) => s.page('bad.json', '{"headline":', 'application/json'), 'invalid-json', 'src'],
      [
        'a document without body',
        async (s) => s.page('nobody.json', '{"headline":"H"}', 'application/json'),
        'invalid-document',
        'body',
      ],
      ['an unknown content type', async (s) => s.page('x.txt', 'plain', 'text/plain'), 'invalid-document', 'src'],
    ];
    for (const [name, make, code, field] of failures) {
      it(`reports ${name} as lede-error and keeps what it showed before`, async () => {
        const session = new EndpointSession();
        const good = await session.page('good', '<p>Shown before.</p>');
        const el = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
        const loaded = oneEvent(el, 'lede-load');
        el.src = good;
        await loaded;
        const failed = oneEvent(el, 'lede-error');
        el.src = await make(session);
        const error = await failed;
        await el.updateComplete;
        expect(error.detail).to.include({ code, field });
        expect(error.detail.message).to.match(/^<lede-article> /);
        expect(bodyText(el)).to.equal('Shown before.');
        expect(part(el, 'status')!.textContent).to.equal('The article could not be loaded.');
        expect(el.loading).to.be.false;
      });
    }

    it('ignores a response that arrives after src changed again', async () => {
      const session = new EndpointSession();
      const slow = await session.page('slow', '<p>Slow.</p>');
      const fast = await session.page('fast', '<p>Fast.</p>');
      await session.fail('pages', { delay: 300 });
      const el = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
      el.src = slow;
      await el.updateComplete;
      const loaded = oneEvent(el, 'lede-load');
      el.src = fast;
      expect((await loaded).detail.src).to.equal(fast);
      expect(bodyText(el)).to.equal('Fast.');
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark']) {
      it(`has no axe violations with everything shown, ${theme} theme`, async () => {
        const el = await fixture<LedeArticle>(
          html`<lede-article
            theme=${theme}
            toc
            reading-time
            headline="Headline"
            dek="Dek"
            byline="A. Writer"
            published="2026-11-18"
          >
            <h2>Part one</h2>
            <p>Text with <a href="#x">a link</a>.</p>
            <h3>Detail</h3>
            <blockquote><p>Quote</p></blockquote>
            <table>
              <tr>
                <th>k</th>
              </tr>
              <tr>
                <td>v</td>
              </tr>
            </table>
            <pre><code>x</code></pre>
          </lede-article>`,
        );
        await expectNoAxeViolations(el);
      });
    }

    it('has no axe violations while loading', async () => {
      const session = new EndpointSession();
      await session.fail('pages', { hang: true });
      const el = await fixture<LedeArticle>(html`<lede-article headline="H"><p>Fallback</p></lede-article>`);
      el.src = `${session.base}/pages/never`;
      await el.updateComplete;
      await expectNoAxeViolations(el);
      el.remove();
    });
  });
});
