import { expect } from '@open-wc/testing';
import { define } from '../src/core/define.js';
import { format, mergeStrings } from '../src/core/strings.js';
import { resolveDir, resolveLang } from '../src/core/locale.js';

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
