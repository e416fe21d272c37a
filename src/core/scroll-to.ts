/**
 * Takes the reader to an in-page target the way a fragment link should, also inside shadow
 * roots: scrolls there (smoothly, unless reduced motion is asked for) and moves focus to it, so
 * that keyboard and screen-reader users continue from there.
 */
export function scrollToAndFocus(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
  target.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  target.focus({ preventScroll: true });
}
