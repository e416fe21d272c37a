import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { LedeCommentPrompt } from '../../src/comment-prompt/comment-prompt.js';
import type { LedeNewsletter } from '../../src/newsletter/newsletter.js';
import { backdrop, borderContrast, contrast, emulateMedia, outlineContrast, textContrast } from '../helpers/a11y.js';
import { EndpointSession } from '../helpers/endpoint.js';
import { captureLedeErrors } from '../helpers/errors.js';

// Every element in the four combinations of page scheme and reader's system scheme, with and
// without `theme`: what a reader sees is measured from computed styles (WCAG contrast ratios).

const PAGES = {
  'light page': { color: '#1d1d1f', background: '#fbfaf7', colorScheme: '' },
  'dark page': { color: '#ebe9e4', background: '#141414', colorScheme: 'dark' },
  'dark page without color-scheme': { color: '#ebe9e4', background: '#141414', colorScheme: '' },
};
const SYSTEMS = ['light', 'dark'] as const;
const THEMES = [undefined, 'light', 'dark'] as const;

const TEXT = 4.5; // WCAG 1.4.3
const GRAPHIC = 3; // WCAG 1.4.11 and 2.4.13's minimum for focus indicators

const inner = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T & Element>(selector) as T;

/** Focuses an element and returns it, checking the browser shows its focus indicator. */
function focused(element: HTMLElement): HTMLElement {
  element.focus();
  expect(element.matches(':focus-visible'), `${element.outerHTML.slice(0, 60)} shows focus`).to.be.true;
  return element;
}

async function stage(theme: string | undefined) {
  const root = await fixture(
    html`<div>
      <lede-article toc theme=${theme ?? ''} headline="Ports">
        <h2 id="one">One</h2>
        <p>Text with <a href="#two">a link</a>.</p>
        <h2 id="two">Two</h2>
      </lede-article>
      <lede-key-points theme=${theme ?? ''} points='[{"title":"Jobs","text":"4,200"}]'></lede-key-points>
      <lede-scenarios theme=${theme ?? ''}></lede-scenarios>
      <lede-comment-prompt
        theme=${theme ?? ''}
        comments-href="#c"
        share="mastodon copy"
        url="https://example.org/a"
      ></lede-comment-prompt>
      <lede-newsletter theme=${theme ?? ''} action="/x"></lede-newsletter>
      <p>A listing line · <lede-comment-count theme=${theme ?? ''} count="3" href="#c"></lede-comment-count></p>
    </div>`,
  );
  for (const el of root.querySelectorAll('[theme=""]')) el.removeAttribute('theme');
  const scenarios = root.querySelector('lede-scenarios')!;
  Object.assign(scenarios, {
    voteEndpoint: new EndpointSession().url('votes'),
    articleId: `contrast-${Math.random()}`,
    scenarios: [
      { id: 'a', title: 'Rival hubs', summary: 'Two ports compete.' },
      { id: 'b', title: 'One hub', summary: 'They merge.' },
    ],
  });
  await scenarios.updateComplete;
  // A real vote, so that the results (the bars) show.
  const voted = oneEvent(scenarios, 'lede-voted');
  inner(scenarios, '[part="vote"]').click();
  await voted;
  await scenarios.updateComplete;
  const article = root.querySelector('lede-article')!;
  await waitUntil(() => inner(article, '[part="toc-link"]'), 'the table of contents shows');
  return root;
}

/** Every measure of one combination, by name. */
async function measure(root: Element): Promise<Record<string, number>> {
  const article = root.querySelector('lede-article')!;
  const keyPoints = root.querySelector('lede-key-points')!;
  const scenarios = root.querySelector('lede-scenarios')!;
  const prompt = root.querySelector<LedeCommentPrompt>('lede-comment-prompt')!;
  const newsletter = root.querySelector<LedeNewsletter>('lede-newsletter')!;
  const count = root.querySelector('lede-comment-count')!;
  await count.updateComplete;
  const countLink = inner(count, '[part~="link"]');
  const tocLink = inner(article, '[part="toc-link"]');
  const bar = inner(scenarios, 'svg');
  const vote = inner(scenarios, '[part="vote"]');
  const email = inner<HTMLInputElement>(newsletter, '[part="input"]');
  const button = inner(newsletter, '[part="button"]');
  // The Mastodon server field: opened by its share button.
  inner(prompt, '[data-network="mastodon"]').click();
  await prompt.updateComplete;
  const server = inner(prompt, '#server');
  // The copy field, shown when the clipboard is refused (comment-prompt.test.ts clicks its way there).
  Object.assign(prompt, { copyFallback: true });
  await prompt.updateComplete;
  const copyField = inner(prompt, '[part="copy-input"]');
  const m: Record<string, number> = {
    'TOC link text': textContrast(tocLink),
    'TOC link focus ring': outlineContrast(focused(tocLink)),
    'TOC rule': borderContrast(inner(article, '[part="toc"]')),
    'key-points rule': borderContrast(inner(keyPoints, 'section')),
    'vote bar on its track': contrast(getComputedStyle(bar).fill, backdrop(bar)),
    'vote bar on the card': contrast(getComputedStyle(bar).fill, backdrop(bar, false)),
    'vote button border': borderContrast(vote),
    'vote button focus ring': outlineContrast(focused(vote)),
    'comment link focus ring': outlineContrast(focused(inner(prompt, '[part="cta"]'))),
    'comment count link text': textContrast(countLink),
    'comment count focus ring': outlineContrast(focused(countLink)),
    'Mastodon field border': borderContrast(server),
    'Mastodon field focus ring': outlineContrast(focused(server)),
    'copy field border': borderContrast(copyField),
    'copy field focus ring': outlineContrast(focused(copyField)),
    'newsletter field border': borderContrast(email),
    'newsletter field focus ring': outlineContrast(focused(email)),
    'Subscribe text on its fill': textContrast(button),
    'Subscribe focus ring': outlineContrast(focused(button)),
  };
  // The invalid field: its error mark and, focused, its focus ring too.
  email.value = 'nope';
  button.click();
  await newsletter.updateComplete;
  m['invalid field error border'] = borderContrast(email);
  m['invalid field focus ring'] = outlineContrast(focused(email));
  // Both at once: the red border and a focus ring of another colour.
  const style = getComputedStyle(email);
  expect(style.outlineStyle).to.equal('solid');
  expect(style.outlineColor).not.to.equal(style.borderTopColor);
  return m;
}

describe('contrast in every page × system scheme, with and without theme', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => (errors = captureLedeErrors()));
  afterEach(async () => {
    errors.stop();
    await emulateMedia({});
    document.documentElement.removeAttribute('style');
  });

  for (const [pageName, page] of Object.entries(PAGES))
    for (const system of SYSTEMS)
      for (const theme of THEMES)
        it(`${pageName}, ${system} system, ${theme ? `theme="${theme}"` : 'no theme'}`, async () => {
          await emulateMedia({ 'prefers-color-scheme': system });
          Object.assign(document.documentElement.style, page);
          const m = await measure(await stage(theme));
          const failing = Object.entries(m).filter(([name, ratio]) => ratio < (name.endsWith('text') ? TEXT : GRAPHIC));
          expect(failing, 'measures under their minimum').to.deep.equal([]);
        });
});
