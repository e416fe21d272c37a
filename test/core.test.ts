import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define } from '../src/core/define.js';
import { format, mergeStrings } from '../src/core/strings.js';
import { resolveDir, resolveLang } from '../src/core/locale.js';
import { captureLedeErrors } from './helpers/errors.js';

describe('core', () => {
  describe('define()', () => {
    it('registers once, and warns instead of throwing when another copy defines the same tag', () => {
      class First extends HTMLElement {}
      class Second extends HTMLElement {}
      const warnings: unknown[] = [];
      const originalWarn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        define('lede-test-define', First);
        expect(() => define('lede-test-define', Second)).not.to.throw();
        define('lede-test-define', First);
      } finally {
        console.warn = originalWarn;
      }
      expect(customElements.get('lede-test-define')).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('<lede-test-define>');
    });
  });

  describe('captureLedeErrors() (the test helper)', () => {
    it("fails on a Lit dev-mode warning, not on the dev-mode banner or Lede's own warnings", () => {
      const quiet = captureLedeErrors();
      console.warn('[lede] <lede-x> field: a problem');
      console.warn(
        'Lit is in dev mode. Not recommended for production! See https://lit.dev/msg/dev-mode for more information.',
      );
      expect(quiet.warnings).to.deep.equal(['[lede] <lede-x> field: a problem']);
      expect(() => quiet.stop()).not.to.throw();

      const loud = captureLedeErrors();
      console.warn(
        'Element lede-x scheduled an update (generally because a property was set) after an update completed. See https://lit.dev/msg/change-in-update for more information.',
      );
      expect(() => loud.stop()).to.throw(/Lit warned during the test:\n.*change-in-update/);
    });

    it('lets a real Lit warning through to the element tests: a property set in updated() fails them', async () => {
      class Restless extends LitElement {
        static override properties = { n: { type: Number } };
        declare n: number;
        constructor() {
          super();
          this.n = 0;
        }
        protected override updated(): void {
          if (this.n < 1) this.n++;
        }
      }
      customElements.define('lede-test-restless', Restless);
      const errors = captureLedeErrors();
      const el = document.body.appendChild(new Restless());
      await el.updateComplete;
      await el.updateComplete;
      el.remove();
      expect(() => errors.stop()).to.throw(/change-in-update/);
    });
  });

  describe('strings', () => {
    it('merges known string keys and rejects the rest', () => {
      const { strings, rejected } = mergeStrings({ a: 'A', b: 'B' }, { a: 'x', c: 'y', b: 3 });
      expect(strings).to.deep.equal({ a: 'x', b: 'B' });
      expect(rejected).to.deep.equal(['c', 'b']);
      expect(mergeStrings({ a: 'A' }, 'text').rejected).to.have.length(1);
    });

    it('fills placeholders', () => {
      expect(format('{count} comments on {title}', { count: 3, title: 'T' })).to.equal('3 comments on T');
      expect(format('{missing}', {})).to.equal('{missing}');
    });
  });

  describe('locale', () => {
    it('finds lang and dir on ancestors, across shadow roots', () => {
      const outer = document.createElement('div');
      outer.lang = 'fr-CA';
      outer.dir = 'rtl';
      const host = document.createElement('div');
      outer.append(host);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      document.body.append(outer);
      expect(resolveLang(inner)).to.equal('fr-CA');
      expect(resolveDir(inner)).to.equal('rtl');
      outer.lang = 'not a language!';
      expect(resolveLang(inner)).to.equal('en');
      outer.remove();
    });
  });
});
