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
// - lit-html calls `document.createElement`, `importNode`, `createTreeWalker`, `createComment`:
//   `<img name="createElement">` replaces those members of `document` and every element renders
//   empty. lit-html (and css-tag's fallback) get a `document` whose methods are Document.prototype's.
//
// - lit-html creates its Trusted Types policy `lit-html` as it starts; a second copy of the bundle
//   on the page threw `Policy with name "lit-html" already exists` before Lede's duplicate guard
//   could warn. The second copy now starts without a policy (it defines no element, so it never
//   renders) and Lede's guard warns once.
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

/** A stand-in for `document` with the four methods lit-html calls, taken from Document.prototype. */
const SAFE_DOCUMENT = `const document = /* @__PURE__ */ ((page) => {
  const D = Document.prototype;
  const safe = {
    createComment: (data) => D.createComment.call(page, data),
    createElement: (tag, options) => D.createElement.call(page, tag, options),
    createTreeWalker: (root, what, filter) => D.createTreeWalker.call(page, root === safe ? page : root, what, filter),
    importNode: (node, deep) => D.importNode.call(page, node, deep),
  };
  return safe;
})(globalThis.document);\n`;

const isLitModule = (id, file) => new RegExp(`/node_modules/${file}$`).test(id.split('?')[0]);

const LIT_HTML = ['lit-html/lit-html.js', 'lit-html/development/lit-html.js'];
const CSS_TAG = ['@lit/reactive-element/css-tag.js', '@lit/reactive-element/development/css-tag.js'];
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
      // The module must read `document` as a free global, and not declare its own.
      if (/\b(?:const|let|var|function)\s+document\b/.test(code)) fail(`${lit} declares document`);
      if (!/\bdocument\b/.test(code)) fail(`${lit} does not read document`);
      let out = code;
      if (LIT_HTML.includes(lit)) {
        const policy = /(\w+)\.createPolicy\((["'])lit-html\2,/g;
        if ((code.match(policy) ?? []).length !== 1) fail(`${lit} does not create the lit-html policy once`);
        out = code.replace(policy, 'ledeTryPolicy($1, "lit-html",');
        out = `const ledeTryPolicy = (tt, name, rules) => { try { return tt.createPolicy(name, rules); } catch { return undefined; } };\n${out}`;
      }
      return { code: SAFE_DOCUMENT + GLOBALS_GUARD + out, map: null };
    },
    buildEnd(error) {
      if (!error && seen.size && !LIT_HTML.some((file) => seen.has(file))) fail('lit-html was never transformed');
    },
  };
}
