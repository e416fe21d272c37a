import {
  html,
  isServer,
  LitElement,
  type PropertyDeclarations,
  type PropertyValues,
  type RenderOptions,
  type TemplateResult,
} from 'lit';
import { reportError, describeValue } from './errors.js';
import type { LedeErrorCode } from './events.js';
import { isHeadingLevel, type HeadingLevel } from './heading.js';
import { parseJsonAttribute } from './json-attribute.js';
import { bare, isRecord, options, own } from './own.js';
import { firstUpdate } from './first-update.js';
import { resolveLang } from './locale.js';
import { format, mergeStrings, translationFor, type Strings } from './strings.js';
import { themeStyles } from './theme.js';

let nextId = 0;

/** Where lit-html clones templates: the document's importNode from Document.prototype, never a page element. */
const CREATION_SCOPE = options({
  importNode: (node: Node, deep?: boolean) => Document.prototype.importNode.call(document, node, deep),
});

/**
 * `declarations` as Lit should see them: each one a copy without a prototype, so an option it
 * does not give reads as undefined. Lit reads the options with plain property reads (and copies
 * a declaration with `Object.create`), so a page's `Object.prototype.state = true` (or `attribute`,
 * `noAccessor`, `type`, `converter`, `hasChanged`…), set before Lede loads, would otherwise be an
 * option of every property: attributes ignored or read as numbers, no re-render, every value reflected.
 */
const ownDeclarations = (declarations: PropertyDeclarations): PropertyDeclarations =>
  bare(Reflect.ownKeys(declarations).map((name) => [name, bare(Object.entries(own(declarations, name) ?? {}))]));

/**
 * What every Lede element shares: the theme, the heading level, replaceable strings, the
 * element's language, and error reporting that never throws.
 */
export abstract class LedeElement<S extends Strings = Strings> extends LitElement {
  static override styles = [themeStyles];

  // Lit hands these to the platform and reads them itself: without a prototype, a page's
  // `Object.prototype.slotAssignment`, `.delegatesFocus`, `.creationScope` or `.renderBefore` is not an option.
  // lit-html clones each template with `(creationScope ?? document).importNode()`: the page's
  // `<img name="importNode">` replaces the document's, and every element rendered empty.
  static override shadowRootOptions = options<ShadowRootInit>({ mode: 'open' });
  /** @internal */
  override readonly renderOptions = options<RenderOptions>({ host: this, creationScope: CREATION_SCOPE });

