// Medians and spread for repeated measurements.
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/** "12.3 (IQR 11.9–12.8, n=15)" */
export function format(stats, digits = 1) {
  const f = (v) => v.toFixed(digits);
  return `${f(stats.median)} (IQR ${f(stats.p25)}–${f(stats.p75)}, n=${stats.n})`;
}

/** The page names in the order of run `i`: rotated by one each run, so that a slower moment of the machine hits every page alike. */
export function rotation(names, i) {
  return names.map((_, k) => names[(k + i) % names.length]);
}
