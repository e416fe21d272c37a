import { html, isServer, nothing } from 'lit';
import { LedeElement } from '../core/base-element.js';
import { DataSourceController, type DataSource } from '../core/data-source.js';
import { renderHeading } from '../core/heading.js';
import { keyPointsStyles } from './key-points.styles.js';
import { validatePoints, type KeyPoint } from './points.js';

export type { KeyPoint } from './points.js';

const defaultStrings = {
  /** The heading shown when the `heading` attribute is not set. */
  heading: 'Key points',
};

export type KeyPointsStrings = typeof defaultStrings;

/** Where the points came from, in order of precedence. */
export type KeyPointsSource = DataSource;

/**
 * @summary A "why this matters" or key-takeaways list, each point with an optional bold lead-in.
 *
 * @description Data comes from the `points` property, else the `points` attribute (JSON), else the
 * element's HTML children: a `<ul>` or `<ol>` whose `<li>` may start with
 * `<strong>Lead-in:</strong>`, optionally after an `<h2>`–`<h6>` that supplies the heading. The
 * children are what readers and crawlers see before (or without) JavaScript.
 *
 * @fires lede-error - Bad input: an invalid `points` value, item, attribute or child. `detail: { code, message, field }`. The valid points still render.
 *
 * @slot footer - Content after the list, such as a source note or a link.
 *
 * @csspart base - The `<section>` that wraps everything.
 * @csspart heading - The heading.
 * @csspart list - The `<ul>` or `<ol>`.
 * @csspart item - Each `<li>`.
 * @csspart lead-in - The bold lead-in of a point.
 *
 * @cssprop [--lede-key-points-background=a 5% tint of the text colour] - Background of the box.
 * @cssprop [--lede-key-points-accent-color=var(--lede-accent-color)] - Colour of the side rule.
 * @cssprop [--lede-key-points-marker-color=the accent colour] - Colour of the bullets or numbers.
 * @cssprop [--lede-key-points-padding=var(--lede-space, 1rem)] - Padding inside the box.
 * @cssprop [--lede-key-points-gap=0.75em] - Space between points.
 * @cssprop [--lede-key-points-heading-size=1.25em] - Font size of the heading.
 * @cssprop [--lede-key-points-margin-block=1.5em] - Space above and below the element.
 * @cssprop [--lede-font-family=inherit] - Font of every Lede element.
 * @cssprop [--lede-color=the page's text colour] - Text colour of every Lede element.
 * @cssprop [--lede-background=transparent] - Background of every Lede element.
 * @cssprop [--lede-accent-color=#0b5cad] - Accent colour of every Lede element.
 * @cssprop [--lede-radius=0.5rem] - Corner radius of every Lede element.
 * @cssprop [--lede-space=1rem] - Base spacing of every Lede element.
 */
export class LedeKeyPoints extends LedeElement<KeyPointsStrings> {
  static override styles = [...LedeElement.styles, keyPointsStyles];

  static override properties = {
    heading: {},
    ordered: { type: Boolean, reflect: true },
    points: { attribute: false },
    pointsAttribute: { attribute: 'points' },
  };

  /** The heading text. Defaults to the children's heading, else "Key points". */
  heading?: string;

  /** Numbers the points (an `<ol>`). Also on when the children's list is an `<ol>`. */
  ordered = false;

  /** The points, as plain text (never HTML). Takes precedence over the attribute and the children. */
  points?: KeyPoint[];

  /** The points as JSON, for pages that write HTML only: `points='[{"title":"Cost","text":"…"}]'`. */
  pointsAttribute?: string;

  readonly #data = new DataSourceController<KeyPoint>(this, {
    name: 'points',
    property: () => this.points,
    attribute: () => this.pointsAttribute,
    validate: (value, field, problems) => {
      const result = validatePoints(value, field);
      problems.push(...result.problems);
      return result.points;
    },
    fromChildren: (items) => items,
    report: (code, field, problem) => this.reportProblem(code, field, problem),
  });

  protected get defaultStrings(): KeyPointsStrings {
    return defaultStrings;
  }

  /** Where the points on screen came from. */
  get source(): KeyPointsSource {
    return this.#data.value.source;
  }

  /** Renders one point; override to change how a point looks. */
  protected renderPoint(point: KeyPoint) {
    // Two flat templates rather than a nested one for the lead-in: one template instance less per point.
    return point.title
      ? html`<li part="item"><strong part="lead-in">${point.title}:</strong> ${point.text}</li>`
      : html`<li part="item">${point.text}</li>`;
  }

  protected override render() {
    const { items: points, heading: childrenHeading, ordered: childrenOrdered } = this.#data.value;
    const ordered = this.ordered || childrenOrdered === true;
    // On a server the HTML children cannot be read: a default slot keeps them visible until upgrade.
    if (points.length === 0) return isServer ? html`<slot></slot>` : nothing;
    const headingId = `${this.uid}-heading`;
    const heading = this.heading ?? childrenHeading ?? this.say('heading');
    const items = points.map((point) => this.renderPoint(point));
    return html`<section part="base" aria-labelledby=${headingId}>
      ${renderHeading(this.level, headingId, heading)}
      ${
        ordered
          ? html`<ol part="list">
              ${items}
            </ol>`
          : html`<ul part="list">
              ${items}
            </ul>`
      }
      <slot name="footer"></slot>
    </section>`;
  }
}
