import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/newsletter/index.js';
import { enqueue } from '../src/core/outbox.js';
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

// Signups go to the stories' endpoint (msw, .storybook/network.ts), in `npm run storybook` and in
// the static build alike: /api/signup accepts, -refused refuses, -hanging never answers and
// -unreachable fails as a dropped connection does.
const API = '/api/signup';
// An email service on another origin (answers a no-cors probe, fails a CORS request as a browser
// does without CORS headers), and one that is down: .storybook/network.ts.
const SERVICE = 'https://harbour-mail.example/';
const DOWN = 'https://down.example/';

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
    action: API,
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
          "Stories answer from the stories' endpoint (msw): `/api/signup` accepts, `/api/signup-refused` refuses, `/api/signup-hanging` never answers, `/api/signup-unreachable` fails like a dropped connection.",
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
  args: { action: `${API}-hanging` },
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'reader@example.com')),
};

export const Success: Story = {
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'reader@example.com')),
};

export const Failed: Story = {
  args: { action: `${API}-refused` },
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'blocked@example.com')),
  parameters: {
    docs: { description: { story: "A 4xx answer: the endpoint's own message is shown, and the typed email stays." } },
  },
};

export const SavedOffline: Story = {
  args: { action: `${API}-unreachable` },
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

/** Resolves when the status line matches. */
async function statusShows(el: LedeNewsletter, pattern: RegExp): Promise<void> {
  const status = el.shadowRoot!.querySelector('[role=status]')!;
  for (let i = 0; i < 250 && !pattern.test(status.textContent ?? ''); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

export const ConsentNotTicked: Story = {
  args: { consent: 'I agree to receive the weekly newsletter and can unsubscribe at any time.' },
  play: async ({ canvasElement }) => void (await signUp(canvasElement, 'reader@example.com')),
  parameters: {
    docs: {
      description: {
        story:
          'The consent box must be ticked: the message sits beside it, the box is `aria-invalid`, focus moves there, and nothing is sent.',
      },
    },
  },
};

export const NotSentNotKept: Story = {
  name: 'Could not be sent or kept',
  args: { action: `${API}-unreachable` },
  play: async ({ canvasElement }) => {
    // A browser that refuses storage (private mode, quota): the outbox cannot keep the signup.
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'lede-outbox') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
    try {
      const el = await signUp(canvasElement, 'reader@example.com');
      await statusShows(el, /did not work/);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  },
  parameters: {
    docs: {
      description: {
        story:
          'No connection, and the browser refuses to keep the signup: the reader is told to try again, the typed email stays, and a `lede-error` (`network`) tells the page.',
      },
    },
  },
};

export const SentLaterFromOutbox: Story = {
  name: 'Sent later from the outbox',
  loaders: [
    async () => {
      // A signup saved on an earlier visit, while the reader was offline.
      localStorage.removeItem('lede-outbox');
      enqueue({
        channel: 'newsletter',
        request: {
          url: new URL(API, location.href).href,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'earlier@example.com', list: 'weekly', source: location.origin }),
        },
        idempotencyKey: `story-${Date.now()}`,
        meta: { email: 'earlier@example.com' },
      });
      return {};
    },
  ],
  parameters: {
    docs: {
      description: {
        story:
          'A signup kept in the outbox on an earlier visit is sent when the element connects: the saved address is shown, then the success message.',
      },
    },
  },
};

export const WithName: Story = { args: { 'name-field': true } };

export const RequiredFields: Story = {
  args: { 'name-field': true, consent: 'I agree to receive the weekly newsletter and can unsubscribe at any time.' },
  parameters: {
    docs: {
      description: {
        story:
          'The email and the consent box say "(required)" on screen. The email field is `required` for assistive technology (the mark is for the eye only); browsers expose no required state on a checkbox, so the consent box is described by its mark. The optional name field has no mark. Checked in test/a11y/tree.test.ts.',
      },
    },
  },
};

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
        <form action="${API}" method="post">
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

/** An email service's embed form on another origin, as a publisher pastes it; `target` keeps its answer in the story's frame. */
const serviceForm = (action: string, target = 'story-service') =>
  html`<form action=${action} method="post" target=${target}>
    <label>Email <input type="email" name="EMAIL" autocomplete="email" required /></label>
    <div aria-hidden="true" hidden><input type="text" name="b_abc_def" tabindex="-1" value="" /></div>
    <input type="submit" name="subscribe" value="Subscribe" />
  </form>`;

const serviceFrame = html`<iframe name="story-service" title="The email service's page" height="120"></iframe>`;

export const NativeSubmission: Story = {
  render: () =>
    serifPage(
      html`<lede-newsletter heading="Harbour Mail: partner offers" provider="native">
          ${serviceForm(API)}
        </lede-newsletter>
        ${serviceFrame}`,
    ),
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'reader@example.com');
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    for (let i = 0; i < 100 && !/Almost/.test(status.textContent ?? ''); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
  },
  parameters: {
    docs: {
      description: {
        story:
          "The publisher's own form (here an email service's embed code) is submitted by the browser after Lede's validation: the service's own page answers, in this tab or the form's `target` (the frame below). This is the default when the form posts to another origin.",
      },
    },
  },
};

export const OfflineNative: Story = {
  render: () =>
    serifPage(html`<lede-newsletter heading="Harbour Mail: partner offers">${serviceForm(SERVICE)}</lede-newsletter>`),
  play: async ({ canvasElement }) => {
    // The reader's browser is offline (simulated for this story only).
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await signUp(canvasElement, 'offline@example.com');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  },
  parameters: {
    docs: {
      description: {
        story:
          'Offline with a form the browser submits: the reader is told, the typed address stays, nothing is claimed as sent or saved (such a signup never goes into the outbox).',
      },
    },
  },
};

export const ServiceDown: Story = {
  render: () =>
    serifPage(
      html`<lede-newsletter heading="Harbour Mail: partner offers"
        >${serviceForm(`${DOWN}subscribe`)}</lede-newsletter
      >`,
    ),
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'down@example.com');
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    for (let i = 0; i < 100 && !/reached/.test(status.textContent ?? ''); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
  },
};

export const CorsFailure: Story = {
  args: { action: `${SERVICE}subscribe` },
  play: async ({ canvasElement }) => {
    const el = await signUp(canvasElement, 'reader@example.com');
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    for (let i = 0; i < 100 && /Sending/.test(status.textContent ?? ''); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
  },
  parameters: {
    docs: {
      description: {
        story:
          'A fetch-based provider (`json` here) pointed at an endpoint that answers without CORS headers: one attempt, then a `lede-error` and a console warning that name the fix (allow the origin, or `provider="native"`). The reader keeps the address; nothing goes into the outbox.',
      },
    },
  },
};

const CONSENT_HTML = 'I agree to receive the weekly newsletter. Read our <a href="#privacy">privacy policy</a>.';

export const ConsentWithALink: Story = {
  render: () =>
    serifPage(
      html`<lede-newsletter
          heading="The Coastal Ledger weekly"
          action=${API}
          consent-html=${CONSENT_HTML}
        ></lede-newsletter>
        <lede-newsletter heading="With the consent slot" action=${API}>
          <span slot="consent">I agree to the <a href="#privacy">privacy policy</a> of The Coastal Ledger.</span>
        </lede-newsletter>`,
    ),
  parameters: {
    docs: {
      description: {
        story:
          '`consent-html` (sanitized, links and text only) or a `consent` slot: the label links to the privacy policy, and `consentText` sends the text exactly as the reader saw it.',
      },
    },
  },
};
