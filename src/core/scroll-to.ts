import { options } from './own.js';
import { attribute } from './page.js';
import { fragmentOf } from './url.js';

/** Where `target`'s own `key` is defined: HTMLElement, SVGElement or MathMLElement for `focus` and `tabIndex`. */
function definer(target: Element, key: string): Record<string, unknown> | null {
  let proto = Object.getPrototypeOf(target) as object | null;
  while (proto && !Object.hasOwn(proto, key)) proto = Object.getPrototypeOf(proto) as object | null;
  return proto as Record<string, unknown> | null;
}

/**
 * Takes the reader to an in-page target the way a fragment link should, also inside shadow
 * roots: scrolls there (smoothly, unless reduced motion is asked for) and moves focus to it, so
 * that keyboard and screen-reader users continue from there; with `hash`, pushes it to history.
 */
export function scrollToAndFocus(target: Element, hash?: string): void {
  // Through the prototypes: the target can be a form (`#commentform`), whose fields named `focus`
  // or `tabIndex` replace its own members. (A page's named fields live on the form, not on them.)
  const tabIndex = Object.getOwnPropertyDescriptor(definer(target, 'tabIndex') ?? {}, 'tabIndex');
  if (tabIndex && attribute(target, 'tabindex') === null && (tabIndex.get!.call(target) as number) < 0)
    tabIndex.set!.call(target, -1);
  Element.prototype.scrollIntoView.call(
    target,
    options<ScrollIntoViewOptions>({
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
    }),
  );
  (definer(target, 'focus')?.focus as HTMLElement['focus'] | undefined)?.call(target, options({ preventScroll: true }));
  // The address bar names the target, and Back returns to where the reader was.
  // (Compared decoded: the browser reports `#café` as `#caf%C3%A9`.)
  if (hash && fragmentOf(location.hash) !== fragmentOf(hash)) history.pushState(null, '', hash);
}
