import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/comment-prompt/index.js';
import { darkPage, narrowPage, rtlPage, serifPage } from './helpers.js';

interface Args {
  heading?: string;
  prompt?: string;
  'comments-href'?: string;
  count?: number;
  'count-src'?: string;
  share?: string;
  hashtag?: string;
  handle?: string;
  url?: string;
  title?: string;
  'heading-level': number;
  theme?: 'light' | 'dark';
}

const everyNetwork =
  'x bluesky mastodon linkedin threads facebook reddit whatsapp telegram pinterest email copy native';

const render = (args: Args) =>
  html`<lede-comment-prompt
    heading=${ifDefined(args.heading)}
    prompt=${ifDefined(args.prompt)}
    comments-href=${ifDefined(args['comments-href'])}
    count=${ifDefined(args.count)}
    count-src=${ifDefined(args['count-src'])}
    share=${ifDefined(args.share)}
    hashtag=${ifDefined(args.hashtag)}
    handle=${ifDefined(args.handle)}
    url=${ifDefined(args.url)}
    title=${ifDefined(args.title)}
    heading-level=${args['heading-level']}
    theme=${ifDefined(args.theme)}
  ></lede-comment-prompt>`;

/** The element of a story, once rendered. */
async function prompt(canvas: HTMLElement) {
  const el = canvas.querySelector('lede-comment-prompt')!;
  await el.updateComplete;
  return el;
}

/** Replaces a navigator member for the rest of the story (the clipboard the story stands in for). */
const standIn = (name: 'clipboard', value: unknown) =>
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });

const meta: Meta<Args> = {
  title: 'Elements/Comment prompt',
  component: 'lede-comment-prompt',
  render: (args) => serifPage(render(args)),
  args: {
    prompt: 'Should the two ports stay together? Tell us what you think will happen.',
    'comments-href': '#comments',
    count: 12,
    share: 'x bluesky mastodon email copy native',
    hashtag: 'TwinHarbours',
    url: 'https://example.org/news/port-pact-fraying',
    title: 'The Aldermouth–Greyhaven port pact is fraying',
    'heading-level': 2,
  },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    count: { control: { type: 'number', min: 0 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const ManyComments: Story = {};

export const NoComments: Story = { args: { count: 0 } };

export const OneComment: Story = { args: { count: 1 } };

export const FromCountSrc: Story = {
  args: { count: undefined, 'count-src': '/api/comments/count?articleId=lede-demo-ports' },
  parameters: {
    docs: {
      description: {
        story: 'The count comes from the stories\' endpoint (msw): `GET count-src` answers `{ "count": n }`.',
      },
    },
  },
};

export const CountLoading: Story = {
  args: { count: undefined, 'count-src': '/api/comments/count-hanging' },
  parameters: {
    docs: {
      description: {
        story:
          'While `count-src` has not answered, the count line is kept (empty) so nothing moves when the count arrives.',
      },
    },
  },
};

export const CountError: Story = {
  args: { count: undefined, 'count-src': 'data:application/json,{"count":' },
  parameters: {
    docs: {
      description: {
        story:
          'An unreadable answer (here bad JSON; also 404, a timeout or no network) shows no count and fires `lede-error`; everything else works.',
      },
    },
  },
};

export const CountFailsToLoad: Story = {
  name: 'Count that fails to load',
  args: { count: undefined, 'count-src': '/api/comments/count-failing' },
  parameters: {
    docs: {
      description: {
        story: 'The count endpoint answers 503: no count is shown, a `lede-error` tells the page, the rest works.',
      },
    },
  },
};

export const CountErrorWithFallback: Story = {
  args: { count: 9, 'count-src': 'data:application/json,{"count":' },
  parameters: {
    docs: { description: { story: 'When `count-src` fails, the `count` attribute stays as the fallback.' } },
  },
};

export const EveryShareNetwork: Story = {
  args: { share: everyNetwork, handle: 'coastalledger' },
  parameters: {
    docs: {
      description: {
        story:
          'Every network Lede knows. `native` shows only where the browser has the Web Share API; Mastodon asks for the reader’s server first.',
      },
    },
  },
};

export const MastodonPrompt: Story = {
  args: { share: 'mastodon bluesky' },
  play: async ({ canvasElement }) => {
    localStorage.removeItem('lede-mastodon');
    const el = canvasElement.querySelector('lede-comment-prompt')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-network="mastodon"]')!.click();
  },
  parameters: {
    docs: {
      description: {
        story:
          'Mastodon has no central share page: the reader names their server once (it is remembered in localStorage).',
      },
    },
  },
};

export const MastodonInvalidServer: Story = {
  name: 'Mastodon: an invalid server',
  args: { share: 'mastodon bluesky' },
  play: async ({ canvasElement }) => {
    localStorage.removeItem('lede-mastodon');
    const el = await prompt(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-network="mastodon"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('#server')!.value = 'not a server';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part="mastodon-form"]')!.requestSubmit();
    await el.updateComplete;
  },
  parameters: {
    docs: {
      description: {
        story: 'What the reader typed is not a server name: the field says so (`aria-invalid`), and keeps focus.',
      },
    },
  },
};

export const MastodonChangeServer: Story = {
  name: 'Mastodon: change server',
  args: { share: 'mastodon bluesky' },
  loaders: [
    async () => {
      localStorage.setItem('lede-mastodon', 'mastodon.social');
      return {};
    },
  ],
  parameters: {
    docs: {
      description: {
        story:
          'A server remembered from an earlier visit: the Mastodon link goes straight there, and "Change server" lets the reader pick another.',
      },
    },
  },
};

export const LinkCopied: Story = {
  name: 'Link copied',
  args: { share: 'copy email' },
  play: async ({ canvasElement }) => {
    standIn('clipboard', { writeText: async () => {} });
    const el = await prompt(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-network="copy"]')!.click();
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[role=status]')!.textContent; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
  },
  parameters: {
    docs: { description: { story: 'The link is on the clipboard: the polite live region says "Link copied".' } },
  },
};

export const CopyRefused: Story = {
  name: 'Clipboard refused: the read-only field',
  args: { share: 'copy email' },
  play: async ({ canvasElement }) => {
    standIn('clipboard', { writeText: async () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) });
    const el = await prompt(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-network="copy"]')!.click();
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part="copy-input"]'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
  },
  parameters: {
    docs: {
      description: {
        story:
          'The browser refuses the clipboard: the link is shown selected in a read-only field, with the keys to copy it.',
      },
    },
  },
};

