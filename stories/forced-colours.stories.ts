import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/newsletter/index.js';
import '../src/scenarios/index.js';
import { serifPage } from './helpers.js';

const meta: Meta = {
  title: 'Accessibility/Forced colours',
  parameters: {
    docs: {
      description: {
        component: `Forced colours (Windows contrast themes, and the like) replace every colour by the reader's
system colours and drop shadows and background images. Storybook cannot turn them on by itself: to see
this story as such a reader does, open the browser's developer tools, Rendering, and set "Emulate CSS media
feature forced-colors" to "active" (or turn on a contrast theme in Windows). What must survive: the
Subscribe button keeps its boundary (a transparent border that forced colours paint), and the chosen
scenario card keeps its highlight (an outline in \`Highlight\`), while the other cards have none.
\`test/a11y/forced-colours.test.ts\` checks both in the browser with forced colours emulated, and
\`npm run test:storybook\` opens this story with them emulated and keeps a screenshot.`,
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const NewsletterAndChosenScenario: Story = {
  render: () =>
    serifPage(
      html`<lede-newsletter action="/api/signup" heading="The Coastal Ledger weekly"></lede-newsletter>
        <lede-scenarios
          vote-endpoint="/api/votes"
          article-id="storybook-forced-colours"
          .scenarios=${[
            { id: 'rival-hubs', title: 'Rival hubs', summary: 'Greyhaven builds its second quay alone.' },
            { id: 'managed-decline', title: 'Managed decline', summary: 'The pact survives on paper.' },
          ]}
          .counts=${{ 'rival-hubs': 27, 'managed-decline': 12 }}
          .choice=${'rival-hubs'}
          .status=${'voted'}
        ></lede-scenarios>`,
    ),
};
