import type { Config, DOMPurify, WindowLike } from 'dompurify';
import forbidden from './forbidden.json';
import { baseUrl } from './page.js';
import { ALLOWED_URI_REGEXP } from './url.js';

/**
 * The one way Lede turns untrusted HTML into DOM: DOMPurify with an allow-list for article
 * content, returning a fragment whose nodes are inserted as they are. A sanitized string is never
 * parsed again (that re-parse is where mutation XSS lives).
 *
 * DOMPurify is imported on first use (`loadSanitizer`), so a page that renders no untrusted HTML
 * never downloads it: in the script-tag loader it is a chunk of its own, and a consumer's bundler
 * splits it the same way.
 *
 * Under enforced Trusted Types DOMPurify parses through a policy named `lede`. The policy passes
 * strings through unchanged, so it stays private to this module: DOMPurify is its only caller.
 */

// DOMPurify's HTML profile already drops scripts, iframes, objects, embeds, base, meta, link and
// every event handler; forbidden.json lists the tags and attributes of that profile that articles
// must not have either: styles, forms, dialogs, top-layer triggers, and hooks into the shadow root.
// (The script-tag bundles also leave them out of DOMPurify's lists: scripts/dompurify-source.mjs.)
const { tags: FORBID_TAGS, attributes: FORBID_ATTR } = forbidden;

/** Sanitizes untrusted HTML into a fragment, ready to insert. */
export type Sanitize = (dirty: string) => DocumentFragment;

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

/**
 * The window DOMPurify is built over: the page's constructors, and a new empty document instead of
 * the page's. DOMPurify reads `document.createElement`, `implementation`, `importNode`… once, as
 * it starts; on the page's document an `<img name="createElement">` anywhere on the page replaces
 * them, and DOMPurify either throws or (without `implementation`) returns the markup unsanitized,
 * as text. The page's markup cannot reach a document of our own.
 */
function cleanWindow(): WindowLike {
  return {
    document: new Document().implementation.createHTMLDocument(''),
    Element,
    Node,
    NodeFilter,
    DOMParser,
    HTMLTemplateElement,
    trustedTypes: (window as WindowLike).trustedTypes,
  } as WindowLike;
}

function configure(factory: DOMPurify): Sanitize {
  const purify = factory(cleanWindow());
  // Fail closed: a DOMPurify that cannot run returns its input as it is.
  if (!purify.isSupported) throw Error('DOMPurify unsupported');
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
  return (dirty) => purify.sanitize(dirty) as unknown as DocumentFragment;
}

let ready: Sanitize | undefined;
let loading: Promise<Sanitize> | undefined;

/** The sanitizer, once loaded: lets an element render in the same update when it already is. */
export const loadedSanitizer = (): Sanitize | undefined => ready;

/** Imports DOMPurify (once) and resolves with the sanitizer. A failed import is tried again on the next call. */
export function loadSanitizer(): Promise<Sanitize> {
  loading ??= import('dompurify')
    .then(({ default: factory }) => (ready = configure(factory)))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** Sanitizes untrusted HTML into a fragment, ready to insert (loading DOMPurify first if needed). */
export async function sanitizeHtml(dirty: string): Promise<DocumentFragment> {
  return (ready ?? (await loadSanitizer()))(dirty);
}

/** The prefix DOMPurify puts before every id and name, so content cannot clobber page globals. */
export const CONTENT_ID_PREFIX = 'user-content-';
