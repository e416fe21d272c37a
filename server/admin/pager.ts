import { html, type TemplateResult } from 'lit';
import { count } from './format.js';

/** "1–50 of 1,234" with Previous and Next: every list the server pages. */
export function pager(
  label: string,
  page: { offset: number; limit: number; total: number; shown: number },
  go: (offset: number) => void,
): TemplateResult {
  const { offset, limit, total, shown } = page;
  const from = shown === 0 ? 0 : offset + 1;
  return html`<nav class="row pager" aria-label="${label} pages">
    <p role="status">${count(from)}–${count(offset + shown)} of ${count(total)}</p>
    <button type="button" ?disabled=${offset === 0} @click=${() => go(Math.max(0, offset - limit))}>Previous</button>
    <button type="button" ?disabled=${offset + shown >= total} @click=${() => go(offset + limit)}>Next</button>
  </nav>`;
}
