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

/** Dispatches a Lede event: `bubbles` and `composed`, so that it crosses shadow roots; false when a cancelable one was cancelled. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}
