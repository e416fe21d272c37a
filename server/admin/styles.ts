import { css } from 'lit';

/** What every view shares: type, tables, buttons, focus rings, the colours from admin.css. */
export const shared = css`
  :host {
    display: block;
    color: var(--fg);
  }
  h2 {
    font-size: 1.4rem;
    margin: 0 0 1rem;
  }
  h2:focus {
    outline: none;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1.5rem 0 0.5rem;
  }
  a {
    color: var(--accent);
  }
  button,
  input,
  select {
    font: inherit;
    color: var(--fg);
    background: var(--bg);
    border: 1px solid var(--border);
    border-radius: 4px;
    padding: 0.4rem 0.7rem;
  }
  button {
    cursor: pointer;
    border: 2px solid var(--accent);
    color: var(--accent);
    font-weight: 600;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-fg);
  }
  button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem 0;
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.6rem;
    border-bottom: 1px solid var(--border);
    vertical-align: top;
  }
  td.n,
  th.n {
    text-align: end;
  }
  .muted {
    color: var(--muted);
  }
  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: 8px;
    padding: 1rem;
    margin: 0 0 1rem;
  }
  .error {
    color: var(--danger);
    font-weight: 600;
  }
  .ok {
    color: var(--ok);
    font-weight: 600;
  }
  details > summary {
    cursor: pointer;
    color: var(--accent);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  dl.stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.75rem;
    margin: 0 0 1rem;
  }
  dl.stats .card {
    margin: 0;
  }
  dl.stats dt {
    color: var(--muted);
    font-weight: 600;
  }
  dl.stats dd {
    margin: 0;
    font-size: 1.6rem;
    font-weight: 700;
  }
  dl.stats dd.muted {
    font-size: 0.9rem;
    font-weight: 400;
  }
  figure {
    margin: 0 0 1rem;
  }
  figure svg {
    width: 100%;
    height: auto;
    display: block;
  }
  svg text {
    fill: var(--muted);
    font-size: 12px;
  }
  svg .axis {
    stroke: var(--border);
  }
  svg .line-1 {
    stroke: var(--series-1);
    fill: none;
    stroke-width: 2.5;
  }
  svg .dot-1 {
    fill: var(--series-1);
  }
  svg .bar {
    fill: var(--series-1);
  }
  svg .bar-track {
    fill: var(--surface);
    stroke: var(--border);
  }
`;
