import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/scenarios/index.js';
import type { LedeScenarios, Scenario, ScenariosStrings, VoteStatus } from '../src/scenarios/scenarios.js';
import { darkPage, narrowPage, rtlPage, serifPage } from './helpers.js';

interface Args {
  heading?: string;
  'heading-level': number;
  theme?: 'light' | 'dark';
  'vote-endpoint'?: string;
  'article-id'?: string;
  scenarios?: Scenario[];
  counts?: Record<string, number>;
  choice?: string;
  status?: VoteStatus;
  strings?: Partial<ScenariosStrings>;
  closes?: string;
  'show-results'?: boolean;
}

const scenarios: Scenario[] = [
  {
    id: 'shared-terminals',
    title: 'Shared terminals, new terms',
    summary: 'The councils rewrite the pact so that the port that grows pays for its own expansion.',
  },
  {
    id: 'rival-hubs',
    title: 'Rival hubs',
    summary: 'Greyhaven builds its second quay alone and the joint sales office closes.',
  },
  {
    id: 'managed-decline',
    title: 'Managed decline',
    summary: 'The pact survives on paper while each port quietly courts its own customers.',
  },
];
const counts = { 'shared-terminals': 41, 'rival-hubs': 27, 'managed-decline': 12 };

// Each story votes about its own article, so a vote made in one story does not lock another.
// `/api/votes` is the stories' endpoint (msw, .storybook/network.ts), in `npm run storybook` and in
// the static build alike; `/api/votes-refused` refuses every vote, `/api/votes-failing` every GET.
const fresh = (name: string) => `storybook-${name}-${Math.random().toString(36).slice(2, 8)}`;

const render = (args: Args) =>
  html`<lede-scenarios
    heading=${ifDefined(args.heading)}
    heading-level=${args['heading-level']}
    theme=${ifDefined(args.theme)}
    vote-endpoint=${ifDefined(args['vote-endpoint'])}
    article-id=${ifDefined(args['article-id'])}
    .scenarios=${args.scenarios}
    .counts=${args.counts}
    .choice=${args.choice}
    .status=${args.status ?? 'idle'}
    .strings=${args.strings}
    closes=${ifDefined(args.closes)}
    ?show-results=${args['show-results']}
  ></lede-scenarios>`;

const meta: Meta<Args> = {
  title: 'Elements/Scenarios',
  component: 'lede-scenarios',
  render: (args) => serifPage(render(args)),
  args: { 'heading-level': 2, scenarios },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    status: { control: 'select', options: ['idle', 'sending', 'saved', 'voted', 'error'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Cards only: no `vote-endpoint`, so no buttons. */
export const WithoutVotes: Story = {};

export const WithVotes: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('vote') },
  parameters: {
    docs: {
      description: {
        story:
          'Live against the local endpoint: pick one and the shares appear. The vote is remembered in localStorage for this article id.',
      },
    },
  },
};

/** After a vote: the choice is pressed, every card shows its share as a bar and a percentage. */
export const Voted: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('voted'), choice: 'rival-hubs', counts, status: 'voted' },
};

export const Sending: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('sending'), status: 'sending' },
};

export const SavedOffline: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('saved'), choice: 'shared-terminals', status: 'saved' },
  parameters: {
    docs: {
      description: {
        story: 'The reader voted offline: the vote waits in the outbox and is sent when the browser is back online.',
      },
    },
  },
};

export const VoteError: Story = {
  name: 'Error',
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('error'), status: 'error' },
};

/** Clicks the vote button of a card, as a reader would. */
async function vote(canvas: HTMLElement, index: number): Promise<LedeScenarios> {
  const el = canvas.querySelector('lede-scenarios')!;
  await el.updateComplete;
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="vote"]')[index]!.click();
  for (let i = 0; i < 250 && (el.status === 'idle' || el.status === 'sending'); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
  return el;
}

export const VoteRefused: Story = {
  name: 'Vote refused by the endpoint',
  args: { 'vote-endpoint': '/api/votes-refused', 'article-id': fresh('refused') },
  play: async ({ canvasElement }) => void (await vote(canvasElement, 1)),
  parameters: {
    docs: {
      description: {
        story:
          'The endpoint refuses the vote (a 4xx with `{ error }`): its own message is shown in the status line, and the reader may try again.',
      },
    },
  },
};

