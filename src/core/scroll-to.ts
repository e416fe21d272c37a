import { options } from './own.js';
import { fragmentOf } from './url.js';

/**
 * Takes the reader to an in-page target the way a fragment link should, also inside shadow
 * roots: scrolls there (smoothly, unless reduced motion is asked for) and moves focus to it, so
 * that keyboard and screen-reader users continue from there; with `hash`, pushes it to history.
 */
export function scrollToAndFocus(target: HTMLElement, hash?: string): void {
  // Through the prototypes: the target can be a form (`#commentform`), whose fields named `focus`
  // or `tabIndex` replace its own members.
  const tabIndex = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'tabIndex')!;
  if (!Element.prototype.hasAttribute.call(target, 'tabindex') && (tabIndex.get!.call(target) as number) < 0)
    tabIndex.set!.call(target, -1);
  Element.prototype.scrollIntoView.call(
    target,
    options<ScrollIntoViewOptions>({
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
    }),
  );
  HTMLElement.prototype.focus.call(target, options({ preventScroll: true }));
  // The address bar names the target, and Back returns to where the reader was.
  // (Compared decoded: the browser reports `#café` as `#caf%C3%A9`.)
  if (hash && fragmentOf(location.hash) !== fragmentOf(hash)) history.pushState(null, '', hash);
}
