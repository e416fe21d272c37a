import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import demo from '../demo/article.json';
import '../src/index.js';
import type { LedeDocument } from '../src/story/document.js';
import { serifPage, storybookDocument } from './helpers.js';

interface Args {
  document?: LedeDocument;
  src?: string;
  'heading-level': number;
  theme?: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/Story',
  component: 'lede-story',
  render: (args) =>
    serifPage(
      html`<lede-story
        heading-level=${args['heading-level']}
        theme=${ifDefined(args.theme)}
        src=${ifDefined(args.src)}
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
      ...storybookDocument,
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

export const FromSrc: Story = {
  name: 'From src',
  args: { document: undefined, src: '/api/documents/port-pact.json' },
  parameters: {
    docs: {
      description: { story: "The document comes from `src` (the stories' endpoint answers the demo document)." },
    },
  },
};

export const LoadingFromSrc: Story = {
  name: 'Loading from src',
  args: { document: undefined, src: '/api/documents/hanging.json' },
  parameters: {
    docs: {
      description: {
        story:
          'While `src` is fetched (this URL never answers), a polite one-line status says so ("Loading the story…"); the parts replace it when the document arrives.',
      },
    },
  },
};

export const FailingFromSrc: Story = {
  name: 'Failing from src',
  args: { document: undefined, src: '/api/documents/failing.json' },
  parameters: {
    docs: {
      description: {
        story:
          '`src` answers 500: a `lede-error` (`http`, field `src`) tells the page, and the status line says "The story could not be loaded."',
      },
    },
  },
};
