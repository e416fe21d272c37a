// Object.prototype carries the names of platform options before Lede loads (an old script, or a
// prototype-pollution bug elsewhere on the page). Every options bag Lede gives the platform or Lit
// has no prototype, so every element renders, listens, formats, fetches and votes as usual.
// (Polluted after load, and the data Lede reads: test/hostile.test.ts; the script-tag files:
// test/bundle/hostile.bundle-test.ts.)
import { unplant } from './helpers/pollute-options.js';
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { LedeArticle, LedeCommentPrompt, LedeScenarios } from '../src/index.js';
import { EndpointSession, until } from './helpers/endpoint.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('options bags on a page whose Object.prototype holds option names', () => {
  it('every element renders, slots, formats, listens and sends', async () => {
    const session = new EndpointSession();
    // Markup as a page has it: a Lit template here would itself render with polluted options.
    const page = document.createElement('div');
    page.innerHTML = `
      <lede-article headline="Port pact" published="2026-01-02T10:00:00Z" reading-time><p>Body text.</p></lede-article>
      <lede-key-points heading="Key points"><ul><li>One</li></ul></lede-key-points>
      <lede-scenarios article-id="port" vote-endpoint="${session.url('votes')}"><ul>
        <li><strong>Rival hubs:</strong> S</li><li><strong>Shared hub:</strong> S</li></ul></lede-scenarios>
      <lede-comment-prompt comments-href="#comments" count="3" share="x,copy"></lede-comment-prompt>
      <lede-newsletter action="${session.url('signup')}"></lede-newsletter>
      <div id="comments">Comments</div>`;
    document.body.append(page);
    const [article, keyPoints, scenarios, prompt, newsletter] = [...page.children] as HTMLElement[] as [
      LedeArticle,
      HTMLElement,
      LedeScenarios,
      LedeCommentPrompt,
      HTMLElement,
    ];
    const rendered: string[] = [];
    try {
      for (const el of [article, keyPoints, scenarios, prompt, newsletter]) {
        await (el as LedeArticle).updateComplete;
        if (shadow(el).querySelector('[part=base], form')) rendered.push(el.localName);
      }
      const slot = shadow(article).querySelector('slot')!;
      const dateText = shadow(article).querySelector('time')?.textContent ?? '';
      // Lit's own listener: a click votes (it would have been refused, or fired once only).
      shadow(scenarios).querySelector<HTMLButtonElement>('button[part=vote]')!.click();
      await until(() => scenarios.status === 'voted', 'the vote');
      const result = shadow(scenarios).querySelector('[part=result]')?.textContent ?? '';
      shadow(prompt).querySelector<HTMLAnchorElement>('[part=cta]')!.click();
      const focused = document.activeElement?.id;
      unplant();

      expect(rendered.join()).to.equal(
        'lede-article,lede-key-points,lede-scenarios,lede-comment-prompt,lede-newsletter',
      );
      expect(slot.assignedNodes().length).to.be.greaterThan(0);
      expect(dateText).to.contain('2026');
      expect(result).to.match(/100\s?%/);
      expect(focused).to.equal('comments');
      expect((await session.requests('votes')).length).to.equal(1);
    } finally {
      unplant();
      page.remove();
    }
  });
});
