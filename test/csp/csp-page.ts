// Runs inside test/csp/index.html, which is served with a strict CSP and Trusted Types enforced.
// Records every violation and every Trusted Types policy created, then renders every element.
import type { LedeArticle } from '../../src/article/article.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface CspResult {
  /** Violations while every element rendered ordinary content (must be none). */
  violations: Violation[];
  /** Violations while hostile HTML was sanitized (see below). */
  hostile: Violation[];
  hostileRan: boolean;
  policies: string[];
  enforced: boolean;
  upgraded: string[];
  undefinedTags: string[];
  errors: string[];
}

const violations: Violation[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    directive: event.effectiveDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
});

const policies: string[] = [];
const tt = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
const createPolicy = tt.createPolicy.bind(tt);
tt.createPolicy = (name: string, rules: object) => {
  policies.push(name);
  return createPolicy(name, rules);
};

const errors: string[] = [];
document.addEventListener('lede-error', (event) =>
  errors.push((event as CustomEvent<{ message: string }>).detail.message),
);

async function run(): Promise<CspResult> {
  await import('../../src/index.js');

  const ARTICLE =
    '<p>Text with <a href="https://example.org/">a link</a>, <em>emphasis</em> and <code>code</code>.</p><ul><li>One</li></ul><blockquote><p>Quote</p></blockquote><figure><img src="/no-image.png" alt="A chart"><figcaption>Caption</figcaption></figure><table><tr><th>k</th><td>v</td></tr></table>';
  const fromContent = document.querySelector<LedeArticle>('#from-content')!;
  fromContent.content = `<h2>From content</h2><p>Sanitized under Trusted Types.</p>${ARTICLE}`;

  const session = `csp${Math.random().toString(36).slice(2, 8)}`;
  await fetch(`/api/s/${session}/__pages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'a', body: `<h2>From src</h2><p>Fetched fragment.</p>${ARTICLE}` }),
  });
  const fromSrc = document.querySelector<LedeArticle>('#from-src')!;
  const loaded = new Promise((resolve) => fromSrc.addEventListener('lede-load', resolve, { once: true }));
  fromSrc.src = `/api/s/${session}/pages/a`;

  const story = document.querySelector('#story') as HTMLElement & { document?: unknown };
  story.document = {
    headline: 'A story under CSP',
    body: `<h2>Story body</h2>${ARTICLE}`,
    keyPoints: { items: [{ title: 'One', text: 'A point.' }] },
    scenarios: { items: [{ id: 'a', title: 'A', summary: 'Scenario A.' }] },
    commentPrompt: { prompt: 'Tell us.' },
    newsletter: { action: '/api/signup' },
  };
  await loaded;

  const all = () =>
    [...document.querySelectorAll('*')].flatMap((el) => [
      el,
      ...(el.shadowRoot ? el.shadowRoot.querySelectorAll('*') : []),
    ]);
  const ledeTags = () => all().filter((el) => el.localName.startsWith('lede-'));
  for (let round = 0; round < 3; round++) {
    await Promise.all(
      ledeTags().map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete),
    );
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  const clean = violations.splice(0);

  // Hostile HTML: Chromium reports script-src-attr and style-src-attr when DOMPurify's inert parse
  // meets an inline handler or style attribute, though nothing runs; Trusted Types must still hold.
  let ran = false;
  (window as unknown as { alert: () => void }).alert = () => (ran = true);
  fromContent.content =
    '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a><p style="color:red">styled</p>';
  await fromContent.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const hostile = violations.splice(0);

  // The probe: a raw HTML sink must be refused, which proves Trusted Types are enforced here.
  let enforced = false;
  try {
    document.createElement('div').innerHTML = '<b>probe</b>';
  } catch {
    enforced = true;
  }
  await new Promise((resolve) => setTimeout(resolve));
  const probe = violations.findIndex((v) => v.directive === 'require-trusted-types-for');
  const rest = violations.filter((_, index) => index !== probe || !enforced);

  const tags = [...new Set(ledeTags().map((el) => el.localName))];
  return {
    violations: [...clean, ...rest],
    hostile,
    hostileRan: ran,
    policies,
    enforced: enforced && probe >= 0,
    upgraded: tags.filter((tag) => customElements.get(tag)),
    undefinedTags: tags.filter((tag) => !customElements.get(tag)),
    errors,
  };
}

(window as unknown as { cspResult: Promise<CspResult> }).cspResult = run();
