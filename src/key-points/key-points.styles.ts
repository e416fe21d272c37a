import { css } from 'lit';

export const keyPointsStyles = css`
  :host {
    --_lede-key-points-background: var(--lede-key-points-background, var(--_lede-surface));
    --_lede-key-points-accent: var(--lede-key-points-accent-color, var(--_lede-accent));
    --_lede-key-points-marker: var(--lede-key-points-marker-color, var(--_lede-key-points-accent));
    --_lede-key-points-padding: var(--lede-key-points-padding, var(--_lede-space));
    --_lede-key-points-gap: var(--lede-key-points-gap, var(--lede-paragraph-spacing, 0.75em));
    margin-block: var(--lede-key-points-margin-block, 1.5em);
  }

  section {
    padding: var(--_lede-key-points-padding);
    background: var(--_lede-key-points-background);
    border-inline-start: 4px solid var(--_lede-key-points-accent);
    border-radius: var(--_lede-radius);
  }

  [part='heading'] {
    margin: 0 0 0.75em;
    font-size: var(--lede-key-points-heading-size, 1.25em);
    line-height: var(--lede-line-height, 1.25);
  }

  [part='list'] {
    display: grid;
    gap: var(--_lede-key-points-gap);
    margin: 0;
    padding-inline-start: 1.4em;
    line-height: var(--lede-line-height, 1.5);
  }

  [part='item']::marker {
    color: var(--_lede-key-points-marker);
    font-weight: 700;
  }

  [part='lead-in'] {
    font-weight: 700;
  }
`;
