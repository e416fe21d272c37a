import { css } from 'lit';

export const articleStyles = css`
  :host {
    --_lede-article-heading-font: var(--lede-article-headline-font, inherit);
    font-size: var(--lede-article-font-size, 1.125rem);
    line-height: var(--lede-article-line-height, var(--lede-line-height, 1.65));
  }

  article {
    max-inline-size: var(--lede-article-measure, 68ch);
    margin-inline: auto;
  }

  [part='headline'] {
    margin: 0 0 0.4em;
    font-family: var(--_lede-article-heading-font);
    font-size: var(--lede-article-headline-size, clamp(1.75rem, 4vw, 2.75rem));
    line-height: var(--lede-line-height, 1.15);
    text-wrap: balance;
  }

  [part='dek'] {
    margin: 0 0 var(--lede-paragraph-spacing, 0.75em);
    font-size: var(--lede-article-dek-size, 1.25em);
    line-height: var(--lede-line-height, 1.4);
  }

  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    font-size: 0.875em;
    color: var(--_lede-muted);
  }

  .byline {
    font-weight: 600;
    color: var(--_lede-color);
  }

  .status,
  [part='toc'],
  blockquote {
    padding: 0.5em 1em;
    border-inline-start: 4px solid var(--lede-article-quote-color, var(--_lede-accent));
  }

  [part='toc'] {
    background: var(--_lede-surface);
  }

  [part='toc-heading'] {
    margin: 0;
    font-size: 1em;
  }

  [part='toc'] ol ol {
    padding-inline-start: 1em;
    list-style: circle;
  }

  a {
    color: var(--lede-article-link-color, var(--_lede-accent));
  }

  .body :is(h2, h3, h4) {
    margin: 1.6em 0 0.5em;
    font-family: var(--_lede-article-heading-font);
    line-height: var(--lede-line-height, 1.25);
    scroll-margin-block-start: var(--lede-article-scroll-margin, 1rem);
  }

  /* The publisher's own headings (the HTML children) too, or a sticky header hides the heading a link jumps to. */
  ::slotted(:is(h2, h3, h4)) {
    scroll-margin-block-start: var(--lede-article-scroll-margin, 1rem);
  }

  .body p {
    margin-block: var(--lede-paragraph-spacing, 1em);
  }

  blockquote,
  figure {
    margin-inline: 0;
  }

  img,
  video {
    max-inline-size: 100%;
    block-size: auto;
  }

  figcaption {
    font-size: 0.875em;
    color: var(--_lede-muted);
  }

  table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
  }

  th,
  td {
    padding: 0.3em 0.75em;
    border-block-end: 1px solid var(--_lede-border);
    text-align: start;
  }

  code,
  pre {
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
    background: var(--lede-article-code-background, var(--_lede-surface));
  }

  pre {
    padding: 0.75em 1em;
    overflow-x: auto;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  @media print {
    [part='toc'],
    .status {
      display: none;
    }
  }
`;
