import { css } from 'lit';

export const articleStyles = css`
  :host {
    --_lede-article-measure: var(--lede-article-measure, 68ch);
    --_lede-article-link: var(--lede-article-link-color, var(--_lede-accent));
    --_lede-article-heading-font: var(--lede-article-headline-font, inherit);
    font-size: var(--lede-article-font-size, 1.125rem);
    line-height: var(--lede-article-line-height, 1.65);
  }

  article {
    max-inline-size: var(--_lede-article-measure);
    margin-inline: auto;
  }

  [part='headline'] {
    margin: 0 0 0.4em;
    font-family: var(--_lede-article-heading-font);
    font-size: var(--lede-article-headline-size, clamp(1.75rem, 4vw, 2.75rem));
    line-height: 1.15;
    text-wrap: balance;
  }

  [part='dek'] {
    margin: 0 0 0.75em;
    font-size: var(--lede-article-dek-size, 1.25em);
    line-height: 1.4;
    color: var(--_lede-muted);
  }

  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0 0 1.5em;
    font-size: 0.875em;
    color: var(--_lede-muted);
  }

  .byline {
    font-weight: 600;
    color: var(--_lede-color);
  }

  .status {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_lede-accent);
    background: var(--_lede-surface);
  }

  [part='toc'] {
    margin-block: 0 2em;
    padding: 0.75em var(--_lede-space);
    border: 1px solid var(--_lede-border);
    border-radius: var(--_lede-radius);
    font-size: 0.9375em;
  }

  [part='toc-heading'] {
    margin: 0 0 0.4em;
    font-size: 1em;
  }

  [part='toc'] ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .level-3 {
    margin-inline-start: 1em;
    list-style: circle;
  }

  a {
    color: var(--_lede-article-link);
    text-underline-offset: 0.15em;
  }

  .body {
    --_lede-article-code-background: var(--lede-article-code-background, var(--_lede-surface));
  }

  .body :is(h2, h3, h4) {
    margin: 1.6em 0 0.5em;
    font-family: var(--_lede-article-heading-font);
    line-height: 1.25;
    scroll-margin-block-start: var(--lede-article-scroll-margin, 1rem);
  }

  .body :is(p, ul, ol, dl, pre, table, figure, blockquote) {
    margin: 0 0 1em;
  }

  .body li + li {
    margin-block-start: 0.35em;
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--lede-article-quote-color, var(--_lede-accent));
    font-style: italic;
  }

  .body :is(img, video) {
    max-inline-size: 100%;
    block-size: auto;
  }

  .body figcaption {
    font-size: 0.875em;
    color: var(--_lede-muted);
  }

  .body table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
    font-size: 0.9375em;
  }

  .body :is(th, td) {
    padding: 0.4em 0.75em;
    border-block-end: 1px solid var(--_lede-border);
    text-align: start;
  }

  .body :is(code, pre) {
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
    background: var(--_lede-article-code-background);
    border-radius: 0.25em;
  }

  .body code {
    padding: 0.1em 0.3em;
  }

  .body pre {
    padding: 0.75em 1em;
    overflow-x: auto;
  }

  .body pre code {
    padding: 0;
    background: none;
  }

  .body [tabindex='-1']:focus {
    outline: none;
  }

  @media print {
    [part='toc'],
    .status {
      display: none;
    }
  }
`;
