import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { LedeScenarios } from '../../src/scenarios/scenarios.js';
import { backdrop, contrast, emulateMedia } from '../helpers/a11y.js';
import { EndpointSession } from '../helpers/endpoint.js';
import { captureLedeErrors } from '../helpers/errors.js';

// Windows High Contrast and other forced-colour modes replace every colour by the reader's
// system colours and drop shadows and background images: what marks a control must survive that.

const inner = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T & Element>(selector) as T;

describe('forced colours', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(async () => {
    errors = captureLedeErrors();
    await emulateMedia({ 'forced-colors': 'active' });
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
  });
  afterEach(async () => {
    errors.stop();
    await emulateMedia({});
  });

  it('the Subscribe button keeps a visible boundary', async () => {
    const el = await fixture(html`<lede-newsletter action="/x"></lede-newsletter>`);
    const button = inner(el, '[part="button"]');
    const style = getComputedStyle(button);
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
    expect(style.borderTopStyle).to.equal('solid');
    expect(contrast(style.borderTopColor, backdrop(button, false))).to.be.at.least(3);
  });

  it('the chosen scenario card keeps its highlight, the others have none', async () => {
    const el = await fixture<LedeScenarios>(
      html`<lede-scenarios
        .voteEndpoint=${new EndpointSession().url('votes')}
        article-id="forced-${Math.random()}"
        .scenarios=${[
          { id: 'a', title: 'Rival hubs', summary: 'Two ports compete.' },
          { id: 'b', title: 'One hub', summary: 'They merge.' },
        ]}
      ></lede-scenarios>`,
    );
    const voted = oneEvent(el, 'lede-voted');
    inner(el, '[part="vote"]').click();
    await voted;
    await el.updateComplete;
    const [chosen, other] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]')].map((card) =>
      getComputedStyle(card),
    );
    expect(chosen!.outlineStyle).to.equal('solid');
    expect(parseFloat(chosen!.outlineWidth)).to.be.at.least(2);
    expect(contrast(chosen!.outlineColor, backdrop(el))).to.be.at.least(3);
    expect(other!.outlineStyle).to.equal('none');
  });
});
