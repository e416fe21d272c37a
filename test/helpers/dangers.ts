// What makes a sanitized tree unsafe, checked by the XSS corpus tests against src (test/sanitize.test.ts)
// and against the script-tag bundle (test/bundle/sanitize.bundle-test.ts).
const DANGEROUS_TAGS =
  'script, style, link, base, meta, iframe, frame, frameset, object, embed, form, input, button, select, textarea, dialog, template, slot, svg, math, noscript, portal, applet';
const FORBIDDEN_ATTRIBUTES = new Set([
  'style',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'command',
  'commandfor',
  'formaction',
  'action',
  'srcdoc',
  'autofocus',
  'is',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'cite',
  'lowsrc',
  'dynsrc',
  'srcset',
  'longdesc',
  'usemap',
  'ping',
]);

/** What a browser would see as the URL's scheme, after dropping the characters it ignores. */
// Browsers ignore these characters in URLs, so the check must too.
const scheme = (value: string) =>
  value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u205f\u3000\ufeff]/g, '')
    .toLowerCase();

/** Every reason the sanitized tree under `root` is unsafe; empty when it is safe. */
export function dangers(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll(DANGEROUS_TAGS)) found.push(`<${element.localName}>`);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`);
      if (FORBIDDEN_ATTRIBUTES.has(name)) found.push(`${name} on <${element.localName}>`);
      if (URL_ATTRIBUTES.has(name)) {
        const url = scheme(value);
        if (url.startsWith('javascript:') || url.startsWith('vbscript:')) found.push(`${name}=${value}`);
        if (
          url.startsWith('data:') &&
          !(name === 'src' && ['img', 'audio', 'video', 'source', 'track'].includes(element.localName))
        )
          found.push(`${name}=${value}`);
      }
      if ((name === 'id' || name === 'name') && !value.startsWith('user-content-'))
        found.push(`${name}=${value} can clobber`);
    }
  }
  return found;
}
