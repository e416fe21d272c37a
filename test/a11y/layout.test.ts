import { expect, fixture, html } from '@open-wc/testing';
import '../../src/article/index.js';
import '../../src/scenarios/index.js';
import type { LedeArticle } from '../../src/article/article.js';
import { captureLedeErrors } from '../helpers/errors.js';

// Layout that assistive settings and readers' languages depend on.

describe('layout for readers', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => (errors = captureLedeErrors()));
  afterEach(() => errors.stop());

  it('gives the publisher’s own headings (the HTML children) the scroll margin, so a sticky header does not hide them', async () => {
    const el = await fixture<LedeArticle>(
      html`<lede-article toc style="--lede-article-scroll-margin: 80px">
        <h2 id="one">One</h2>
        <p>Text.</p>
        <h3 id="two">Two</h3>
      </lede-article>`,
    );
    await el.updateComplete;
    for (const heading of el.querySelectorAll('h2, h3'))
      expect(getComputedStyle(heading).scrollMarginTop, heading.id).to.equal('80px');
  });

  it('hyphenates a German vote button in German, where it must break: hyphens follow the page’s lang into the shadow root', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <lede-scenarios
          vote-endpoint="/api/s/hyphens/votes"
          article-id="hyphens-${Math.random()}"
          .strings=${{ vote: 'Am wahrscheinlichsten' }}
          .scenarios=${[{ id: 's1', title: 'Szenario', summary: 'Kurz.' }]}
        ></lede-scenarios>
      </div>`,
    );
    const el = wrapper.querySelector('lede-scenarios')!;
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="vote"]')!;
    expect(button.matches(':lang(de)'), 'the button is in German').to.be.true;
    expect(getComputedStyle(button).hyphens).to.equal('auto');
  });
});
