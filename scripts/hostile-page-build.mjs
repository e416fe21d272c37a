// A Vite/rolldown plugin for the script-tag files (any build config can add it): the bundle must
// start and render on a page it does not control, one that extends Object.prototype or holds
// markup whose ids and names shadow globals and document members ("DOM clobbering").
//
// - The bundler's namespace helper (`__exportAll`, used for `import * as X` objects such as
//   DOMPurify's expressions) copies properties with `for…in`, which also walks what a page added
//   to Object.prototype: `Object.prototype.isAdmin = true` made it define a getter `true` and the
//   whole bundle stopped. Here every `for…in` of the runtime walks the object's own keys only.
// - Lit reads globals by name at start-up (`litHtmlVersions`, `*PolyfillSupport`,
//   `litElementHydrateSupport`, `ShadyCSS`…). `<img id="litHtmlVersions">` makes that name an
//   element, and `(litHtmlVersions ??= []).push()` throws. Before Lit runs, a name that only an
//   element of the page provides (not an own property of the global object, which a script would
//   have set) is set to undefined, so Lit sees it as absent.
// - lit-html calls `document.createElement`, `importNode`, `createTreeWalker`, `createComment`,
//   `createTextNode` (the first text of every child binding):
//   `<img name="createElement">` replaces those members of `document` and every element renders
//   empty. In lit-html (and css-tag's fallback) those calls go through Document.prototype.
//
// - lit-html creates its Trusted Types policy `lit-html` as it starts; a second copy of the bundle
//   on the page threw `Policy with name "lit-html" already exists` before Lede's duplicate guard
//   could warn. A later copy now reuses the first copy's policy (same identity `createHTML`), so
//   it starts quietly, and Lede's guard warns once. A policy that cannot be made leaves lit-html
//   without one: in a browser without Trusted Types, `<img id="trustedTypes">` is what lit-html
//   reads as `trustedTypes`, and its createPolicy() threw as Lit started.
//
// Each rewrite checks that it found exactly what it expects, and fails the build otherwise: a new
// version of rolldown or Lit must be looked at, not silently left unprotected.

const fail = (what) => {
  throw new Error(`hostile-page-build: ${what}; check the plugin against this version`);
};

/** The globals Lit reads by name (production and development builds). */
export const LIT_GLOBALS = [
  'litHtmlVersions',
  'litHtmlPolyfillSupport',
  'litHtmlPolyfillSupportDevMode',
  'reactiveElementVersions',
  'reactiveElementPolyfillSupport',
  'reactiveElementPolyfillSupportDevMode',
  'litElementVersions',
  'litElementPolyfillSupport',
  'litElementPolyfillSupportDevMode',
  'litElementHydrateSupport',
  'litIssuedWarnings',
  'litDisableBundleWarning',
  'litNonce',
  'ShadyCSS',
  'ShadyDOM',
];

const GLOBALS_GUARD = `for (const name of ${JSON.stringify(LIT_GLOBALS)}) if (!Object.hasOwn(globalThis, name) && name in globalThis) globalThis[name] = undefined;\n`;

/** lit-html's calls on the document, made through Document.prototype (named page elements cannot shadow those). */
function protoCalls(code, lit, doc) {
  let out = code;
  for (const method of ['createComment', 'createTreeWalker', 'createElement', 'createTextNode']) {
    const call = new RegExp(`(?<![.\\w$])${doc}\\.${method}\\(`, 'g');
    if ((out.match(call) ?? []).length !== 1) fail(`${lit} does not call ${doc}.${method} once`);
    out = out.replace(call, `Document.prototype.${method}.call(${doc},`);
  }
  const importNode = new RegExp(`\\((\\w+)\\?\\.creationScope\\?\\?${doc}\\)\\.importNode\\(`, 'g');
  if ((out.match(importNode) ?? []).length !== 1) fail(`${lit} does not import nodes as expected`);
  return out.replace(
    importNode,
    `(($1?.creationScope) ?? { importNode: (n, d) => Document.prototype.importNode.call(${doc}, n, d) }).importNode(`,
  );
}

const isLitModule = (id, file) => new RegExp(`/node_modules/${file}$`).test(id.split('?')[0]);

// The production builds, which the bundles use (the development builds carry other code).
const LIT_HTML = ['lit-html/lit-html.js'];
const CSS_TAG = ['@lit/reactive-element/css-tag.js'];
// The first Lit modules to run: css-tag runs before reactive-element, lit-html before lit-element.
const FIRST_LIT = [...LIT_HTML, ...CSS_TAG];

export function hostilePageBuild() {
  const seen = new Set();
  return {
    name: 'lede-hostile-page-build',
    transform(code, id) {
      if (id === '\0rolldown/runtime.js') {
        const helper = /for \(var (\w+) in (\w+)\)/g;
        const matches = code.match(helper) ?? [];
        if (!code.includes('__exportAll') || matches.length === 0) fail('the runtime has no for…in in __exportAll');
        seen.add('runtime');
        return { code: code.replace(helper, 'for (var $1 of Object.keys($2))'), map: null };
      }
      const lit = FIRST_LIT.find((file) => isLitModule(id, file));
      if (!lit) return null;
      seen.add(lit);
      let out = code;
      if (CSS_TAG.includes(lit)) {
        const call = /(?<![.\w$])document\.createElement\(/g;
        if ((code.match(call) ?? []).length !== 1) fail(`${lit} does not call document.createElement once`);
        out = code.replace(call, 'Document.prototype.createElement.call(document,');
      }
      if (LIT_HTML.includes(lit)) {
        const policy = /(\w+)\.createPolicy\((["'])lit-html\2,/g;
        if ((code.match(policy) ?? []).length !== 1) fail(`${lit} does not create the lit-html policy once`);
        out = out.replace(policy, 'ledeTryPolicy($1, "lit-html",');
        const doc = /\b(\w+)=document,/.exec(code)?.[1];
        if (!doc || (code.match(/\bdocument\b/g) ?? []).length !== 1) fail(`${lit} does not read document once`);
        out = protoCalls(out, lit, doc);
        // A later copy reuses the first copy's policy (the same identity createHTML): no second createPolicy, no violation.
        out = `const ledeTryPolicy = (tt, name, rules) => (globalThis[Symbol.for('lede.lit-html-policy')] ??= (() => { try { return tt.createPolicy(name, rules); } catch { return undefined; } })());\n${out}`;
      }
      return { code: GLOBALS_GUARD + out, map: null };
    },
    buildEnd(error) {
      if (!error && seen.size && !LIT_HTML.some((file) => seen.has(file))) fail('lit-html was never transformed');
    },
  };
}
