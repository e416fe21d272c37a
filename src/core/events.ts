/** What every `lede-error` event carries. */
export interface LedeErrorDetail {
  /** A stable, machine-readable reason, such as `invalid-attribute` or `network`. */
  code: LedeErrorCode;
  /** A sentence for people, naming the element and the field. */
  message: string;
  /** The attribute, property or document path at fault, such as `points[2].text`. */
  field?: string;
}

export type LedeErrorCode =
  | 'invalid-attribute'
  | 'invalid-property'
  | 'invalid-children'
  | 'invalid-json'
  | 'invalid-document'
  | 'unsafe-content'
  | 'network'
  | 'http'
  | 'timeout';

export type LedeErrorEvent = CustomEvent<LedeErrorDetail>;

/** What `lede-load` carries: content from `src` is shown. */
export interface LedeLoadDetail {
  src: string;
  /** An HTML fragment or a Lede document (JSON). */
  kind: 'html' | 'document';
}

declare global {
  interface HTMLElementEventMap {
    'lede-error': LedeErrorEvent;
    'lede-load': CustomEvent<LedeLoadDetail>;
  }
  interface DocumentEventMap {
    'lede-error': LedeErrorEvent;
  }
}

/** The `detail` type of an event declared in `HTMLElementEventMap` as a `CustomEvent`. */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a Lede event: `bubbles` and `composed`, so that it crosses shadow roots; false when a
 * cancelable one was cancelled. The name must be declared in `HTMLElementEventMap` (beside the
 * element's class), and `detail` is checked against that declaration.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  name: K,
  detail: EventDetail<K>,
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
