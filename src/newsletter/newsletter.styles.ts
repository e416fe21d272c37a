import { css } from 'lit';
import { accentInsideFill, onAccent } from '../core/theme.js';

export const newsletterStyles = css`
  :host {
    margin-block: 1.5em;
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
  /* The error is the border, the focus ring stays the outline: an invalid field that has focus shows both. */
  [part='input'][aria-invalid] {
    border-color: var(--lede-newsletter-error-color, var(--_lede-error));
    box-shadow: inset 0 0 0 1px var(--lede-newsletter-error-color, var(--_lede-error));
  }
  [type='checkbox'][aria-invalid] {
    box-shadow: 0 0 0 2px var(--lede-newsletter-error-color, var(--_lede-error));
  }
  [type='checkbox']:focus-visible {
    outline-offset: 4px;
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
    /* Its text colour is the opposite of the page's, so the accent is worked out from that. */
    --_lede-accent: var(--lede-accent-color, ${accentInsideFill});
    justify-self: start;
    /* A transparent border: forced colours paint it, so the button keeps its boundary there. */
    padding: calc(0.5em - 2px) calc(1.2em - 2px);
    font-weight: 600;
    color: var(--lede-newsletter-button-color, ${onAccent});
    background: var(--_lede-accent);
    border: 2px solid transparent;
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
