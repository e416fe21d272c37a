import { css } from 'lit';

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
    gap: var(--lede-paragraph-spacing, 0.75em);
    margin-block: var(--lede-paragraph-spacing, 0.75em);
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
  /* The error is the border (a ring around the checkbox); focus keeps its outline, 2px out: both show at once. */
  [aria-invalid] {
    border-color: var(--lede-newsletter-error-color, var(--_lede-error));
    box-shadow: 0 0 0 1px var(--lede-newsletter-error-color, var(--_lede-error));
  }
  .required {
    font-size: 0.875em;
    color: var(--_lede-muted);
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
    /*
     * White text on a light page's accent, black on a dark page's; the button's own accent (fill,
     * focus ring) is then worked out from that text colour, the other way round from the page's.
     */
    --_lede-accent: var(
      --lede-accent-color,
      oklch(from currentColor calc(0.478 + 0.293 * clamp(0, (0.5 - l) * 1000, 1)) 0.14 254)
    );
    justify-self: start;
    /* A transparent border: forced colours paint it, so the button keeps its boundary there. */
    padding: calc(0.5em - 2px) calc(1.2em - 2px);
    font-weight: 600;
    color: var(--lede-newsletter-button-color, oklch(from currentColor calc(1 - clamp(0, (l - 0.6) * 1000, 1)) 0 0));
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
