import { html, type TemplateResult } from 'lit';
import demo from '../demo/article.json';
import type { LedeDocument } from '../src/story/document.js';

/** Wraps a story in a page-like frame: a dark page, a right-to-left page, or a narrow column. */
export const darkPage = (story: TemplateResult) =>
  html`<div class="lede-story-dark" style="background:#15171a;color:#ececec;padding:1.5rem;font-family:Georgia,serif">
    ${story}
  </div>`;

export const rtlPage = (story: TemplateResult) =>
  html`<div dir="rtl" lang="ar" style="font-family:system-ui,sans-serif">${story}</div>`;

export const narrowPage = (story: TemplateResult) =>
  html`<div style="max-width:320px;border:1px dashed #999;padding:0.5rem">${story}</div>`;

export const serifPage = (story: TemplateResult) =>
  html`<div style="font-family:Georgia,serif;line-height:1.6;max-width:42rem">${story}</div>`;

/**
 * The demo's Lede document with its endpoints on the stories' network (msw, .storybook/network.ts,
 * under /api): demo/article.json itself points at lede-server's /v1 routes, which `npm start` runs.
 */
export const storybookDocument = {
  ...demo,
  scenarios: { ...demo.scenarios, voteEndpoint: '/api/votes' },
  commentPrompt: { ...demo.commentPrompt, countSrc: '/api/comments/count?articleId=lede-demo-ports' },
  newsletter: { ...demo.newsletter, action: '/api/signup' },
} as LedeDocument;
