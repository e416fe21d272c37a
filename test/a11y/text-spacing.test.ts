import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { captureLedeErrors } from '../helpers/errors.js';

// WCAG 1.4.12: a reader's text-spacing stylesheet (line height 1.5, paragraph spacing 2em, letter
// spacing 0.12em, word spacing 0.16em) must reach the text inside the shadow roots, and nothing may
// be cut off. The usual bookmarklet's rules, plus the tokens docs/theming.md tells such a stylesheet to set.
const SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
  :root { --lede-line-height: 1.5; --lede-paragraph-spacing: 2em; --lede-letter-spacing: 0.12em; --lede-word-spacing: 0.16em; }
`;

type Upgradable = HTMLElement & { updateComplete: Promise<unknown> };

describe('text spacing overrides (WCAG 1.4.12)', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  let sheet: CSSStyleSheet;
  beforeEach(() => {
    errors = captureLedeErrors();
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SPACING);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  afterEach(() => {
    errors.stop();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  it('reaches every text inside the elements, controls included, and cuts nothing off', async () => {
    const root = await fixture(
      html`<div style="inline-size: 360px">
        <lede-article
          headline="Ports"
          dek="A dek."
          byline="Ada"
          .content=${'<h2>One</h2><p>First.</p><p>Second.</p>'}
        ></lede-article>
        <lede-key-points
          heading="Why it matters"
          points='[{"title":"Jobs","text":"4,200 people."},{"text":"Debt."}]'
        ></lede-key-points>
        <lede-scenarios
          vote-endpoint="/api/s/spacing/votes"
          article-id="spacing-${Math.random()}"
          .scenarios=${[{ id: 'a', title: 'Rival hubs', summary: 'They compete.' }]}
        ></lede-scenarios>
        <lede-comment-prompt
          prompt="What do you think?"
          count="3"
          comments-href="#c"
          share="copy"
          url="https://example.org/a"
        ></lede-comment-prompt>
        <lede-newsletter action="/x" text="Every Monday." consent="I agree"></lede-newsletter>
      </div>`,
    );
    const elements = [...root.children] as Upgradable[];
    await Promise.all(elements.map((el) => el.updateComplete));
    await Promise.all(elements.map((el) => el.updateComplete)); // The article sanitizes its content on a later update.
    let texts = 0;
    for (const el of elements) {
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, a, button, label, input')) {
        if (!node.textContent!.trim() && node.localName !== 'input') continue;
        const style = getComputedStyle(node);
        const size = parseFloat(style.fontSize);
        const where = `<${el.localName}> ${node.localName} "${node.textContent!.trim().slice(0, 20)}"`;
        expect(parseFloat(style.lineHeight) / size, `${where} line height`).to.be.closeTo(1.5, 0.01);
        expect(parseFloat(style.letterSpacing) / size, `${where} letter spacing`).to.be.closeTo(0.12, 0.01);
        expect(parseFloat(style.wordSpacing) / size, `${where} word spacing`).to.be.closeTo(0.16, 0.01);
        expect(node.scrollWidth, `${where} not cut off`).to.be.at.most(node.clientWidth + 1);
        texts++;
      }
    }
    expect(texts).to.be.above(20);
    // Paragraph spacing: between the comment prompt's question and its count, and in the article body.
    const prompt = root.querySelector('lede-comment-prompt')!.shadowRoot!;
    const question = prompt.querySelector('[part="prompt"]')!.getBoundingClientRect();
    const count = prompt.querySelector('[part="count"]')!.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(prompt.querySelector('[part="prompt"]')!).fontSize);
    expect((count.top - question.bottom) / size).to.be.at.least(2 - 0.01);
    const body = root.querySelector('lede-article')!.shadowRoot!.querySelector('[part="body"] p')!;
    expect(
      parseFloat(getComputedStyle(body).marginBlockEnd) / parseFloat(getComputedStyle(body).fontSize),
    ).to.be.closeTo(2, 0.01);
  });
});
