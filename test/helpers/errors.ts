import type { LedeErrorDetail } from '../../src/core/events.js';

/** Lit's dev-mode warnings link to lit.dev/msg/<code>; the dev-mode banner itself is expected. */
const isLitWarning = (text: string) => text.includes('lit.dev/msg/') && !text.includes('lit.dev/msg/dev-mode');

/**
 * Records every `lede-error` that reaches the document and silences the matching `[lede]` console
 * warnings. Any other warning still reaches the console, and a Lit dev-mode warning (a property
 * changed during an update, a shadowed reactive property, …) fails the test: `stop()` throws.
 */
export function captureLedeErrors(): { details: LedeErrorDetail[]; warnings: string[]; stop(): void } {
  const details: LedeErrorDetail[] = [];
  const warnings: string[] = [];
  const litWarnings: string[] = [];
  const onError = (event: Event) => details.push((event as CustomEvent<LedeErrorDetail>).detail);
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('[lede]')) warnings.push(text);
    else if (isLitWarning(text)) litWarnings.push(text);
    else originalWarn.apply(console, args);
  };
  document.addEventListener('lede-error', onError);
  return {
    details,
    warnings,
    stop() {
      document.removeEventListener('lede-error', onError);
      console.warn = originalWarn;
      if (litWarnings.length) throw new Error(`Lit warned during the test:\n${litWarnings.join('\n')}`);
    },
  };
}
