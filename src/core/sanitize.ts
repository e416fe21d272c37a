import DOMPurify, { type Config } from 'dompurify';
import forbidden from './forbidden.json';
import { baseUrl } from './page.js';
import { ALLOWED_URI_REGEXP } from './url.js';

/**
 * The one way Lede turns untrusted HTML into DOM: DOMPurify with an allow-list for article
 * content, returning a fragment whose nodes are inserted as they are. A sanitized string is never
 * parsed again (that re-parse is where mutation XSS lives).
 *
 * Under enforced Trusted Types DOMPurify parses through a policy named `lede`. The policy passes
 * strings through unchanged, so it stays private to this module: DOMPurify is its only caller.
 */

// DOMPurify's HTML profile already drops scripts, iframes, objects, embeds, base, meta, link and
// every event handler; forbidden.json lists the tags and attributes of that profile that articles
// must not have either: styles, forms, dialogs, top-layer triggers, and hooks into the shadow root.
// (The script-tag bundles also leave them out of DOMPurify's lists: scripts/dompurify-source.mjs.)
const { tags: FORBID_TAGS, attributes: FORBID_ATTR } = forbidden;

function createPolicy(): Config['TRUSTED_TYPES_POLICY'] {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
  try {
    return tt?.createPolicy('lede', {
      createHTML: (s: string) => s,
      createScriptURL: (s: string) => s,
    }) as Config['TRUSTED_TYPES_POLICY'];
  } catch {
    // A second copy of Lede on the page: DOMPurify falls back to its own `dompurify` policy.
    return undefined;
  }
}

/** Whether a URL leaves the page's origin. */
export function isExternalUrl(href: string): boolean {
  try {
    return new URL(href, baseUrl()).origin !== location.origin;
  } catch {
    return false;
  }
}

let purify: ReturnType<typeof DOMPurify> | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purify) return purify;
  purify = DOMPurify(window);
  purify.setConfig({
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ADD_ATTR: ['target'],
    ALLOWED_URI_REGEXP,
    // SANITIZE_DOM (no DOM clobbering through id/name) is on by default; this adds the prefix.
    SANITIZE_NAMED_PROPS: true,
    RETURN_DOM_FRAGMENT: true,
    // Undefined (no Trusted Types, or a second copy of Lede) leaves DOMPurify to its own policy.
    TRUSTED_TYPES_POLICY: createPolicy(),
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.localName === 'a' || element.localName === 'area') {
      if (element.getAttribute('target') !== '_blank') element.removeAttribute('target');
      const href = element.getAttribute('href');
      if ((href && isExternalUrl(href)) || element.hasAttribute('target'))
        element.setAttribute('rel', 'noopener noreferrer');
    } else if (element.localName === 'img') {
      element.setAttribute('loading', 'lazy');
      element.setAttribute('decoding', 'async');
    }
  });
  return purify;
}

/** Sanitizes untrusted HTML into a fragment, ready to insert. */
export function sanitizeHtml(dirty: string): DocumentFragment {
  return instance().sanitize(dirty) as unknown as DocumentFragment;
}

/** The prefix DOMPurify puts before every id and name, so content cannot clobber page globals. */
export const CONTENT_ID_PREFIX = 'user-content-';
