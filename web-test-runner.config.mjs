import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findBrowser } from './scripts/browser.mjs';
import { createLedeEndpoint } from './server/endpoint.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { a11yCommandPlugin } from './test/plugins/a11y.mjs';
import { networkCommandPlugin } from './test/plugins/network.mjs';
import { standInServicePlugin } from './test/plugins/stand-in-service.mjs';

const endpoint = createLedeEndpoint();

/** The strict policy of the README, with Trusted Types enforced, for the pages under test/csp/. */
export const STRICT_CSP =
  "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lede lit-html dompurify";

const cspMiddleware = async (ctx, next) => {
  await next();
  if (ctx.path.startsWith('/test/csp/')) ctx.set('Content-Security-Policy', STRICT_CSP);
};

/** Mounts the connect-style endpoint in the test runner's Koa server. */
const endpointMiddleware = async (ctx, next) => {
  let passed = false;
  await endpoint(ctx.req, ctx.res, () => {
    passed = true;
  });
  if (passed) return next();
  if (!ctx.res.headersSent) ctx.status = 200; // A deliberately hanging answer is not a 404.
  ctx.respond = false;
};

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  reporters: [defaultReporter(), summaryReporter()],
  // One page at a time: focus and animation frames only behave like a reader's in the front page.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [cspMiddleware, endpointMiddleware],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // json: JSON imports (the story's schema, test fixtures) become modules, as in Vite.
  plugins: [
    networkCommandPlugin(),
    standInServicePlugin(),
    a11yCommandPlugin(),
    esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: CHROME_ARGS },
    }),
  ],
};
