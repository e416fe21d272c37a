import { expect, fixture, html } from '@open-wc/testing';
import type { PropertyDeclarations } from 'lit';
import { LedeKeyPoints } from '../src/key-points/key-points.js';

const marker = Symbol('marker');

/** A publisher's subclass that declares its properties the older way: a static getter, one of them symbol-keyed. */
class PublisherPoints extends LedeKeyPoints {
  // Typed as Lit's declarations: LedeKeyPoints' own `properties` has a narrower literal type.
  static override get properties(): PropertyDeclarations & typeof LedeKeyPoints.properties {
    return { tone: { reflect: true }, [marker]: { attribute: false } } as never;
  }
  declare tone?: string;
  declare [marker]?: string;
  renders = 0;
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    this.renders++;
  }
}

describe('subclasses of the Lede classes', () => {
  it('a subclass with `static get properties()` and a symbol-keyed property defines, and every property is reactive', async () => {
    customElements.define('publisher-points', PublisherPoints);
    const el = await fixture<PublisherPoints>(
      html`<publisher-points heading="Why it matters" points='[{"text":"One"}]'></publisher-points>`,
    );
    expect(el.shadowRoot!.textContent).to.contain('Why it matters');
    el.tone = 'calm';
    await el.updateComplete;
    expect(el.getAttribute('tone'), 'declared reflect: true').to.equal('calm');
    const before = el.renders;
    el[marker] = 'x';
    await el.updateComplete;
    expect(el.renders, 'the symbol-keyed property re-renders').to.equal(before + 1);
    el.heading = 'Inherited still works';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Inherited still works');
  });
});
