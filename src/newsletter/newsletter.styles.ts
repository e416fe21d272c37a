import { css } from 'lit';

export const newsletterStyles = css`
  :host {
    --_button-color: var(--lede-newsletter-button-color, #fff);
    margin-block: 1.5em;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_button-color: var(--lede-newsletter-button-color, #111);
    }
  }
  :host([theme='dark']) {
    --_button-color: var(--lede-newsletter-button-color, #111);
  }
  section {
    padding: var(--_lede-space);
    background: var(--lede-newsletter-background, var(--_lede-surface));
    border-radius: var(--_lede-radius);
  }
  * {
    margin-block: 0;
  }
  form {
    display: grid;
    gap: 0.75em;
    margin-block: 0.75em;
  }
  label {
    display: block;
  }
  input,
  button {
    font: inherit;
    color: inherit;
  }
  [part='input'] {
    inline-size: 100%;
    padding: 0.5em;
    background: none;
    border: 1px solid var(--_lede-muted);
    border-radius: var(--_lede-radius);
  }
  [aria-invalid] {
    outline: 2px solid var(--lede-newsletter-error-color, #d93025);
  }
  [part='error'] {
    font-weight: 600;
  }
  .consent {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .consent p {
    flex-basis: 100%;
  }
  button {
    justify-self: start;
    padding: 0.5em 1.2em;
    font-weight: 600;
    color: var(--_button-color);
    background: var(--_lede-accent);
    border: 0;
    border-radius: var(--_lede-radius);
  }
  [aria-disabled] {
    opacity: 0.7;
  }
  @media print {
    form {
      display: none;
    }
  }
`;
