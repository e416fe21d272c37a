// Measure: sanitizing and rendering a 4,000-word article through <lede-article>, against
// DOMPurify.sanitize plus one innerHTML alone (SPEC budget: at most 1.2x).
export const name = 'article-sanitize';
export const budget = 1.2;

const RUNS = 30;
const WARMUP = 5;

const WORDS = (
  'the ports agreed to share cranes channels and customers while councils argued about money politics and silt ' +
  'shippers asked which harbour they would call at in five years and the loan tied both balance sheets together'
).split(' ');

/** A 4,000-word article with the markup articles have: headings, lists, links, images, quotes, tables, code. */
export function article(words = 4000) {
  let count = 0;
  let section = 0;
  const parts = [];
  const text = (n) => Array.from({ length: n }, () => WORDS[count++ % WORDS.length]).join(' ');
  while (count < words) {
    section++;
    parts.push(
      `<h2>Section ${section}: ${text(4)}</h2>`,
      `<p>${text(60)} <a href="https://example.org/${section}">${text(3)}</a> ${text(40)}.</p>`,
    );
    parts.push(`<p>${text(50)} <em>${text(4)}</em> ${text(30)} <strong>${text(3)}</strong>.</p>`);
    parts.push(`<h3>Detail ${section}</h3><ul><li>${text(12)}</li><li>${text(12)}</li><li>${text(12)}</li></ul>`);
    parts.push(`<blockquote><p>${text(25)}</p></blockquote>`);
    if (section % 3 === 0)
      parts.push(
        `<figure><img src="/img-${section}.png" alt="${text(3)}" width="640" height="360"><figcaption>${text(10)}</figcaption></figure>`,
      );
    if (section % 4 === 0)
      parts.push(
        `<table><thead><tr><th>Year</th><th>Tonnes</th></tr></thead><tbody><tr><td>2024</td><td>${section * 1000}</td></tr></tbody></table><pre><code>${text(8)}</code></pre>`,
      );
  }
  return parts.join('\n');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const summary = (values) => ({
  median: median(values),
  p25: quantile(values, 0.25),
  p75: quantile(values, 0.75),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** Runs in the bench page; returns { ok, lines }. */
export async function run(page) {
  const html = article();
  const wordCount = html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  const samples = await page.evaluate(
    async (html, runs, warmup) => {
      const { bench } = window;
      const result = { article: [], baseline: [] };
      for (let i = 0; i < warmup + runs; i++) {
        // Alternate the order so neither path always runs on a warmer engine.
        const order = i % 2 ? ['article', 'baseline'] : ['baseline', 'article'];
        for (const key of order) {
          const ms = await bench[key](html);
          if (i >= warmup) result[key].push(ms);
        }
      }
      return result;
    },
    html,
    RUNS,
    WARMUP,
  );
  const ours = summary(samples.article);
  const base = summary(samples.baseline);
  const ratio = ours.median / base.median;
  const fmt = (s) =>
    `median ${s.median.toFixed(2)} ms (IQR ${s.p25.toFixed(2)}–${s.p75.toFixed(2)}, range ${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  return {
    ok: ratio <= budget,
    lines: [
      `${wordCount} words, ${RUNS} runs each after ${WARMUP} warm-up runs`,
      `<lede-article content>          ${fmt(ours)}`,
      `DOMPurify.sanitize + innerHTML  ${fmt(base)}`,
      `ratio ${ratio.toFixed(2)}x (budget ${budget}x): ${ratio <= budget ? 'ok' : 'OVER'}`,
    ],
  };
}