  /**
   * Lit creates the reactive properties here, from `static properties`: it gets them as
   * `ownDeclarations`. (Not an override of `createProperty`, which Lit's dev build reports as deprecated.)
   */
  protected static override finalize(): void {
    // Defined, not assigned: a subclass may declare them with `static get properties()`.
    if (Object.hasOwn(this, 'properties') && !Object.hasOwn(this, 'finalized'))
      Object.defineProperty(this, 'properties', options({ value: ownDeclarations(this.properties), writable: true }));
    super.finalize();
  }

  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    strings: { attribute: false },
    stringsAttribute: { attribute: 'strings' },
  };

  /** Colour scheme: `light` or `dark`; when absent the page's colours are inherited. */
  theme?: 'light' | 'dark';

  /** The level (1–6) of the element's heading; inner headings sit one level below. */
  headingLevel: number = 2;

  /** Replacements for the element's visible text, by key. Takes precedence over the `strings` attribute. */
  strings?: Partial<S>;

  /** Replacements for the element's visible text, as JSON: `strings='{"heading":"Why it matters"}'`. */
  stringsAttribute?: string;

  /** The visible texts in use: the defaults, a registered translation for the element's language, then `strings`. */
  protected resolvedStrings!: S;

  /** A prefix for ids inside this element's shadow root. */
  protected readonly uid = `lede-${++nextId}`;

  /** The element's default visible text. */
  protected abstract get defaultStrings(): S;

  /** The resolved heading level, after validation. */
  protected get level(): HeadingLevel {
    return isHeadingLevel(this.headingLevel) ? this.headingLevel : 2;
  }

  /** The first render may wait for a later task, so that many elements never make one long task (core/first-update.ts). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || isServer) return super.scheduleUpdate();
    return firstUpdate(this, () => super.scheduleUpdate()) as void | Promise<unknown>;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('strings') || changed.has('stringsAttribute') || this.resolvedStrings === undefined)
      this.#resolveStrings();
    if (changed.has('headingLevel') && !isHeadingLevel(this.headingLevel)) {
      this.reportProblem(
        'invalid-attribute',
        'heading-level',
        `${describeValue(this.getAttribute('heading-level') ?? this.headingLevel)} is not a whole number from 1 to 6; using 2`,
      );
    }
    if (changed.has('theme') && this.theme !== undefined && this.theme !== 'light' && this.theme !== 'dark') {
      this.reportProblem(
        'invalid-attribute',
        'theme',
        `${describeValue(this.theme)} is not "light" or "dark"; using the page's colours`,
      );
    }
  }

  /** The keys whose English default is shown on a page in another language (marked by `say`). */
  #fallback = new Set<string>();

  /**
   * Text `key`, its `{placeholders}` filled, for a content position. An English default on a page
   * in another language (no registered translation, no `strings` for it) comes in a
   * `<span lang="en" dir="ltr">`: read as English, and not reordered in right-to-left text.
   */
  protected say(key: keyof S & string, values?: Record<string, string | number>): string | TemplateResult {
    const value = this.resolvedStrings[key];
    return this.mark(values ? format(value, values) : value, key);
  }

  /** `text` (text `key`, or a message kept as a string), marked as English like `say` when `key`'s English default is in use. */
  protected mark(
    text: string,
    key = (Object.keys(this.defaultStrings) as (keyof S)[]).find((k) => this.resolvedStrings[k] === text),
  ): string | TemplateResult {
    return text && this.#fallback.has(key as string) ? html`<span lang="en" dir="ltr">${text}</span>` : text;
  }

  #resolveStrings(): void {
    let overrides: unknown = this.strings;
    let field = 'strings';
    if (overrides === undefined && this.stringsAttribute) {
      const parsed = parseJsonAttribute(this.stringsAttribute);
      if (!parsed.ok) this.reportProblem('invalid-json', 'strings', parsed.problem);
      overrides = parsed.ok ? parsed.value : undefined;
      field = 'strings attribute';
    }
    // English defaults, then a registered translation for the element's language, then the page's own.
    const lang = resolveLang(this);
    const translation = translationFor(this.localName, lang);
    const translated = mergeStrings(this.defaultStrings, translation).strings;
    const { strings, rejected } = mergeStrings(translated, overrides);
    this.resolvedStrings = strings;
    const given = (source: unknown, key: string) => isRecord(source) && Object.hasOwn(source, key);
    this.#fallback = new Set(
      /^en\b/i.test(lang)
        ? []
        : Object.keys(strings).filter((key) => !given(translation, key) && !given(overrides, key)),
    );
    for (const key of rejected) {
      this.reportProblem(
        'invalid-property',
        field,
        `${key} is not a known text key with a string value (known: ${Object.keys(this.defaultStrings)})`,
      );
    }
  }

  /**
   * A listener for an `@event` binding that takes no option from Object.prototype. Lit gives the
   * listener itself to `addEventListener` as its options: a plain function would inherit a page's
   * `Object.prototype.signal` (and every listener fails to register) or `.once`.
   */
  protected listener<E extends Event>(handle: (this: this, event: E) => unknown): EventListenerObject {
    return options({ handleEvent: (event: Event) => void handle.call(this, event as E) });
  }

  /** Reports bad input as a `lede-error` event and a console warning; never throws. */
  protected reportProblem(code: LedeErrorCode, field: string, problem: string): void {
    reportError(this, code, field, problem);
  }
}
