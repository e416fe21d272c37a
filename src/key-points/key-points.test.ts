import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../test/helpers/axe.js';
import { captureLedeErrors } from '../../test/helpers/errors.js';
import './index.js';
import type { LedeKeyPoints } from './key-points.js';

const shadow = (el: LedeKeyPoints) => el.shadowRoot!;
const items = (el: LedeKeyPoints) =>
  [...shadow(el).querySelectorAll('[part="item"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const leadIns = (el: LedeKeyPoints) => [...shadow(el).querySelectorAll('[part="lead-in"]')].map((b) => b.textContent);

describe('<lede-key-points>', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    errors = captureLedeErrors();
  });
  afterEach(() => errors.stop());

  describe('data sources', () => {
    it('renders from HTML children, taking bold lead-ins as titles', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points>
          <ul>
            <li><strong>Jobs:</strong> 4,200 people work at the ports.</li>
            <li>No lead-in here.</li>
            <li><b>Debt</b> — the loan runs to 2044.</li>
          </ul>
        </lede-key-points>`,
      );
      expect(el.source).to.equal('children');
      expect(leadIns(el)).to.deep.equal(['Jobs:', 'Debt:']);
      expect(items(el)).to.deep.equal([
        'Jobs: 4,200 people work at the ports.',
        'No lead-in here.',
        'Debt: the loan runs to 2044.',
      ]);
      expect(shadow(el).querySelector('ul[part="list"]')).to.exist;
      expect(errors.details).to.have.length(0);
    });

    it('numbers the points when the children list is an <ol>, and takes the heading from a child heading', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points
          ><h3>Lessons</h3>
          <ol>
            <li>One</li>
            <li>Two</li>
          </ol></lede-key-points
        >`,
      );
      expect(shadow(el).querySelector('ol[part="list"]')).to.exist;
      expect(shadow(el).querySelector('[part="heading"]')!.textContent).to.equal('Lessons');
    });

    it('renders from the points attribute (JSON) over the children', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points points='[{"title":"From","text":"the attribute"}]'
          ><ul>
            <li>child</li>
          </ul></lede-key-points
        >`,
      );
      expect(el.source).to.equal('attribute');
      expect(items(el)).to.deep.equal(['From: the attribute']);
    });

    it('renders from the points property over the attribute and the children', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points points='[{"text":"attribute"}]'
          ><ul>
            <li>child</li>
          </ul></lede-key-points
        >`,
      );
      el.points = [{ title: 'From', text: 'the property' }, { text: 'second' }];
      await el.updateComplete;
      expect(el.source).to.equal('property');
      expect(items(el)).to.deep.equal(['From: the property', 'second']);
      el.points = undefined;
      await el.updateComplete;
      expect(el.source).to.equal('attribute');
    });

    it('re-renders when the children change after upgrade', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points
          ><ul>
            <li>first</li>
          </ul></lede-key-points
        >`,
      );
      const li = document.createElement('li');
      li.textContent = 'added later';
      el.querySelector('ul')!.append(li);
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(items(el)).to.deep.equal(['first', 'added later']);
    });

    it('renders plain text, never HTML, from the property', async () => {
      const el = await fixture<LedeKeyPoints>(html`<lede-key-points></lede-key-points>`);
      el.points = [{ title: '<img src=x onerror=alert(1)>', text: '<b>not bold</b>' }];
      await el.updateComplete;
      expect(shadow(el).querySelector('img, b')).to.be.null;
      expect(items(el)[0]).to.contain('<b>not bold</b>');
    });
  });

  describe('semantics and options', () => {
    it('is a section labelled by its heading, with a real list', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points heading="Why this matters"
          ><ul>
            <li>A</li>
            <li>B</li>
          </ul></lede-key-points
        >`,
      );
      const section = shadow(el).querySelector('section')!;
      const heading = shadow(el).querySelector('h2')!;
      expect(heading.textContent).to.equal('Why this matters');
      expect(section.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(shadow(el).querySelectorAll('ul > li')).to.have.length(2);
    });

    it('defaults the heading to "Key points" and lets strings replace it', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points
          ><ul>
            <li>A</li>
          </ul></lede-key-points
        >`,
      );
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Key points');
      el.setAttribute('strings', '{"heading":"Points clés"}');
      await el.updateComplete;
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Points clés');
      el.strings = { heading: 'Kernpunkte' };
      await el.updateComplete;
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Kernpunkte');
    });

    it('uses heading-level for the heading', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points heading-level="4"
          ><ul>
            <li>A</li>
          </ul></lede-key-points
        >`,
      );
      expect(shadow(el).querySelector('h4')).to.exist;
    });

    it('numbers the points with the ordered attribute', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points ordered .points=${[{ text: 'A' }]}></lede-key-points>`,
      );
      expect(shadow(el).querySelector('ol[part="list"] > li[part="item"]')).to.exist;
    });

    it('renders nothing and reports nothing when it has no points', async () => {
      const el = await fixture<LedeKeyPoints>(html`<lede-key-points></lede-key-points>`);
      expect(shadow(el).querySelector('section')).to.be.null;
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(errors.details).to.have.length(0);
    });

    it('adds no tab stop of its own: Tab goes from the page straight to slotted footer links', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <button id="before">before</button>
          <lede-key-points
            ><ul>
              <li>A</li>
            </ul>
            <a slot="footer" href="#src" id="source">Source</a></lede-key-points
          >
        </div>`,
      );
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('source');
    });
  });

  describe('bad input', () => {
    it('reports a points value that is not an array and renders nothing from it', async () => {
      const el = await fixture<LedeKeyPoints>(html`<lede-key-points></lede-key-points>`);
      el.points = 'nope' as never;
      await el.updateComplete;
      expect(errors.details).to.have.length(1);
      expect(errors.details[0]).to.include({ code: 'invalid-property', field: 'points' });
      expect(errors.details[0]!.message).to.match(/<lede-key-points> points: must be an array/);
      expect(errors.warnings[0]).to.contain('<lede-key-points>');
    });

    it('skips an item without text, names it by its path, and renders the valid ones', async () => {
      const el = await fixture<LedeKeyPoints>(html`<lede-key-points></lede-key-points>`);
      el.points = [
        { text: 'good' },
        { title: 'No text' } as never,
        42 as never,
        { title: 7, text: 'kept without title' } as never,
      ];
      await el.updateComplete;
      expect(items(el)).to.deep.equal(['good', 'kept without title']);
      expect(errors.details.map((d) => d.field)).to.deep.equal(['points[1].text', 'points[2]', 'points[3].title']);
    });

    it('reports invalid JSON in the points attribute and falls back to the children', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points points="[{oops"
          ><ul>
            <li>fallback</li>
          </ul></lede-key-points
        >`,
      );
      expect(errors.details[0]).to.include({ code: 'invalid-json', field: 'points attribute' });
      expect(items(el)).to.deep.equal(['fallback']);
    });

    it('reports garbage children and keeps the list items it can read', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points
          ><div>junk</div>
          <ul>
            <li>ok</li>
            <p>not an li</p>
            <li></li></ul
        ></lede-key-points>`,
      );
      expect(items(el)).to.deep.equal(['ok']);
      expect(errors.details.every((d) => d.code === 'invalid-children')).to.be.true;
      expect(errors.details).to.have.length(3);
    });

    it('reports a bad heading-level and falls back to 2', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points heading-level="9"
          ><ul>
            <li>A</li>
          </ul></lede-key-points
        >`,
      );
      expect(shadow(el).querySelector('h2')).to.exist;
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'heading-level' });
      el.setAttribute('heading-level', 'three');
      await el.updateComplete;
      expect(shadow(el).querySelector('h2')).to.exist;
      expect(errors.details).to.have.length(2);
    });

    it('reports unknown strings keys and bad strings JSON without breaking', async () => {
      const el = await fixture<LedeKeyPoints>(
        html`<lede-key-points strings="{bad"
          ><ul>
            <li>A</li>
          </ul></lede-key-points
        >`,
      );
      expect(errors.details[0]).to.include({ code: 'invalid-json', field: 'strings' });
      el.strings = { nope: 'x' } as never;
      await el.updateComplete;
      expect(errors.details[1]!.message).to.contain('nope');
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Key points');
    });

    it('reports an unknown theme', async () => {
      await fixture<LedeKeyPoints>(
        html`<lede-key-points theme="purple"
          ><ul>
            <li>A</li>
          </ul></lede-key-points
        >`,
      );
      expect(errors.details[0]).to.include({ code: 'invalid-attribute', field: 'theme' });
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark']) {
      it(`has no axe violations in the ${theme} theme`, async () => {
        const el = await fixture<LedeKeyPoints>(
          html`<lede-key-points theme=${theme} heading="Why this matters">
            <ol>
              <li><strong>Jobs:</strong> 4,200 people.</li>
              <li>Plain point.</li>
            </ol>
          </lede-key-points>`,
        );
        await expectNoAxeViolations(el);
      });
    }

    it('has no axe violations inheriting a dark page', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background:#111;color:#eee;padding:1rem">
          <lede-key-points
            ><ul>
              <li><strong>Lead:</strong> text</li>
            </ul></lede-key-points
          >
        </div>`,
      );
      await expectNoAxeViolations(wrapper);
    });
  });
});
