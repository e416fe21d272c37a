import { html, svg, type TemplateResult } from 'lit';
import { count, day, percent, share } from './format.js';

export interface DayPoint {
  day: string;
  value: number;
}

const W = 640;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/** "123 signups in 30 days; the most, 40, on 2 Dec." */
export function daySummary(points: DayPoint[], noun: string): string {
  const total = points.reduce((sum, p) => sum + p.value, 0);
  if (total === 0) return `No ${noun} in the last ${points.length} days.`;
  const best = points.reduce((a, b) => (b.value > a.value ? b : a));
  const last = points[points.length - 1]!;
  return (
    `${count(total)} ${noun} in the last ${points.length} days; the most, ${count(best.value)}, on ${day(best.day)}; ` +
    `${count(last.value)} today so far.`
  );
}

/**
 * A line per day as inline SVG, drawn by the app (no chart library, no style attributes), with its summary as the
 * accessible name and the same numbers as a table under a disclosure.
 */
export function lineChart(id: string, title: string, points: DayPoint[], noun: string): TemplateResult {
  const max = Math.max(1, ...points.map((p) => p.value));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const summary = daySummary(points, noun);
  const first = points[0];
  const last = points[points.length - 1];
  return html`
    <figure class="card chart">
      <figcaption><h3 id="${id}-title">${title}</h3></figcaption>
      <p id="${id}-summary">${summary}</p>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-summary" focusable="false">
        ${svg`
          <line class="axis" x1=${PAD.left} y1=${PAD.top + innerH} x2=${W - PAD.right} y2=${PAD.top + innerH}></line>
          <line class="axis" x1=${PAD.left} y1=${PAD.top} x2=${PAD.left} y2=${PAD.top + innerH}></line>
          <text x=${PAD.left - 6} y=${PAD.top + 10} text-anchor="end">${count(max)}</text>
          <text x=${PAD.left - 6} y=${PAD.top + innerH} text-anchor="end">0</text>
          ${first ? svg`<text x=${PAD.left} y=${H - 8}>${day(first.day)}</text>` : ''}
          ${last ? svg`<text x=${W - PAD.right} y=${H - 8} text-anchor="end">${day(last.day)}</text>` : ''}
          <path class="line-1" d=${path}></path>
          ${points.map((p, i) => svg`<circle class="dot-1" cx=${x(i)} cy=${y(p.value)} r="2.5"></circle>`)}
        `}
      </svg>
      <details>
        <summary>${title} as a table</summary>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col" class="n">${noun}</th>
              </tr>
            </thead>
            <tbody>
              ${points.map(
                (p) =>
                  html`<tr>
                    <td>${p.day}</td>
                    <td class="n">${count(p.value)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  `;
}

/** A horizontal bar for one share of a whole, as SVG with no text of its own (the table cell beside it has the numbers). */
export function bar(part: number, whole: number): TemplateResult {
  const width = Math.round(share(part, whole) * 200);
  return html`<svg class="bar-svg" viewBox="0 0 200 14" width="200" height="14" aria-hidden="true" focusable="false">
    ${svg`<rect class="bar-track" x="0" y="0" width="200" height="14" rx="2"></rect>
      <rect class="bar" x="0" y="0" width=${width} height="14" rx="2"></rect>`}
  </svg>`;
}

export const sharePercent = (part: number, whole: number) => percent(share(part, whole));
