import { css } from 'lit';

/**
 * 1 when the text colour at the point of use is light (the element sits on a dark page), 0 when it
 * is dark. Only valid inside a relative colour `from currentColor`, where `l` is its lightness.
 */
const onDark = css`clamp(0, (l - 0.6) * 1000, 1)`;

/**
 * The accent, worked out from the text colour it is used beside: the text colour says what the
 * page behind it is, whatever the reader's system prefers. #0b5cad on light pages, #7db8ff on
 * dark ones (their OKLCH values), each at least 4.5:1 on what such a page paints.
 * `dark` is `onDark` where the element's text is the page's, the opposite on a filled control.
 */
export const accentFrom = (dark = onDark) =>
  css`oklch(from currentColor calc(0.478 + 0.293 * ${dark}) calc(0.147 - 0.027 * ${dark}) 254 / 1)`;

/** Text on an accent fill: white on a light page's accent, black on a dark page's. */
export const onAccent = css`oklch(from currentColor calc(1 - ${onDark}) 0 0 / 1)`;

/** The accent inside a control filled with it, whose own (text) colour is `onAccent`. */
export const accentInsideFill = accentFrom(css`clamp(0, (0.5 - l) * 1000, 1)`);

/**
 * Tokens and host rules that every Lede element shares. Public `--lede-*` properties are read
 * once here into private `--_lede-*` ones that the element styles use, so a page themes every
 * element with the same few properties and can still override one element alone.
 *
 * By default an element inherits the page's font and colour and paints no background, so it
 * blends into any site; `theme="light"` or `theme="dark"` gives it its own colours. Without
 * `theme`, the colours that are not the page's (the accent, the error red) are derived from the
 * page's text colour, so they contrast with the page the element sits on, not with the one the
 * reader's system would choose.
 */
export const themeStyles = css`
  :host {
    --_lede-color: var(--lede-color, currentColor);
    --_lede-background: var(--lede-background, transparent);
    --_lede-accent: var(--lede-accent-color, ${accentFrom()});
    --_lede-error: oklch(from currentColor calc(0.578 + 0.15 * ${onDark}) calc(0.206 - 0.04 * ${onDark}) 29 / 1);
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

  :host([hidden]) {
    display: none;
  }

  *,
  ::before,
  ::after {
    box-sizing: inherit;
  }

  @supports not (color: oklch(from red l c h)) {
    :host {
      --_lede-accent: var(--lede-accent-color, #0b5cad);
      --_lede-error: #d93025;
    }
  }

  :host([theme='light']) {
    --_lede-color: var(--lede-color, #1a1a1a);
    --_lede-background: var(--lede-background, #ffffff);
    --_lede-accent: var(--lede-accent-color, #0b5cad);
    --_lede-error: #d93025;
    color-scheme: light;
  }

  :host([theme='dark']) {
    --_lede-color: var(--lede-color, #ececec);
    --_lede-background: var(--lede-background, #15171a);
    --_lede-accent: var(--lede-accent-color, #7db8ff);
    --_lede-error: #ff8a80;
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
