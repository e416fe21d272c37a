import type { ShareNetwork } from './networks.js';

/**
 * One small line icon per share target: a path in a 12×12 box, drawn with `currentColor` by the
 * element's styles (no fill, a round stroke), so it follows the link's colour, the theme and forced
 * colours. Inline, so an icon costs no request; simplified shapes (not the brands' logos) on a
 * small grid, so all of them together cost about 0.4 KB gzip.
 */
export const icons: Record<ShareNetwork, string> = {
  x: 'M2 2l8 8m0-8l-8 8',
  bluesky: 'M6 6C4 2 1 1 1 3s2 3 3 3c-2 1-1 4 1 3l1-3 1 3c2 1 3-2 1-3 1 0 3-1 3-3S8 2 6 6z',
  mastodon: 'M2 2h8v6H5L3 10V8H2zm2 4V4h2v2-2h2v2',
  linkedin: 'M1 1h10v10H1zm2 4v4m0-6v0m2 6V5m0 2a2 2 0 014 0v2',
  threads: 'M8 6a2 2 0 10-4 0 2 2 0 004 0v1a1.5 1.5 0 003 0V6a5 5 0 10-2 4',
  facebook: 'M8 1H7a2 2 0 00-2 2v8M3 5h4',
  reddit: 'M2 7.5a4 2.5 0 108 0 4 2.5 0 10-8 0M6 5l1-3 2 1M4.5 7.5v0m3 0v0',
  whatsapp: 'M1.5 10.5l.7-2.2A4.5 4.5 0 114 10z',
  telegram: 'M11 1L1 5.5l3 1 1 3.5 2-2 3 2zM4 6.5L11 1',
  pinterest: 'M6 11A5 5 0 106 1a5 5 0 000 10zm-1 0l1.5-6M6 7.5c2 1 4-1 3-2.5S6 3 5 4.5',
  email: 'M1 3h10v6H1zm0 0l5 4 5-4',
  copy: 'M4 4h7v7H4zM2 8V1h7',
  native: 'M6 1v7M3 4l3-3 3 3M2 6v5h8V6',
};
