import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/key-points/index.js';
import type { KeyPoint } from '../src/key-points/key-points.js';
import { darkPage, narrowPage, rtlPage, serifPage } from './helpers.js';

interface Args {
  heading?: string;
  ordered: boolean;
  'heading-level': number;
  theme?: 'light' | 'dark';
  points?: KeyPoint[];
}

const points: KeyPoint[] = [
  { title: 'Jobs', text: 'About 4,200 people work in port operations across the two towns.' },
  { title: 'Shared debt', text: 'A 310 million channel loan binds both councils until 2044.' },
  { title: 'A model for others', text: 'Three other coastal regions are studying the pact.' },
];

const render = (args: Args) =>
  html`<lede-key-points
    heading=${ifDefined(args.heading)}
    heading-level=${args['heading-level']}
    theme=${ifDefined(args.theme)}
    ?ordered=${args.ordered}
    .points=${args.points}
  ></lede-key-points>`;

const meta: Meta<Args> = {
  title: 'Elements/Key points',
  component: 'lede-key-points',
  render: (args) => serifPage(render(args)),
  args: { heading: 'Why this matters', ordered: false, 'heading-level': 2, points },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Ordered: Story = { args: { heading: 'Lessons for regional partnerships', ordered: true } };

export const WithoutLeadIns: Story = {
  args: {
    points: [
      { text: 'Both ports keep their own harbour masters.' },
      { text: 'The shared booking system stays until 2027.' },
    ],
  },
};

export const Long: Story = {
  args: {
    heading: 'Everything you need to know about the port pact, the channel loan, the elections and the silt',
    points: Array.from({ length: 12 }, (_, i) => ({
      title: `Point ${i + 1}`,
      text: 'A long point that wraps over several lines, to show the rhythm of the list when a writer has a lot to say about a subject that matters to readers, including averylongwordwithoutanybreakopportunitiesthatmustwrapanyway.',
    })),
  },
};

export const Empty: Story = {
  args: { points: [] },
  parameters: {
    docs: { description: { story: 'With no valid points the element renders nothing and takes no space.' } },
  },
};

export const FromHtmlChildren: Story = {
  render: () =>
    serifPage(
      html`<lede-key-points heading="Why this matters">
        <ul>
          <li><strong>Jobs:</strong> About 4,200 people work in port operations.</li>
          <li><strong>Shared debt:</strong> The channel loan runs until 2044.</li>
          <li>A point without a lead-in.</li>
        </ul>
      </lede-key-points>`,
    ),
  parameters: {
    docs: {
      description: { story: 'The progressive-enhancement path: the list is in the page before JavaScript runs.' },
    },
  },
};

export const InvalidInput: Story = {
  args: {
    points: [{ text: 'A valid point is still shown.' }, { title: 'No text' } as KeyPoint, 42 as unknown as KeyPoint],
  },
  parameters: {
    docs: {
      description: { story: 'Invalid items are skipped and reported as `lede-error` events; the valid ones render.' },
    },
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const OnADarkPage: Story = { render: (args) => darkPage(render(args)) };

export const RightToLeft: Story = {
  args: {
    heading: 'لماذا يهم هذا',
    points: [
      { title: 'الوظائف', text: 'يعمل نحو 4200 شخص في تشغيل الميناءين.' },
      { title: 'الدين المشترك', text: 'قرض القناة يربط المجلسين حتى عام 2044.' },
    ],
  },
  render: (args) => rtlPage(render(args)),
};

export const Narrow: Story = { render: (args) => narrowPage(render(args)) };

export const Themed: Story = {
  render: (args) =>
    html`<div
      style="--lede-accent-color:#b3261e;--lede-key-points-background:#fff4f2;--lede-radius:0;font-family:system-ui"
    >
      ${render(args)}
    </div>`,
};
