import { css } from 'lit';

/**
 * Tokens and host rules that every Lede element shares. Public `--lede-*` properties are read
 * once here into private `--_lede-*` ones that the element styles use, so a page themes every
 * element with the same few properties and can still override one element alone.
 *
 * By default an element inherits the page's font and colour and paints no background, so it
 * blends into any site; `theme="light"` or `theme="dark"` gives it its own colours. Without
 * `theme`, the colours that are not the page's (the accent, the error red) are derived from the
 * page's text colour, so they contrast with the page the element sits on, not with the one the
 * reader's system would choose. A browser without relative colours (before 2024) gets the
 * light page's colours.
 */
export const themeStyles = css`
  :host {
    --_lede-color: var(--lede-color, currentColor);
    --_lede-background: var(--lede-background, transparent);
    /*
     * The accent and the error red, worked out from the text colour where they are used: the step
     * clamp(0, (l - 0.6) * 1000, 1) is 1 beside light text (a dark page), 0 beside dark text. The
     * accent is #0b5cad (OKLCH 0.478) on a light page and #7db8ff (0.771) on a dark one.
     */
    --_lede-accent: var(
      --lede-accent-color,
      oklch(from currentColor calc(0.478 + 0.293 * clamp(0, (l - 0.6) * 1000, 1)) 0.14 254)
    );
    --_lede-error: oklch(from currentColor calc(0.578 + 0.15 * clamp(0, (l - 0.6) * 1000, 1)) 0.19 29);
    --_lede-muted: var(--lede-muted-color, color-mix(in srgb, currentColor 72%, transparent));
    --_lede-border: var(--lede-border-color, color-mix(in srgb, currentColor 22%, transparent));
    --_lede-surface: var(--lede-surface-color, color-mix(in srgb, currentColor 5%, transparent));
    --_lede-radius: var(--lede-radius, 0.5rem);
    --_lede-space: var(--lede-space, 1rem);

    display: block;
    box-sizing: border-box;
    font-family: var(--lede-font-family, inherit);
    color: var(--_lede-color);
    background: var(--_lede-background);
    overflow-wrap: break-word;
  }

  @supports not (color: oklch(from red l c h)) {
    :host {
      --_lede-accent: var(--lede-accent-color, #0b5cad);
      --_lede-error: #d93025;
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  ::before,
  ::after {
    box-sizing: inherit;
  }

  /*
   * Text spacing from the page or a reader's stylesheet (WCAG 1.4.12), in em of each element's own
   * size. Unset, these inherit as usual (and undo browsers' resets on form controls).
   */
  * {
    line-height: var(--lede-line-height);
    letter-spacing: var(--lede-letter-spacing);
    word-spacing: var(--lede-word-spacing);
  }

  :host([theme='light']) {
    --_lede-color: var(--lede-color, #1a1a1a);
    --_lede-background: var(--lede-background, #ffffff);
    color-scheme: light;
  }

  :host([theme='dark']) {
    --_lede-color: var(--lede-color, #ececec);
    --_lede-background: var(--lede-background, #15171a);
    color-scheme: dark;
  }

  :focus-visible {
    outline: 2px solid var(--lede-focus-ring-color, var(--_lede-accent));
    outline-offset: 2px;
  }

  @media print {
    :host {
      --_lede-color: #000;
      --_lede-background: transparent;
      --_lede-accent: #000;
      --_lede-error: #000;
      --_lede-surface: transparent;
      --_lede-border: #000;
      break-inside: avoid;
    }
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
