import { html, type TemplateResult } from 'lit';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export const isHeadingLevel = (value: unknown): value is HeadingLevel =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;

/** Renders a real `<hN>` (no static-html machinery needed for six tags). */
export function renderHeading(level: HeadingLevel, id: string, content: unknown, part = 'heading'): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 id=${id} part=${part}>${content}</h1>`;
    case 3:
      return html`<h3 id=${id} part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part}>${content}</h5>`;
    case 6:
      return html`<h6 id=${id} part=${part}>${content}</h6>`;
    default:
      return html`<h2 id=${id} part=${part}>${content}</h2>`;
  }
}
