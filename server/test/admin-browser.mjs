// Headless Chromium (the repo's, via scripts/browser.mjs) for the dashboard tests and screenshots.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findBrowser } from '../../scripts/browser.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchBrowser() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
  return puppeteer.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

/**
 * A page that records every request it makes and every Content-Security-Policy violation it reports
 * (a blocked inline script or style, a Trusted Types refusal).
 */
export async function recordingPage(browser, { width = 1100, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, requests, problems };
}

/**
 * The first element matching `selector` in the document or any open shadow root, or null. `a >>> b`
 * looks for `b` inside the shadow root of the `a` found first. (Runs in the page. puppeteer's own
 * deep locators poll with `new Function`, which the dashboard's Trusted Types policy refuses.)
 */
function findDeep(selector) {
  const visit = (root, part) => {
    const hit = root.querySelector(part);
    if (hit) return hit;
    for (const element of root.querySelectorAll('*')) {
      const found = element.shadowRoot && visit(element.shadowRoot, part);
      if (found) return found;
    }
    return null;
  };
  let scope = document;
  let found = null;
  for (const part of selector.split('>>>').map((p) => p.trim())) {
    found = scope && visit(scope, part);
    if (!found) return null;
    scope = found.shadowRoot;
  }
  return found;
}

/** The element matching `selector` (see findDeep), once it is there. */
export async function deep(page, selector, timeoutMs = 10_000) {
  const expression = `(${findDeep.toString()})(${JSON.stringify(selector)})`;
  await waitUntil(page, `${expression} !== null`, undefined, timeoutMs).catch(() => {});
  const handle = await page.evaluateHandle(expression);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} within ${timeoutMs} ms`);
  return element;
}

/** Text of the element matching `selector`, spaces collapsed. */
export async function deepText(page, selector) {
  const element = await deep(page, selector);
  const text = await element.evaluate((e) => e.textContent ?? '');
  await element.dispose();
  return text.replace(/\s+/g, ' ').trim();
}

/** Clicks the element matching `selector` as a reader would (mouse events at its centre). */
export async function click(page, selector) {
  const element = await deep(page, selector);
  await element.click();
  await element.dispose();
}

/** Types `value` into the field matching `selector`, replacing what it held. */
export async function type(page, selector, value) {
  const element = await deep(page, selector);
  await element.click({ count: 3 });
  await element.evaluate((e) => e.select?.());
  await page.keyboard.press('Backspace');
  await element.type(value);
  await element.dispose();
}

/** axe-core's violations for the page as it is now (its source evaluated through the DevTools protocol). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations;
}

/**
 * Polls `predicate(arg)` (or an expression) in the page until it is truthy. (puppeteer's waitForFunction builds its
 * predicate with `new Function` in the page, which the dashboard's Trusted Types policy refuses.)
 */
export async function waitUntil(page, predicate, arg, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await (typeof predicate === 'string' ? page.evaluate(predicate) : page.evaluate(predicate, arg))) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${predicate.toString().slice(0, 200)}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}
