// Launches the machine's Chromium (scripts/browser.mjs) with puppeteer-core: no browser download.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findBrowser } from '../../scripts/browser.mjs';

export async function launchBrowser() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium or Chrome found: set CHROME_PATH (see README).');
  return puppeteer.launch({ executablePath, headless: true, args: [...CHROME_ARGS, '--js-flags=--expose-gc'] });
}

/** A fresh page in its own browser context (no shared cache or memory), 1280×800. */
export async function freshPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.setCacheEnabled(false);
  page.on('pageerror', (error) => console.warn(`  page error: ${error.message}`));
  return { page, close: () => context.close() };
}

/** The JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { heap: usedSize, nodes, listeners: jsEventListeners };
}
