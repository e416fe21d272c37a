// Server rendering: every npm entry imports in Node (no `window` at module load), and
// @lit-labs/ssr renders each element as declarative shadow DOM (or, for the elements listed in
// SSR_UNSUPPORTED, is known not to). Run after the build.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { entries } from '../../scripts/entries.mjs';
import { readElements } from '../../scripts/manifest.mjs';

const dist = (name) => pathToFileURL(`dist/${name}.js`).href;

/**
 * Elements that @lit-labs/ssr cannot render yet, and why (kept in step with
 * docs/server-rendering.md). Empty: every element renders; the check stays for the next one.
 */
const SSR_UNSUPPORTED = {};

describe('importing in Node', () => {
  assert.ok(existsSync('dist/index.js'), 'run `npm run build` first');
  for (const name of Object.keys(entries)) {
    it(`imports dist/${name}.js without a DOM`, async () => {
      assert.equal(globalThis.window, undefined);
      const module = await import(dist(name));
      assert.ok(Object.keys(module).length > 0, 'the entry exports something');
      assert.equal(globalThis.window, undefined, 'no window global is left behind');
    });
  }
  it('exports the class of every element in the manifest from the root entry', async () => {
    const root = await import(dist('index'));
    for (const element of readElements()) assert.equal(typeof root[element.className], 'function', element.className);
  });
});