export const RejectedJavascriptLink: Story = {
  name: 'A rejected javascript: comments link',
  args: { 'comments-href': 'javascript:alert(document.cookie)' },
  parameters: {
    docs: {
      description: {
        story:
          '`comments-href` is a `javascript:` URL: no call to action is shown, and a `lede-error` (`invalid-attribute`) names the attribute.',
      },
    },
  },
};

export const FromHtmlChildren: Story = {
  render: () =>
    serifPage(
      html`<lede-comment-prompt count="4" share="bluesky email copy">
        <h2>Have your say</h2>
        <p>Join the conversation: <a href="#comments">read and write comments</a>.</p>
      </lede-comment-prompt>`,
    ),
  parameters: {
    docs: {
      description: {
        story:
          'The progressive-enhancement path: before JavaScript the paragraph and its link show; after upgrade the heading and link are read from them.',
      },
    },
  },
};

export const Narrow: Story = { args: { share: everyNetwork }, render: (args) => narrowPage(render(args)) };

export const Dark: Story = { args: { theme: 'dark', share: everyNetwork } };

export const OnADarkPage: Story = { render: (args) => darkPage(render(args)) };

export const RightToLeft: Story = {
  args: {
    heading: 'انضم إلى النقاش',
    prompt: 'هل يجب أن يبقى الميناءان معًا؟',
    count: 3,
  },
  render: (args) =>
    rtlPage(
      html`<lede-comment-prompt
        heading=${ifDefined(args.heading)}
        prompt=${ifDefined(args.prompt)}
        comments-href="#comments"
        count=${ifDefined(args.count)}
        share="x bluesky email copy"
        url=${ifDefined(args.url)}
        .strings=${{ cta: 'اقرأ التعليقات واكتب تعليقك', countNone: 'كن أول من يعلّق', countOne: 'تعليق واحد', countTwo: 'تعليقان', countFew: '{n} تعليقات', countMany: '{n} تعليقًا', countOther: '{n} تعليق', share: 'مشاركة', copy: 'نسخ الرابط', email: 'البريد' }}
      ></lede-comment-prompt>`,
    ),
};

export const Themed: Story = {
  render: (args) =>
    html`<div
      style="--lede-accent-color:#b3261e;--lede-comment-prompt-background:#fff4f2;--lede-radius:0;font-family:system-ui"
    >
      ${render(args)}
    </div>`,
};
