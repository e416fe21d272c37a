import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options?: RunOptions): Promise<AxeResults> };
  }
}

/** Runs axe-core on an element (shadow roots included) and fails with a readable list of violations. */
export async function expectNoAxeViolations(context: Element | Document): Promise<void> {
  const results = await window.axe.run(context, { resultTypes: ['violations'] });
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  if (violations.length > 0)
    throw new Error(`axe found ${violations.length} violation(s):\n  ${violations.join('\n  ')}`);
}
