import { expect, fixture } from '@open-wc/testing';
import { axTree } from '../helpers/a11y.js';
import { captureLedeErrors } from '../helpers/errors.js';

// Before the script has run (or without it), with lede.css: the elements are not defined here, as
// no element is imported. The `heading` attribute is CSS generated text, which a screen reader
// reads as text; only a child heading is a heading before upgrade.

const FALLBACK_CSS = ['/src/key-points/key-points.fallback.css', '/src/scenarios/scenarios.fallback.css'];

describe('before upgrade (lede.css)', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  let links: HTMLLinkElement[];
  before(async () => {
    links = await Promise.all(
      FALLBACK_CSS.map((href) => {
        const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
        const loaded = new Promise((resolve) => link.addEventListener('load', () => resolve(link), { once: true }));
        document.head.append(link);
        return loaded as Promise<HTMLLinkElement>;
      }),
    );
  });
  after(() => links.forEach((link) => link.remove()));
  beforeEach(() => (errors = captureLedeErrors()));
  afterEach(() => errors.stop());

  const read = async (text: string) => {
    const tree = await axTree();
    return {
      headings: tree.filter((n) => n.role === 'heading').map((n) => `h${n.level} ${n.name}`),
      texts: tree.filter((n) => n.role === 'StaticText' && n.name === text).length,
    };
  };

  for (const [tag, heading] of [
    ['lede-key-points', 'Why it matters'],
    ['lede-scenarios', 'What could happen next'],
  ] as const) {
    it(`<${tag} heading>: the attribute's text is shown and read once, as text, not as a heading`, async () => {
      const el = await fixture(
        `<${tag} heading="${heading}"><ul><li><strong>Jobs:</strong> 4,200 people.</li></ul></${tag}>`,
      );
      expect(customElements.get(tag)).to.equal(undefined);
      expect(getComputedStyle(el, '::before').content).to.equal(`"${heading}"`);
      expect(await read(heading)).to.deep.equal({ headings: [], texts: 1 });
    });

    it(`<${tag}> with a child heading: a real heading, not doubled by the attribute's text`, async () => {
      const el = await fixture(
        `<${tag} heading="${heading}"><h2>${heading}</h2><ul><li><strong>Jobs:</strong> 4,200 people.</li></ul></${tag}>`,
      );
      expect(getComputedStyle(el, '::before').content).to.equal('none');
      expect(await read(heading)).to.deep.equal({ headings: [`h2 ${heading}`], texts: 1 });
    });
  }
});
