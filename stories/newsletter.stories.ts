import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/newsletter/index.js';
import type { LedeNewsletter } from '../src/newsletter/newsletter.js';
import { darkPage, narrowPage, rtlPage, serifPage } from './helpers.js';

interface Args {
  action: string;
  provider: 'json' | 'form';
  heading?: string;
  text?: string;
  'button-label'?: string;
  'name-field': boolean;
  consent?: string;
  'success-message'?: string;
  list?: string;
  theme?: 'light' | 'dark';
}

// Stories answer signups from a stand-in endpoint in the page, so every state can be shown
// in a static Storybook too: /story-signup/ok, /refuse, /hang and /down (no network).
const STUB = '/story-signup/';
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  const path = url.includes(STUB) ? url.slice(url.indexOf(STUB) + STUB.length) : undefined;
  if (path === undefined) return realFetch(input, init);
  const json = (status: number, body: object) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  if (path === 'ok') return json(201, { message: 'Thanks! Check your inbox to confirm your subscription.' });
  if (path === 'refuse') return json(400, { error: 'This address is on the blocklist.' });
  if (path === 'down') return Promise.reject(new TypeError('Failed to fetch'));
  return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
};

const render = (args: Args) =>
  html`<lede-newsletter
    action=${args.action}
    provider=${args.provider}
    heading=${ifDefined(args.heading)}
    text=${ifDefined(args.text)}
    button-label=${ifDefined(args['button-label'])}
    ?name-field=${args['name-field']}
    consent=${ifDefined(args.consent)}
    success-message=${ifDefined(args['success-message'])}
    list=${ifDefined(args.list)}
    theme=${ifDefined(args.theme)}
    .delivery=${{ retries: 0, timeout: 60_000 }}
  ></lede-newsletter>`;

/** Types an address and submits, as a reader would; resolves once the status shows something. */
async function signUp(canvas: HTMLElement, email: string): Promise<LedeNewsletter> {
  const el = canvas.querySelector('lede-newsletter')!;
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[name=email]')!;
  input.value = email;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
  return el;
}

const meta: Meta<Args> = {
  title: 'Elements/Newsletter',
  component: 'lede-newsletter',
  render: (args) => serifPage(render(args)),
  args: {
    action: `${STUB}ok`,
    provider: 'json',
    heading: 'The Coastal Ledger weekly',
    text: "One email every Friday on ports, shipping and the coast's economy.",
    'name-field': false,
    list: 'weekly',
  },
  argTypes: {
    provider: { control: 'inline-radio', options: ['json', 'form'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Stories answer from a stand-in endpoint inside the page (`/story-signup/ok`, `refuse`, `hang`, `down`); the minimum fill time is off so that the stories can submit at once.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Idle: Story = {};

export const Invalid: Story = {
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'reader@example')),
  parameters: {
    docs: {
      description: {
        story:
          'The message sits beside the field (`aria-describedby`), the field is `aria-invalid`, and focus moves there.',
      },
    },
  },
};

export const Sending: Story = {
  args: { action: `${STUB}hang` },
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'reader@example.com')),
};

export const Success: Story = {
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'reader@example.com')),
};

export const Failed: Story = {
  args: { action: `${STUB}refuse` },
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'blocked@example.com')),
  parameters: {
    docs: { description: { story: "A 4xx answer: the endpoint's own message is shown, and the typed email stays." } },
  },
};

export const SavedOffline: Story = {
  args: { action: `${STUB}down` },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'later@example.com');
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    for (let i = 0; i < 100 && !/saved/.test(status.textContent ?? ''); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // The stand-in endpoint never comes back: forget the saved signup so other stories start clean.
    localStorage.removeItem('lede-outbox');
  },
  parameters: {
    docs: {
      description: {
        story:
          'No connection: the signup waits in the outbox (localStorage), the email stays in the field, and it is sent when the reader is back online or returns.',
      },
    },
  },
};

export const WithName: Story = { args: { 'name-field': true } };

export const WithConsent: Story = {
  args: { 'name-field': true, consent: 'I agree to receive the weekly newsletter and can unsubscribe at any time.' },
};

export const Dark: Story = { args: { theme: 'dark', 'name-field': true } };

export const OnADarkPage: Story = { render: (args) => darkPage(render(args)) };

export const RightToLeft: Story = {
  args: {
    heading: 'النشرة الأسبوعية',
    text: 'رسالة واحدة كل يوم جمعة عن الموانئ والشحن.',
    'button-label': 'اشترك',
    'name-field': true,
  },
  render: (args) => rtlPage(render(args)),
};

export const Narrow: Story = {
  args: { 'name-field': true, consent: 'I agree to receive the newsletter.' },
  render: (args) => narrowPage(render(args)),
};

export const FromAPlainForm: Story = {
  render: () =>
    serifPage(
      html`<lede-newsletter heading="Newsletter">
        <form action="${STUB}ok" method="post">
          <label>Email <input type="email" name="email" autocomplete="email" required /></label>
          <input type="hidden" name="list" value="weekly" />
          <button type="submit">Subscribe</button>
        </form>
      </lede-newsletter>`,
    ),
  parameters: {
    docs: {
      description: {
        story:
          'Progressive enhancement: without JavaScript the plain form posts; after upgrade its action and fields are the defaults.',
      },
    },
  },
};
