import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { LedeStory } from '../../src/story/story.js';
import { axTree, type AxNode } from '../helpers/a11y.js';
import { EndpointSession } from '../helpers/endpoint.js';
import { captureLedeErrors } from '../helpers/errors.js';

// What a screen reader gets, read from Chromium's accessibility tree through the DevTools protocol.

const inner = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T & Element>(selector) as T;

/** The page's headings in reading order, as `h<level> <name>`. */
const outline = async () => (await axTree()).filter((n) => n.role === 'heading').map((n) => `h${n.level} ${n.name}`);

const byName = (nodes: AxNode[], role: string, name: string | RegExp) =>
  nodes.find((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));

const DOC = {
  headline: 'The port pact is fraying',
  url: 'https://example.org/news/port-pact',
  body: '<h2>How it was built</h2><p>Text.</p><h3>A detail</h3><p>Text.</p><h2>Where it cracks</h2><p>Text.</p>',
  keyPoints: { heading: 'Why it matters', items: [{ text: 'Jobs.' }] },
  scenarios: { heading: 'What next', items: [{ id: 'a', title: 'Rival hubs', summary: 'They compete.' }] },
  commentPrompt: { heading: 'Join in', commentsHref: '#comments' },
  newsletter: { action: '/api/signup', heading: 'Weekly' },
};

describe('the accessibility tree', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => (errors = captureLedeErrors()));
  afterEach(() => errors.stop());

  describe('<lede-story> outline', () => {
    async function story(level?: number) {
      const el = await fixture<LedeStory>(html`<lede-story .document=${DOC} heading-level=${level ?? 2}></lede-story>`);
      const parts = [...el.shadowRoot!.querySelectorAll('[part="base"] > *')] as (HTMLElement & {
        updateComplete: Promise<unknown>;
      })[];
      await Promise.all(parts.map((p) => p.updateComplete));
      await waitUntil(() => inner(parts[0]!, '[part="body"] h2'), 'the article body shows');
      return el;
    }

    it('puts the parts after the article beside its sections, not under its last one', async () => {
      await story(1);
      expect(await outline()).to.deep.equal([
        'h1 The port pact is fraying',
        'h2 Contents',
        'h2 How it was built',
        'h3 A detail',
        'h2 Where it cracks',
        'h2 Why it matters',
        'h2 What next',
        'h3 Rival hubs',
        'h2 Join in',
        'h2 Weekly',
      ]);
    });

    it('keeps the parts at the sections’ level with the default heading level', async () => {
      await story();
      const headings = await outline();
      expect(headings.filter((h) => /Why it matters|What next|Join in|Weekly/.test(h))).to.deep.equal([
        'h2 Why it matters',
        'h2 What next',
        'h2 Join in',
        'h2 Weekly',
      ]);
    });

    it('does not set title on the comment prompt (no tooltip over the box), yet shares the headline', async () => {
      const el = await story();
      const prompt = el.shadowRoot!.querySelector('lede-comment-prompt')!;
      expect(prompt.hasAttribute('title')).to.be.false;
      expect(prompt.shareData.title).to.equal(DOC.headline);
    });
  });

  describe('<lede-scenarios> vote buttons', () => {
    it('names each vote button by its scenario, the visible label first', async () => {
      await fixture(
        html`<lede-scenarios
          vote-endpoint=${new EndpointSession().url('votes')}
          article-id="names-${Math.random()}"
          .scenarios=${[
            { id: 'a', title: 'Rival hubs', summary: 'They compete.' },
            { id: 'b', title: 'A new deal', summary: 'They agree.' },
          ]}
        ></lede-scenarios>`,
      );
      const buttons = (await axTree()).filter((n) => n.role === 'button').map((n) => [n.name, n.description]);
      expect(buttons).to.deep.equal([
        ['Most likely: Rival hubs', ''],
        ['Most likely: A new deal', ''],
      ]);
    });
  });

  describe('<lede-newsletter> required fields', () => {
    it('exposes the email and consent as required, and says so on screen', async () => {
      const el = await fixture(html`<lede-newsletter action="/x" consent="I agree to the terms"></lede-newsletter>`);
      const tree = await axTree();
      expect(byName(tree, 'textbox', 'Email')?.required).to.be.true;
      // Chromium exposes no required state on checkboxes: the consent box is described by its mark.
      const consent = byName(tree, 'checkbox', 'I agree to the terms');
      expect(consent?.description).to.equal('(required)');
      expect(consent!.invalid, 'not invalid before the reader submits').to.equal('false');
      const marks = [...el.shadowRoot!.querySelectorAll('.required')].map((mark) => mark.textContent);
      expect(marks).to.deep.equal(['(required)', '(required)']);
      for (const mark of el.shadowRoot!.querySelectorAll<HTMLElement>('.required'))
        expect(mark.getBoundingClientRect().width).to.be.above(0);
    });

    it('leaves the optional name field unmarked', async () => {
      await fixture(html`<lede-newsletter action="/x" name-field></lede-newsletter>`);
      expect(byName(await axTree(), 'textbox', 'Name')?.required).to.be.false;
    });
  });
});