export const CountsFailToLoad: Story = {
  name: 'Counts that fail to load',
  args: { 'vote-endpoint': '/api/votes-failing', 'article-id': 'storybook-counts-failing' },
  loaders: [
    async () => {
      // This reader voted on the article before, so the element fetches the counts, which fail.
      localStorage.setItem('lede-vote:storybook-counts-failing', 'rival-hubs');
      return {};
    },
  ],
  parameters: {
    docs: {
      description: {
        story:
          'A reader who voted before comes back and the counts cannot be loaded (503): the choice stays pressed, no shares are shown, and a `lede-error` tells the page.',
      },
    },
  },
};

export const Closed: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('closed'), closes: '2026-01-01T00:00:00Z' },
  parameters: {
    docs: {
      description: { story: 'After the `closes` date: every reader sees the results, and there are no vote buttons.' },
    },
  },
};

export const ShowResults: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('show-results'), 'show-results': true },
  parameters: {
    docs: { description: { story: '`show-results`: the shares are shown before (or without) a vote.' } },
  },
};

export const Long: Story = {
  args: {
    heading: 'What could happen to the port pact, the channel loan, the jobs and the silt over the next ten years',
    scenarios: Array.from({ length: 7 }, (_, i) => ({
      id: `s${i}`,
      title: `Scenario ${i + 1}: a title long enough to wrap over two lines or more`,
      summary:
        'A long summary that wraps over several lines, to show the rhythm of the grid when a writer has a lot to say, including averylongwordwithoutanybreakopportunitiesthatmustwrapanyway.',
    })),
    counts: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`s${i}`, i * 3])),
    choice: 's3',
    status: 'voted',
    'vote-endpoint': '/api/votes',
    'article-id': fresh('long'),
  },
};

export const Empty: Story = {
  args: { scenarios: [] },
  parameters: {
    docs: { description: { story: 'With no valid scenarios the element renders nothing and takes no space.' } },
  },
};

export const FromHtmlChildren: Story = {
  render: () =>
    serifPage(
      html`<lede-scenarios>
        <h2>What could happen next</h2>
        <ul>
          <li>
            <strong>Shared terminals, new terms:</strong> The councils rewrite the pact so that the port that grows pays
            for its own expansion.
          </li>
          <li>
            <strong>Rival hubs:</strong> Greyhaven builds its second quay alone and the joint sales office closes.
          </li>
          <li>
            <strong>Managed decline:</strong> The pact survives on paper while each port quietly courts its own
            customers.
          </li>
        </ul>
      </lede-scenarios>`,
    ),
  parameters: {
    docs: {
      description: {
        story:
          'The progressive-enhancement path: the list is in the page before JavaScript runs; ids are derived from the titles.',
      },
    },
  },
};

export const Narrow: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('narrow'), choice: 'rival-hubs', counts, status: 'voted' },
  render: (args) => narrowPage(render(args)),
};

export const Dark: Story = { args: { ...Voted.args, theme: 'dark', 'article-id': fresh('dark') } };

export const OnADarkPage: Story = {
  args: { 'vote-endpoint': '/api/votes', 'article-id': fresh('dark-page') },
  render: (args) => darkPage(render(args)),
};

export const RightToLeft: Story = {
  args: {
    heading: 'ماذا قد يحدث بعد ذلك',
    strings: { vote: 'الأرجح', share: '{percent} من الأصوات', results: 'شكرًا على تصويتك.' },
    scenarios: [
      { id: 'terms', title: 'شروط جديدة', summary: 'يعيد المجلسان كتابة الاتفاق.' },
      { id: 'rivals', title: 'مركزان متنافسان', summary: 'يبني غريهافن رصيفه الثاني وحده.' },
    ],
    counts: { terms: 3, rivals: 1 },
    choice: 'terms',
    status: 'voted',
    'vote-endpoint': '/api/votes',
    'article-id': fresh('rtl'),
  },
  render: (args) => rtlPage(render(args)),
};
