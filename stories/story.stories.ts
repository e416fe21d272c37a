import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import demo from '../demo/article.json';
import '../src/index.js';
import type { LedeDocument } from '../src/story/document.js';
import { serifPage } from './helpers.js';

interface Args {
  document: LedeDocument;
  'heading-level': number;
  theme?: 'light' | 'dark';
}

// The demo document points at lede-server's /v1 routes; Storybook answers with the in-memory test
// endpoint under /api.
const storybookDocument = {
  ...demo,
  scenarios: { ...demo.scenarios, voteEndpoint: '/api/votes' },
  commentPrompt: { ...demo.commentPrompt, countSrc: '/api/comments/count?articleId=lede-demo-ports' },
  newsletter: { ...demo.newsletter, action: '/api/signup' },
} as LedeDocument;

const meta: Meta<Args> = {
  title: 'Elements/Story',
  component: 'lede-story',
  render: (args) =>
    serifPage(
      html`<lede-story
        heading-level=${args['heading-level']}
        theme=${ifDefined(args.theme)}
        .document=${args.document}
      ></lede-story>`,
    ),
  args: { document: storybookDocument, 'heading-level': 1 },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
};
export default meta;

type Story = StoryObj<Args>;

export const FullDocument: Story = {
  parameters: {
    docs: {
      description: { story: 'Every part of the demo document. Parts whose element is not registered yet are skipped.' },
    },
  },
};

export const InvalidDocument: Story = {
  args: {
    document: {
      ...(demo as LedeDocument),
      published: 'last Tuesday',
      scenarios: { items: [...demo.scenarios.items, { id: 'bad', title: 42, summary: 'A title that is a number.' }] },
    } as unknown as LedeDocument,
  },
  parameters: {
    docs: {
      description: {
        story:
          'Each problem is a `lede-error` naming the path (`scenarios.items[3].title: must be a string, not a number`); the parts without problems still render.',
      },
    },
  },
};