describe('declarative shadow DOM with @lit-labs/ssr', async () => {
  const { render } = await import('@lit-labs/ssr');
  const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
  const { html } = await import('lit');
  const { unsafeStatic, html: staticHtml } = await import('lit/static-html.js');
  await import(dist('index'));

  for (const { tagName } of readElements()) {
    const tag = unsafeStatic(tagName);
    const renderIt = () => collectResult(render(staticHtml`<${tag}></${tag}>`));
    if (tagName in SSR_UNSUPPORTED) {
      it(`<${tagName}> cannot be server-rendered yet, as docs/server-rendering.md says`, async () => {
        await assert.rejects(
          renderIt,
          undefined,
          `<${tagName}> renders on the server now: move it to the supported rows of docs/server-rendering.md and out of SSR_UNSUPPORTED`,
        );
      });
    } else {
      it(`renders <${tagName}> to a declarative shadow root without throwing`, async () => {
        assert.match(await renderIt(), /<template shadowroot="open" shadowrootmode="open">/);
      });
    }
  }

  it('renders <lede-key-points> from its points property: heading, list and lead-ins', async () => {
    const points = [
      { title: 'Jobs', text: 'About 4,200 people work at the ports.' },
      { text: 'A point without lead-in.' },
    ];
    const out = await collectResult(
      render(html`<lede-key-points heading="Why this matters" .points=${points}></lede-key-points>`),
    );
    assert.match(out, /<h2 [^>]*part="heading"><!--lit-part-->Why this matters/);
    // The build writes a static attribute value without quotes where HTML allows it (part=lead-in).
    assert.match(out, /<strong part="?lead-in"?><!--lit-part-->Jobs<!--\/lit-part-->:<\/strong>/);
    assert.match(out, /A point without lead-in\./);
  });

  it('renders <lede-key-points> from its points attribute', async () => {
    const out = await collectResult(
      render(html`<lede-key-points ordered points='[{"text":"From the attribute"}]'></lede-key-points>`),
    );
    assert.match(out, /<ol part="?list"?>.*From the attribute/s);
  });

  it('keeps HTML children visible through a slot: the server cannot read them', async () => {
    const out = await collectResult(
      render(
        html`<lede-key-points
          ><ul>
            <li>From a child</li>
          </ul></lede-key-points
        >`,
      ),
    );
    assert.match(out, /<slot><\/slot>/);
    assert.match(out, /<\/template><ul>\s*<li>From a child<\/li>\s*<\/ul><\/lede-key-points\s*>/);
  });

  it('renders <lede-article> with its header and its children slotted; content and src wait for the browser', async () => {
    const out = await collectResult(
      render(
        html`<lede-article
          headline="Port pact"
          dek="Two towns"
          byline="A. Writer"
          published="2026-01-02"
          reading-time
          toc
          .content=${'<h2>Later</h2>'}
          ><p>From a child</p></lede-article
        >`,
      ),
    );
    assert.match(out, /<h2 id="[^"]+" part="headline"><!--lit-part-->Port pact/);
    assert.match(out, /<p part="?dek"?><!--lit-part-->Two towns/);
    assert.match(out, /<time datetime="2026-01-02"><!--lit-part-->January 2, 2026/);
    assert.match(out, /<div part="?body"? class="?body"?><!--lit-part[^>]*--><slot><\/slot>/);
    assert.doesNotMatch(out, /Later/, 'untrusted content is sanitized in the browser only');
    assert.doesNotMatch(out, /min read/, 'the reading time needs the body');
    assert.match(out, /<\/template><p>From a child<\/p><\/lede-article\s*>/);
  });

  it('renders <lede-comment-prompt> with its count, link and share links for the given url', async () => {
    const out = await collectResult(
      render(
        html`<lede-comment-prompt
          heading="Join"
          count="3"
          comments-href="#comments"
          share="x copy native"
          url="https://example.org/a"
          title="T"
        ></lede-comment-prompt>`,
      ),
    );
    assert.match(out, /<p part="?count"?><!--lit-part-->3 comments/);
    assert.match(out, /<a part="?cta"? href="#comments"/);
    assert.match(
      out,
      /data-network="x" href="https:\/\/x\.com\/intent\/post\?text=T&amp;url=https%3A%2F%2Fexample\.org%2Fa"/,
    );
    assert.doesNotMatch(out, /data-network="native"/, 'the Web Share API is known only in the browser');
  });

  it('renders <lede-comment-prompt> without share links when the server does not know the url', async () => {
    const out = await collectResult(render(html`<lede-comment-prompt share="x"></lede-comment-prompt>`));
    assert.match(out, /Join the conversation/);
    assert.doesNotMatch(out, /share-list/);
  });

  it('renders <lede-newsletter> with its labelled form', async () => {
    const out = await collectResult(
      render(
        html`<lede-newsletter
          action="/api/signup"
          heading="The weekly"
          name-field
          consent="I agree"
        ></lede-newsletter>`,
      ),
    );
    assert.match(out, /<h2 id="heading" part="heading"><!--lit-part-->The weekly/);
    assert.match(out, /<label for="?email"?>(<!--[^>]*-->)?Email/);
    assert.match(out, /<input [^>]*type="?email"? name="?email"?/);
    assert.match(out, /<label for="?consent"?>(<slot name="?consent"?>)?(<!--[^>]*-->)?I agree/);
    assert.match(out, /<button part="?button"? type="?submit"?/);
  });

  it('renders <lede-story> from a document: every part, each with its own declarative shadow root, and sends no request', async () => {
    const { readFileSync } = await import('node:fs');
    const document = JSON.parse(readFileSync('demo/article.json', 'utf8'));
    const requests = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input) => {
      requests.push(String(input));
      return Promise.reject(new TypeError('no network on the server'));
    };
    try {
      const out = await collectResult(render(html`<lede-story .document=${document}></lede-story>`));
      for (const tag of [
        'lede-article',
        'lede-key-points',
        'lede-scenarios',
        'lede-comment-prompt',
        'lede-newsletter',
      ]) {
        assert.match(out, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`), tag);
      }
      assert.ok(out.includes(document.keyPoints.items[0].text), 'the key points are in the markup');
      // The elements start their requests (vote counts, a comment count) a task after rendering.
      await new Promise((resolve) => setTimeout(resolve));
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.deepEqual(requests, [], 'nothing is fetched on the server');
  });

  it("renders <lede-story src> without fetching it or reporting a problem: src is the browser's", async () => {
    const requests = [];
    const warnings = [];
    const realFetch = globalThis.fetch;
    const warn = console.warn;
    globalThis.fetch = (input) => {
      requests.push(String(input));
      return Promise.reject(new TypeError('no network on the server'));
    };
    console.warn = (...args) => warnings.push(args.join(' '));
    try {
      const out = await collectResult(render(html`<lede-story src="/stories/port-pact.json"></lede-story>`));
      assert.match(
        out,
        /<lede-story\s+src="\/stories\/port-pact\.json"><template shadowroot="open" shadowrootmode="open">/,
      );
      await new Promise((resolve) => setTimeout(resolve));
    } finally {
      globalThis.fetch = realFetch;
      console.warn = warn;
    }
    assert.deepEqual(requests, []);
    assert.deepEqual(warnings, []);
  });
});
