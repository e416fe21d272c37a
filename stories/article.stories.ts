/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import demo from '../demo/article.json';
import documentUrl from '../demo/article.json?url';
import '../src/article/index.js';
import { darkPage, narrowPage, rtlPage, serifPage } from './helpers.js';

interface Args {
  headline?: string;
  dek?: string;
  byline?: string;
  published?: string;
  updated?: string;
  src?: string;
  content?: string;
  toc: boolean;
  'reading-time': boolean;
  'heading-level': number;
  theme?: 'light' | 'dark';
}

const render = (args: Args) =>
  html`<lede-article
    headline=${ifDefined(args.headline)}
    dek=${ifDefined(args.dek)}
    byline=${ifDefined(args.byline)}
    published=${ifDefined(args.published)}
    updated=${ifDefined(args.updated)}
    src=${ifDefined(args.src)}
    heading-level=${args['heading-level']}
    theme=${ifDefined(args.theme)}
    ?toc=${args.toc}
    ?reading-time=${args['reading-time']}
    .content=${args.content}
  ></lede-article>`;

const header = {
  headline: demo.headline,
  dek: demo.dek,
  byline: demo.byline,
  published: demo.published,
  updated: demo.updated,
};

const meta: Meta<Args> = {
  title: 'Elements/Article',
  component: 'lede-article',
  render: (args) => serifPage(render(args)),
  args: { ...header, content: demo.body, toc: false, 'reading-time': true, 'heading-level': 1 },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    content: { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const FromContent: Story = {
  parameters: {
    docs: {
      description: { story: 'The `content` property: untrusted HTML, sanitized with DOMPurify before it is shown.' },
    },
  },
};

export const FromHtmlChildren: Story = {
  render: () =>
    serifPage(
      html`<lede-article
        headline="The port pact, from the page's own markup"
        byline="Maren Holt"
        published="2026-11-18T08:00:00Z"
        reading-time
        toc
        heading-level="1"
      >
        <p>The publisher's markup is in the page before JavaScript runs; the element slots it into its body.</p>
        <h2>How the pact was built</h2>
        <p>Two mid-sized ports pooled dredging, cranes and sales teams instead of undercutting each other.</p>
        <h2>Where it is cracking</h2>
        <h3>Who pays for growth</h3>
        <p>One port's volumes doubled; the other's stayed flat.</p>
      </lede-article>`,
    ),
};

export const FromSrc: Story = {
  args: {
    content: undefined,
    headline: undefined,
    dek: undefined,
    byline: undefined,
    published: undefined,
    updated: undefined,
    src: documentUrl,
    toc: true,
  },
  parameters: {
    docs: {
      description: { story: '`src` pointing at a Lede document (JSON): the header fields and the body come from it.' },
    },
  },
};

export const FromSrcHtml: Story = {
  name: 'From src (an HTML fragment)',
  args: { content: undefined, src: '/api/pages/article.html', toc: true },
  parameters: {
    docs: {
      description: { story: "`src` pointing at an HTML fragment, from the stories' endpoint: sanitized, then shown." },
    },
  },
};

export const WithTableOfContents: Story = { args: { toc: true } };

export const Long: Story = {
  args: {
    toc: true,
    content: Array.from(
      { length: 8 },
      (_, i) =>
        `<h2>Part ${i + 1}: the channel, the cranes and the councils</h2>${demo.body.replace(/<h2>/g, '<h3>').replace(/<\/h2>/g, '</h3>')}`,
    ).join(''),
  },
};

export const Loading: Story = {
  args: { content: undefined, src: '/api/pages/hanging.html' },
  parameters: {
    docs: {
      description: {
        story:
          'While `src` is fetched the body is `aria-busy` and a status line says so (the stories’ endpoint never answers this URL).',
      },
    },
  },
};

export const LoadError: Story = {
  args: { content: undefined, src: '/api/pages/missing.html' },
  parameters: {
    docs: {
      description: {
        story: 'A `src` that cannot be fetched: a `lede-error` event and a status line; what was shown before stays.',
      },
    },
  },
};

export const Dark: Story = { args: { theme: 'dark', toc: true } };

export const OnADarkPage: Story = { render: (args) => darkPage(render(args)) };

export const RightToLeft: Story = {
  args: {
    headline: 'ميثاق الميناءين يتصدع',
    dek: 'بعد سبع سنوات من الشراكة، يختلف المجلسان على من يدفع ثمن النمو.',
    byline: 'مارين هولت',
    content:
      '<h2>كيف بُني الميثاق</h2><p>تقاسم الميناءان الرافعات والقناة والعملاء.</p><h2>أين يتصدع</h2><p>تضاعفت حركة الحاويات في أحدهما وبقيت ثابتة في الآخر.</p>',
    toc: true,
  },
  render: (args) => rtlPage(render(args)),
};

export const Narrow: Story = { args: { toc: true }, render: (args) => narrowPage(render(args)) };
