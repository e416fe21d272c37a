import { createHash } from 'node:crypto';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}' +
  'h1{font-size:1.5rem}button{font:inherit;padding:.5rem 1rem;border:2px solid #1a1a1a;border-radius:4px;background:#fff;color:#1a1a1a;cursor:pointer}' +
  'button:focus-visible,a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}a{color:#1a5fb4}' +
  '@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#161616}button{color:#f0f0f0;background:#161616;border-color:#f0f0f0}a{color:#8cb4ff}}';

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The pages' policy: nothing loads; the one inline style is allowed by its hash; forms post only here. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

export const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': PAGE_CSP,
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** A small page: a title, paragraphs (already escaped HTML) and optional extra HTML. */
export function page(lang: string, title: string, paragraphs: string[], extra = ''): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>` +
    `<h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}${extra}</main></body></html>`
  );
}
