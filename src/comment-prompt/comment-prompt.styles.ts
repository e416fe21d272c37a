import { css } from 'lit';

export const commentPromptStyles = css`
  section {
    display: grid;
    justify-items: start;
    gap: var(--lede-paragraph-spacing, 0.75em);
    padding: var(--lede-comment-prompt-padding, var(--_lede-space));
    background: var(--lede-comment-prompt-background, var(--_lede-surface));
    border-radius: var(--_lede-radius);
  }

  * {
    margin: 0;
  }

  [part='count'] {
    min-block-size: 1lh;
  }

  ul,
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 0;
    list-style: none;
  }

  a,
  button,
  input {
    display: inline-block;
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--_lede-border);
    border-radius: var(--_lede-radius);
    padding: 0.25em 0.75em;
    text-decoration: none;
  }

  [part='share-link'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }

  svg {
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Fields need 3:1 against the box (WCAG 1.4.11): the muted text colour, not the faint border colour. */
  input {
    border-color: var(--_lede-muted);
  }

  input[aria-invalid='true'] {
    border-color: var(--_lede-error);
    box-shadow: inset 0 0 0 1px var(--_lede-error);
  }

  [part='cta'] {
    border-color: var(--lede-comment-prompt-accent-color, var(--_lede-accent));
    font-weight: 700;
  }

  li:has(> form) {
    flex-basis: 100%;
  }

  li > form {
    margin-block-start: 0.5em;
  }

  label,
  span {
    flex-basis: 100%;
  }

  [role='status']:empty {
    margin-block-start: -0.75em;
  }

  @media print {
    ul,
    form {
      display: none;
    }
  }
`;
