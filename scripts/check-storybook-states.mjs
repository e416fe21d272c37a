// Opens the static Storybook (`npm run build-storybook` -> storybook-static/) in headless Chromium,
// served from a loopback server as a host would, and checks that each state a designer must see is
// really on screen: the stories' network (msw's service worker) answers there as in
// `npm run storybook`. Prints one line per state and a screenshot path; exits 1 if one is missing.
// Usage: node scripts/check-storybook-states.mjs [storybook-static]
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findBrowser } from './browser.mjs';

const root = process.argv[2] ?? 'storybook-static';
if (!existsSync(join(root, 'iframe.html'))) {
  console.error(`No ${root}/iframe.html: run \`npm run build-storybook\` first.`);
  process.exit(1);
}
const shots = join(root, 'state-checks');
mkdirSync(shots, { recursive: true });

/** Text of the first element matching `selector` inside the first `tag`'s shadow root (in the page's light DOM or a story's shadow root). */
const inShadow = (tag, selector) => `(() => {
  const find = (root) => root.querySelector(${JSON.stringify(tag)}) ??
    [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
  const host = find(document);
  return host?.shadowRoot?.querySelector(${JSON.stringify(selector)}) ?? null;
})()`;
const text = (tag, selector) => `((${inShadow(tag, selector)})?.textContent?.replace(/\\s+/g, ' ').trim() ?? '')`;

/**
 * Each state: its story id, a check run in the story's page (true when the state is on screen) and,
 * optionally, `{ media }`: media features of the reader's system emulated in that page.
 */
