import { css } from 'lit';

export const scenariosStyles = css`
  :host {
    --_lede-scenarios-accent: var(--lede-scenarios-accent-color, var(--_lede-accent));
    margin-block: 1.5em;
  }

  :host([theme]) section {
    padding: var(--_lede-space);
  }

  [part='heading'] {
    margin: 0 0 0.75em;
    font-size: var(--lede-scenarios-heading-size, 1.25em);
  }

  ul {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--lede-scenarios-card-min-width, 14rem)), 1fr));
    gap: var(--lede-scenarios-gap, var(--_lede-space));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: flex;
    flex-direction: column;
    gap: var(--lede-paragraph-spacing, 0.75em);
    padding: var(--_lede-space);
    background: var(--lede-scenarios-card-background, var(--_lede-surface));
    border: 1px solid var(--_lede-border);
    border-radius: var(--_lede-radius);
    /* A word too long for the card is hyphenated in the page's language (lang), and cut only where it has no hyphenation point. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  /* An outline, not a shadow: forced colours paint outlines and drop shadows. */
  li:has([aria-pressed='true']) {
    border-color: var(--_lede-scenarios-accent);
    outline: 2px solid var(--_lede-scenarios-accent);
  }

  @media (forced-colors: active) {
    li:has([aria-pressed='true']) {
      border-color: Highlight;
      outline-color: Highlight;
    }
  }

  [part='title'] {
    margin: 0;
    font-size: 1.05em;
  }

  p {
    margin: 0;
  }

  button {
    margin-block-start: auto;
    align-self: start;
    padding: 0.5em 1em;
    font: inherit;
    font-weight: 700;
    color: inherit;
    background: none;
    border: 2px solid var(--_lede-scenarios-accent);
    border-radius: var(--_lede-radius);
    cursor: pointer;
  }

  [aria-pressed='true'] {
    background: color-mix(in srgb, var(--_lede-scenarios-accent) 22%, transparent);
  }

  [aria-pressed='true']::before {
    content: '✓ ';
  }

  [aria-disabled='true'] {
    cursor: default;
  }

  [aria-pressed='false'][aria-disabled='true'] {
    opacity: 0.7;
  }

  svg {
    display: block;
    inline-size: 100%;
    block-size: 0.5em;
    margin-block-end: 0.25em;
    background: var(--_lede-border);
    fill: var(--_lede-scenarios-accent);
    border-radius: 1em;
  }

  svg:dir(rtl) {
    scale: -1 1;
  }

  [part='status']:not(:empty) {
    margin-block-start: 0.75em;
  }
`;
