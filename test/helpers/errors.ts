import type { LedeErrorDetail } from '../../src/core/events.js';

/** Records every `lede-error` that reaches the document, and silences the matching console warnings. */
export function captureLedeErrors(): { details: LedeErrorDetail[]; warnings: string[]; stop(): void } {
  const details: LedeErrorDetail[] = [];
  const warnings: string[] = [];
  const onError = (event: Event) => details.push((event as CustomEvent<LedeErrorDetail>).detail);
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  document.addEventListener('lede-error', onError);
  return {
    details,
    warnings,
    stop() {
      document.removeEventListener('lede-error', onError);
      console.warn = originalWarn;
    },
  };
}