const ALL_STATES = [
  [
    'elements-newsletter--consent-not-ticked',
    'consent not ticked',
    `${text('lede-newsletter', '[part=error]')} === 'Please tick this box.' && ${inShadow('lede-newsletter', '#consent')}.getAttribute('aria-invalid') === 'true'`,
  ],
  [
    'elements-newsletter--not-sent-not-kept',
    'a signup that could not be sent or kept',
    `${text('lede-newsletter', '[role=status]')}.includes('did not work') && ${inShadow('lede-newsletter', '[name=email]')}.value === 'reader@example.com'`,
  ],
  [
    'elements-newsletter--saved-offline',
    'a signup saved in the outbox (offline)',
    `${text('lede-newsletter', '[role=status]')}.includes('saved')`,
  ],
  [
    'elements-newsletter--sent-later-from-outbox',
    'a signup sent later from the outbox',
    `${text('lede-newsletter', '[role=status]')}.includes('Check your inbox') && !localStorage.getItem('lede-outbox')`,
  ],
  [
    'elements-newsletter--failed',
    "a signup refused with the endpoint's message",
    `${text('lede-newsletter', '[role=status]')} === 'This address is on the blocklist.'`,
  ],
  [
    'elements-scenarios--vote-refused',
    "a vote refused with the endpoint's message",
    `${text('lede-scenarios', '[part=status]')} === 'Voting on this article closed at midnight.'`,
  ],
  [
    'elements-scenarios--counts-fail-to-load',
    'vote counts that fail to load',
    `${inShadow('lede-scenarios', 'button[aria-pressed=true]')} !== null && ${inShadow('lede-scenarios', '[part=result]')} === null && document.querySelector('lede-scenarios')?.counts === undefined && performance.getEntriesByType('resource').some((r) => r.name.includes('/api/votes-failing'))`,
  ],
  [
    'elements-scenarios--with-votes',
    'voting against the endpoint',
    `document.querySelectorAll('lede-scenarios').length === 1 && ${inShadow('lede-scenarios', 'button[part=vote]')} !== null`,
  ],
  [
    'elements-scenarios--closed',
    'voting closed: results, no buttons',
    `${inShadow('lede-scenarios', 'button[part=vote]')} === null && ${text('lede-scenarios', '[part=result]')}.includes('%')`,
  ],
  [
    'elements-scenarios--show-results',
    'results shown without voting',
    `${inShadow('lede-scenarios', 'button[part=vote]')} !== null && ${text('lede-scenarios', '[part=result]')}.includes('%')`,
  ],
  [
    'elements-comment-prompt--from-count-src',
    'a count from count-src',
    `${text('lede-comment-prompt', '[part=count]')} === '12 comments'`,
  ],
  [
    'elements-comment-prompt--count-loading',
    'a count loading',
    `${inShadow('lede-comment-prompt', '[part=count]')} !== null && ${text('lede-comment-prompt', '[part=count]')} === ''`,
  ],
  [
    'elements-comment-prompt--count-fails-to-load',
    'a count that fails to load',
    `${inShadow('lede-comment-prompt', '[part=count]')} === null && performance.getEntriesByType('resource').some((r) => r.name.includes('count-failing'))`,
  ],
  [
    'elements-comment-prompt--link-copied',
    '"Link copied"',
    `${text('lede-comment-prompt', '[role=status]')} === 'Link copied'`,
  ],
  [
    'elements-comment-prompt--copy-refused',
    'the read-only field when the clipboard is refused',
    `${inShadow('lede-comment-prompt', '[part=copy-input]')}?.readOnly === true && ${text('lede-comment-prompt', '[role=status]')}.startsWith('Press Ctrl+C')`,
  ],
  [
    'elements-comment-prompt--mastodon-invalid-server',
    'an invalid Mastodon server',
    `${text('lede-comment-prompt', '#invalid')} === 'Enter a server name, such as mastodon.social' && ${inShadow('lede-comment-prompt', '#server')}.getAttribute('aria-invalid') === 'true'`,
  ],
  [
    'elements-comment-prompt--mastodon-change-server',
    '"Change server"',
    `${text('lede-comment-prompt', '[part=mastodon-server]')} === 'Change server (mastodon.social)'`,
  ],
  [
    'elements-comment-prompt--rejected-javascript-link',
    'a rejected javascript: comments link',
    `${inShadow('lede-comment-prompt', '[part=base]')} !== null && ${inShadow('lede-comment-prompt', '[part=cta]')} === null`,
  ],
  [
    'elements-comment-count--from-src',
    'a comment count from src',
    `${text('lede-comment-count', '[part~=count]')} === '23 comments'`,
  ],
  [
    'elements-comment-count--loading',
    'a comment count loading: the text child shows',
    `${inShadow('lede-comment-count', 'slot')} !== null && document.querySelector('lede-comment-count')?.textContent === 'Comments'`,
  ],
  [
    'elements-comment-count--load-error',
    'a comment count that fails: the text stays',
    `${inShadow('lede-comment-count', 'slot')} !== null && performance.getEntriesByType('resource').some((r) => r.name.includes('counts-failing'))`,
  ],
  [
    'elements-comment-count--listing',
    'a listing: one request for four counts',
    `document.querySelectorAll('lede-comment-count').length === 4 && [...document.querySelectorAll('lede-comment-count')].every((el) => el.shadowRoot?.querySelector('[part~=count]')) && performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/comments/counts')).length === 1`,
  ],
  [
    'elements-article--loading',
    'an article loading from src',
    `${text('lede-article', '[part=status]')} === 'Loading the article…' && ${inShadow('lede-article', 'article')}.getAttribute('aria-busy') === 'true'`,
  ],
  [
    'elements-article--load-error',
    'an article failing from src',
    `${text('lede-article', '[part=status]')} === 'The article could not be loaded.'`,
  ],
  [
    'elements-article--from-src-html',
    'an article from src (HTML)',
    `${text('lede-article', '[part=body]')}.length > 200`,
  ],
  [
    'elements-newsletter--required-fields',
    'required fields marked "(required)", the optional one not',
    `${text('lede-newsletter', 'label[for=email]')} === 'Email (required)' && ${inShadow('lede-newsletter', '#email')}.required && ${text('lede-newsletter', '#consent-required')} === '(required)' && ${text('lede-newsletter', 'label[for=name]')} === 'Name'`,
  ],
  [
    'accessibility-forced-colours--newsletter-and-chosen-scenario',
    'forced colours: Subscribe boundary, chosen card highlight',
    `matchMedia('(forced-colors: active)').matches && ${inShadow('lede-newsletter', '[part=button]')} !== null && ${inShadow('lede-scenarios', '[aria-pressed=true]')} !== null && ((b) => b.borderTopStyle === 'solid' && parseFloat(b.borderTopWidth) >= 1)(getComputedStyle(${inShadow('lede-newsletter', '[part=button]')})) && [...${inShadow('lede-scenarios', '[part=list]')}.children].map((li) => getComputedStyle(li).outlineStyle).join() === 'solid,none'`,
    // Emulated in the story's tab, as the browser's developer tools do.
    { media: [{ name: 'forced-colors', value: 'active' }] },
  ],
  ['elements-story--from-src', '<lede-story> from src', `${inShadow('lede-story', 'lede-article')} !== null`],
  [
    'elements-story--loading-from-src',
    '<lede-story> loading from src',
    // A pending request has no resource timing entry yet: the element is there, with its src, and empty.
    `document.querySelector('lede-story')?.getAttribute('src')?.endsWith('hanging.json') && ${inShadow('lede-story', 'lede-article')} === null && ${text('lede-story', '[part=status]')} === 'Loading the story…'`,
  ],
  [
    'elements-story--failing-from-src',
    '<lede-story> failing from src',
    `${inShadow('lede-story', 'lede-article')} === null && ${text('lede-story', '[part=status]')} === 'The story could not be loaded.'`,
  ],
];
/** `STATES=story-id,…` checks only those. */
const ONLY = process.env.STATES;
const STATES = ONLY ? ALL_STATES.filter(([id]) => ONLY.split(',').includes(id)) : ALL_STATES;

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: CHROME_ARGS });
let failed = 0;
try {
  for (const [id, state, check, { media } = {}] of STATES) {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 700 });
    if (media) await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: media });
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
    let ok = false;
    try {
      await page.waitForFunction(check, { timeout: 15000, polling: 100 });
      ok = true;
    } catch {
      ok = false;
    }
    const shot = join(shots, `${id}.png`);
    await page.screenshot({ path: shot });
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${state.padEnd(52)} ${id} (${shot})`);
    if (!ok) failed++;
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  failed
    ? `\n${failed} of ${STATES.length} states missing in the static Storybook.`
    : `\nAll ${STATES.length} states are on screen in the static Storybook.`,
);
process.exit(failed ? 1 : 0);
