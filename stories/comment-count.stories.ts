import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/comment-count/index.js';
import { darkPage, narrowPage, rtlPage, serifPage } from './helpers.js';

interface Args {
  'article-id'?: string;
  src?: string;
  href?: string;
  count?: number;
  theme?: 'light' | 'dark';
  /** The text child: what shows before the count arrives, and when it cannot be loaded. */
  text: string;
}

const render = (args: Args) =>
  html`<lede-comment-count
    article-id=${ifDefined(args['article-id'])}
    src=${ifDefined(args.src)}
    href=${ifDefined(args.href)}
    count=${ifDefined(args.count)}
    theme=${ifDefined(args.theme)}
    >${args.text}</lede-comment-count
  >`;

/** A listing line as a section page has it: headline, byline, then the count. */
const line = (args: Args, headline = 'The Aldermouth–Greyhaven port pact is fraying') =>
  html`<p style="margin:0">
    <a href="#" style="color:inherit;font-weight:700">${headline}</a><br />
    <span style="font-size:0.875em">By Maren Holt · ${render(args)}</span>
  </p>`;

const meta: Meta<Args> = {
  title: 'Elements/Comment count',
  component: 'lede-comment-count',
  render: (args) => serifPage(line(args)),
  args: {
    'article-id': 'port-pact',
    src: '/api/comments/counts',
    href: '#comments',
    text: 'Comments',
  },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    count: { control: { type: 'number', min: 0 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The stories’ endpoint (msw) answers `GET /api/comments/counts?articleId=a&articleId=b` with `{ "counts": { … } }`: `port-pact` 23, `ferry-strike` 1, `harbour-budget` 0, `dredging` 12480, any other article 0.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const FromSrc: Story = {
  name: 'Count from src',
  parameters: { docs: { description: { story: 'The count from the batched endpoint, as a link to the comments.' } } },
};

export const Loading: Story = {
  name: 'Loading: the text child shows',
  args: { src: '/api/comments/counts-hanging' },
  parameters: {
    docs: {
      description: {
        story: 'Until the endpoint answers, the element shows its own text child (here "Comments"): nothing is empty.',
      },
    },
  },
};

export const Zero: Story = { args: { src: undefined, count: 0 } };

export const One: Story = { args: { src: undefined, count: 1 } };

export const Many: Story = { args: { 'article-id': 'dredging' } };

export const AsText: Story = {
  name: 'Without href: plain text',
  args: { href: undefined, src: undefined, count: 7 },
};

export const LoadError: Story = {
  name: 'Error: the text stays',
  args: { src: '/api/comments/counts-failing' },
  parameters: {
    docs: {
      description: {
        story:
          'The endpoint answers 503 (after one retry): the text child stays, and one `lede-error` per request (not per element) tells the page.',
      },
    },
  },
};

export const Listing: Story = {
  name: 'A listing: one request for every count',
  render: (args) =>
    serifPage(
      html`<h2 style="font-size:1.1rem">More from the coast</h2>
        <ul style="display:grid;gap:0.75rem;padding:0;list-style:none">
          ${[
            ['port-pact', 'The Aldermouth–Greyhaven port pact is fraying'],
            ['ferry-strike', 'Ferry crews vote on a strike over winter timetables'],
            ['harbour-budget', 'Greyhaven’s harbour budget, line by line'],
            ['dredging', 'Why the channel silts up faster than the models said'],
          ].map(([id, headline]) => html`<li>${line({ ...args, 'article-id': id }, headline)}</li>`)}
        </ul>`,
    ),
  parameters: {
    docs: {
      description: {
        story:
          'Four counts, one `GET /api/comments/counts?articleId=port-pact&articleId=ferry-strike&…` (see the network panel).',
      },
    },
  },
};

export const Dark: Story = { args: { theme: 'dark' }, render: (args) => darkPage(line(args)) };

export const OnADarkPage: Story = { render: (args) => darkPage(line(args)) };

export const RightToLeft: Story = {
  args: { text: 'التعليقات' },
  render: (args) =>
    rtlPage(
      html`<p>
        ميناء ألدرماوث ·
        <lede-comment-count
          article-id=${ifDefined(args['article-id'])}
          src=${ifDefined(args.src)}
          href=${ifDefined(args.href)}
          .strings=${{ countNone: 'لا تعليقات', countOne: 'تعليق واحد', countTwo: 'تعليقان', countFew: '{n} تعليقات', countMany: '{n} تعليقًا', countOther: '{n} تعليق' }}
          >${args.text}</lede-comment-count
        >
      </p>`,
    ),
};

export const Narrow: Story = { render: (args) => narrowPage(line(args)) };

export const Long: Story = {
  name: 'Long text',
  args: { 'article-id': 'dredging' },
  render: (args) =>
    narrowPage(
      html`<p style="margin:0">
        <a href="#" style="color:inherit;font-weight:700"
          >Why the channel between Aldermouth and Greyhaven silts up faster than any of the models said it would</a
        ><br />
        <span style="font-size:0.875em"
          >By Maren Holt and the Coastal Ledger data desk ·
          <lede-comment-count
            article-id=${ifDefined(args['article-id'])}
            src=${ifDefined(args.src)}
            href=${ifDefined(args.href)}
            .strings=${{ countOther: '{n} comments from readers along the coast' }}
            >Comments</lede-comment-count
          ></span
        >
      </p>`,
    ),
};

export const Themed: Story = {
  render: (args) =>
    html`<div
      style="--lede-comment-count-link-color:#b3261e;--lede-comment-count-font-weight:700;--lede-comment-count-link-decoration:none;font-family:system-ui"
    >
      ${line(args)}
    </div>`,
};
