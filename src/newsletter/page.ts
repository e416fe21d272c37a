import { describeValue } from '../core/errors.js';
import { options } from '../core/own.js';
import { firstUpdatesWaiting } from '../core/first-update.js';
import { baseUrl } from '../core/page.js';

/** The page a signup comes from: origin and path. The query and fragment may hold tokens; they never leave the page. */
export const pageSource = (): string => location.origin + location.pathname;

/** A signup endpoint resolved against the document's base URL: an http(s) URL, or why it cannot be used. */
export function resolveEndpoint(raw: string | null | undefined): URL | string {
  if (!raw?.trim()) return 'is missing: set it to the http(s) URL of the signup endpoint';
  try {
    const url = new URL(raw, baseUrl());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Not a URL at all: reported below like any other unusable value.
  }
  return `${describeValue(raw)} is not an http(s) URL; nothing was sent or kept`;
}

/** The plain form's return that this page load read, until every newsletter upgraded with it has asked. */
let returned: { list: string | null } | undefined;

/** Forgets the return once every first render requested with it has run, however many tasks that took. */
const forgetReturnedSignup = (): unknown =>
  setTimeout(() => (firstUpdatesWaiting() ? forgetReturnedSignup() : (returned = undefined)));

/**
 * After a signup through the plain form (no JavaScript), the server sends the reader back to the
 * page with `lede-signup=pending`, and `lede-list=<list>` when the form named its list. True for
 * the newsletter of that list (every one of it), or for the first newsletter when no list was
 * named. The parameters leave the address bar, so a reload or a shared link does not thank the
 * reader again; newsletters upgraded with this page load (their first renders may be spread over
 * several tasks) still get their answer.
 */
export function takeReturnedSignup(list: string | undefined): boolean {
  const url = new URL(location.href);
  if (url.searchParams.get('lede-signup') === 'pending') {
    returned = { list: url.searchParams.get('lede-list') };
    url.searchParams.delete('lede-signup');
    url.searchParams.delete('lede-list');
    history.replaceState(history.state, '', url);
    forgetReturnedSignup();
  }
  if (!returned) return false;
  if (returned.list === null) {
    returned = undefined;
    return true;
  }
  return returned.list === (list ?? '');
}

/**
 * Whether a server answers at `url` at all: a `no-cors` HEAD that sends no cookies and reads
 * nothing. It fails only when nothing answers, which tells a server that is down from one that
 * answered without CORS headers.
 */
export const answers = (url: string, signal?: AbortSignal): Promise<boolean> =>
  fetch(
    url,
    options<RequestInit>({
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.any([AbortSignal.timeout(5000), ...(signal ? [signal] : [])]),
    }),
  ).then(
    () => true,
    () => false,
  );
