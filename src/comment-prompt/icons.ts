import type { ShareNetwork } from './networks.js';

/**
 * One small line icon per share target: a path in a 24×24 box, drawn with `currentColor` by the
 * element's styles (no fill, a 2px round stroke), so it follows the link's colour, the theme and
 * forced colours. Inline, so an icon costs no request; simplified shapes, not the brands' logos.
 */
export const icons: Record<ShareNetwork, string> = {
  x: 'M4 4l16 16M20 4L4 20',
  bluesky: 'M12 11C9 6 5 3 3.5 4.5S4 12 8 12c-3 1-3 5 0 6s4-3 4-7c0 4 1 8 4 7s3-5 0-6c4 0 6-6 4.5-7.5S15 6 12 11z',
  mastodon:
    'M6 3h12a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3h-7l-4 4v-4H6a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3zM8 13V9a2 2 0 0 1 4 0v2m0-2a2 2 0 0 1 4 0v4',
  linkedin: 'M4 4h16v16H4zM8 11v5M8 8v.01M12 16v-5m0 2a2.5 2.5 0 0 1 5 0v3',
  threads: 'M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0v1.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-4 7.5',
  facebook: 'M15 3h-2a4 4 0 0 0-4 4v14M6 11h8',
  reddit: 'M4 15a8 5 0 1 0 16 0 8 5 0 1 0-16 0M12 10l1.5-6 4 1M9 15v.01M15 15v.01M9.5 18c1.5 1 3.5 1 5 0',
  whatsapp: 'M4 20l1.3-4.2A8.5 8.5 0 1 1 8.5 19zM9 8.5c0 4 2.5 6.5 6.5 6.5l1-2-2-1-1 1c-1.5-.5-2.5-1.5-3-3l1-1-1-2z',
  telegram: 'M21 4L3 11l6 2 2 6 3-4 5 4zM9 13l12-9',
  pinterest: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM10 20l2.5-10M11 14.5c3 1.5 6-1 5.5-4S12 6 9.5 8.5',
  email: 'M3 5h18v14H3zM3 5l9 8 9-8',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  native: 'M12 3v12M7 8l5-5 5 5M5 12v8h14v-8',
};
