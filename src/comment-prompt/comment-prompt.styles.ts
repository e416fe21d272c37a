import { css } from 'lit';

export const commentPromptStyles = css`
  :host {
    --_lede-comment-prompt-accent: var(--lede-comment-prompt-accent-color, var(--_lede-accent));
    margin-block: var(--lede-comment-prompt-margin-block, 1.5em);
  }

  section {
    display: grid;
    gap: 0.75em;
    justify-items: start;
    padding: var(--lede-comment-prompt-padding, var(--_lede-space));
    background: var(--lede-comment-prompt-background, var(--_lede-surface));
    border-radius: var(--_lede-radius);
  }

  h1, h2, h3, h4, h5, h6, p {
    margin: 0;
  }

  [part='heading'] {
    font-size: var(--lede-comment-prompt-heading-size, 1.25em);
    line-height: 1.25;
  }

  [part='count'] {
    min-block-size: 1lh;
    color: var(--_lede-muted);
  }

  [part='cta'] {
    color: var(--_lede-comment-prompt-accent);
    font-weight: 700;
  }

  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part='share-link'], button, input {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--_lede-border);
    border-radius: var(--_lede-radius);
    padding: 0.25em 0.75em;
    text-decoration: none;
    cursor: pointer;
  }

  form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  label, [aria-live] {
    flex-basis: 100%;
  }

  input {
    cursor: text;
    max-inline-size: 100%;
  }

  [aria-invalid='true'] {
    border-color: currentColor;
  }

  [role='status']:empty {
    display: none;
  }

  @media print {
    ul, form, input {
      display: none;
    }
  }
`;
