// The package's entry points, shared by the build, the size check and the package exports test.

/** The entries that register one element each (budgeted one by one); each also has a React wrapper. */
export const elementEntries = [
  'article',
  'key-points',
  'comment-prompt',
  'newsletter',
  'scenarios',
  'story',
  'comment-count',
];

/** The languages shipped besides English (src/translations/<lang>.ts): data only, registering nothing. */
export const translationEntries = ['de', 'pl', 'ar'];

/** Every npm entry: the package root, the class-only entry, one registering entry per element, and the React wrappers. */
export const entries = {
  index: 'src/index.ts',
  classes: 'src/classes.ts',
  article: 'src/article/index.ts',
  'key-points': 'src/key-points/index.ts',
  story: 'src/story/index.ts',
  'comment-prompt': 'src/comment-prompt/index.ts',
  newsletter: 'src/newsletter/index.ts',
  scenarios: 'src/scenarios/index.ts',
  'comment-count': 'src/comment-count/index.ts',
  react: 'src/react/index.ts',
  // One wrapper alone (`lede/react/key-points`): registers and bundles that element only.
  ...Object.fromEntries(elementEntries.map((name) => [`react/${name}`, `src/react/${name}.ts`])),
  // One language each (`lede/translations/de`), passed to registerTranslation(): a page pays for the languages it uses.
  ...Object.fromEntries(translationEntries.map((lang) => [`translations/${lang}`, `src/translations/${lang}.ts`])),
};

/** The entries that register nothing: importing them for a class must not define a tag. */
export const sideEffectFreeEntries = ['classes', ...translationEntries.map((lang) => `translations/${lang}`)];

/** Files exported as they are (`./custom-elements.json` and the like), when they exist. */
export const fileExports = ['custom-elements.json', 'schema.json', 'vscode.html-custom-data.json', 'package.json'];

/** What the npm entries leave to the consumer's bundler. */
export const external = [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^dompurify(\/|$)/, /^react(-dom)?(\/|$)/];

/**
 * The script-tag loader build: dist/lede.js, and beside it dist/lede/ with one chunk per element
 * (`lede/key-points.js` registers `<lede-key-points>`), the shared chunks (Lit, the core) and DOMPurify.
 */
export const LOADER_DIR = 'lede';
export const loaderEntries = {
  lede: 'src/loader/lede.ts',
  ...Object.fromEntries(elementEntries.map((name) => [`${LOADER_DIR}/${name}`, `src/${name}/index.ts`])),
};
/** Tag -> the loader entry that registers it. */
export const loaderTags = Object.fromEntries(elementEntries.map((name) => [`lede-${name}`, `${LOADER_DIR}/${name}`]));

/** The single-file script-tag builds: everything (DOMPurify too) in one ES module and one classic script. */
export const singleFileBundles = { es: 'lede.bundle.js', iife: 'lede.iife.js' };
