import { html, type TemplateResult } from 'lit';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export const isHeadingLevel = (value: unknown): value is HeadingLevel => [1, 2, 3, 4, 5, 6].includes(value as number);

/** Renders a real `<hN>` (no static-html machinery needed for six tags). */
export const renderHeading = (level: HeadingLevel, id: string, content: unknown, part = 'heading'): TemplateResult =>
  level === 1
    ? html`<h1 id=${id} part=${part}>${content}</h1>`
    : level === 3
      ? html`<h3 id=${id} part=${part}>${content}</h3>`
      : level === 4
        ? html`<h4 id=${id} part=${part}>${content}</h4>`
        : level === 5
          ? html`<h5 id=${id} part=${part}>${content}</h5>`
          : level === 6
            ? html`<h6 id=${id} part=${part}>${content}</h6>`
            : html`<h2 id=${id} part=${part}>${content}</h2>`;
