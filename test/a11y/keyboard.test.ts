import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/comment-prompt/index.js';
import type { LedeCommentPrompt } from '../../src/comment-prompt/comment-prompt.js';
import { captureLedeErrors } from '../helpers/errors.js';

// Focus order and what is announced around the Mastodon prompt, as a keyboard and screen-reader user meets them.

const inner = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T & Element>(selector) as T;
const focused = (el: LedeCommentPrompt) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('the Mastodon prompt', () => {
  let errors: ReturnType<typeof captureLedeErrors>;
  beforeEach(() => {
    errors = captureLedeErrors();
    localStorage.removeItem('lede-mastodon');
  });
  afterEach(() => {
    errors.stop();
    localStorage.removeItem('lede-mastodon');
  });

  const prompt = () =>
    fixture<LedeCommentPrompt>(
      html`<lede-comment-prompt share="mastodon copy email" url="https://example.org/a"></lede-comment-prompt>`,
    );

  it('comes right after its button: Shift+Tab from the field goes back to that button, Tab leaves to the next link', async () => {
    const el = await prompt();
    const share = inner(el, '[data-network="mastodon"]');
    share.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'server', 'the field has focus');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)?.dataset.network, 'focus back on the Mastodon button').to.equal('mastodon');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.textContent!.trim(), 'the form’s own button').to.equal('Share');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.dataset.network).to.equal('copy');
  });

  it('gives focus back to "Change server" after Escape when that button opened it', async () => {
    localStorage.setItem('lede-mastodon', 'mastodon.social');
    const el = await prompt();
    const change = inner(el, '[part="mastodon-server"]');
    change.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'server', 'the field has focus');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(inner(el, '#server')).to.equal(null);
    expect(focused(el)?.getAttribute('part'), 'focus back on "Change server"').to.equal('mastodon-server');
  });

  it('announces a second identical invalid entry too', async () => {
    const el = await prompt();
    inner(el, '[data-network="mastodon"]').click();
    await waitUntil(() => inner(el, '#server'), 'the form shows');
    const region = inner(el, '#invalid');
    const announced: string[] = [];
    const observer = new MutationObserver(() => announced.push(region.textContent!));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    for (let i = 0; i < 2; i++) {
      inner<HTMLInputElement>(el, '#server').value = 'not a server';
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => announced.filter(Boolean).length === i + 1, `announcement ${i + 1}`);
    }
    observer.disconnect();
    expect(announced.filter(Boolean)).to.deep.equal([
      'Enter a server name, such as mastodon.social',
      'Enter a server name, such as mastodon.social',
    ]);
  });
});
