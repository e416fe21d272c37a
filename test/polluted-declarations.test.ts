// Object.prototype carries the names of Lit's property options before Lede loads (`state`,
// `attribute`, `noAccessor`, `reflect`, `type`, `converter`, `hasChanged`…): Lit reads them from
// every declaration in `static properties` as it defines the elements. Each element still reads its
// attributes as written, re-renders when a property changes, and reflects only what it declares.
// (Option bags given to the platform: test/polluted-options.test.ts; the script-tag files:
// test/bundle/hostile.bundle-test.ts.)
import { unplant } from './helpers/pollute-declarations.js';
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { LedeCommentPrompt, LedeKeyPoints, LedeScenarios } from '../src/index.js';
import { EndpointSession, until } from './helpers/endpoint.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('property declarations on a page whose Object.prototype holds Lit’s option names', () => {
  it('attributes are read as written, properties re-render, nothing is reflected that is not declared so', async () => {
    const session = new EndpointSession();
    localStorage.clear(); // No vote remembered from another test file of this origin.
    // Markup as a page has it: a Lit template here would itself render with polluted options.
    const page = document.createElement('div');
    page.innerHTML = `
      <lede-key-points heading="Why it matters" heading-level="3"><ul><li>One</li></ul></lede-key-points>
      <lede-comment-prompt comments-href="#comments" count="3"></lede-comment-prompt>
      <lede-scenarios article-id="declarations" vote-endpoint="${session.url('votes')}"><ul>
        <li><strong>Rival hubs:</strong> S</li><li><strong>Shared hub:</strong> S</li></ul></lede-scenarios>
      <div id="comments">Comments</div>`;
    document.body.append(page);
    const [keyPoints, prompt, scenarios] = [...page.children] as [LedeKeyPoints, LedeCommentPrompt, LedeScenarios];
    const heading = () => shadow(keyPoints).querySelector('h1, h2, h3, h4, h5, h6');
    const seen: Record<string, string | undefined> = {};
    try {
      await keyPoints.updateComplete;
      await prompt.updateComplete;
      await scenarios.updateComplete;
      seen.attributes = `${heading()?.localName}: ${heading()?.textContent?.trim()}`;
      seen.count = shadow(prompt).querySelector('[part=count]')?.textContent?.trim();
      keyPoints.heading = 'From a property';
      await keyPoints.updateComplete;
      seen.property = heading()?.textContent?.trim();
      keyPoints.setAttribute('heading', 'From an attribute');
      await keyPoints.updateComplete;
      seen.attribute = heading()?.textContent?.trim();
      // Internal state (the vote's status) re-renders too.
      const vote = shadow(scenarios).querySelector<HTMLButtonElement>('button[part=vote]');
      vote?.click();
      if (vote) await until(() => scenarios.status === 'voted', 'the vote');
      await scenarios.updateComplete;
      seen.result = shadow(scenarios).querySelector('[part=result]')?.textContent?.trim().replace(/\s+/g, ' ');
      seen.reflected = [keyPoints, prompt, scenarios].map((el) => el.getAttributeNames().join(' ')).join(' / ');
    } finally {
      unplant();
      page.remove();
    }
    expect(seen).to.deep.equal({
      attributes: 'h3: Why it matters',
      count: '3 comments',
      property: 'From a property',
      attribute: 'From an attribute',
      result: '100% of votes',
      reflected: 'heading heading-level / comments-href count / article-id vote-endpoint',
    });
  });
});
