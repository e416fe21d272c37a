// The package's entry points, shared by the build, the size check and the package exports test.

/** Every npm entry: the package root, the class-only entry, and one registering entry per element. */
export const entries = {
  index: 'src/index.ts',
  classes: 'src/classes.ts',
  article: 'src/article/index.ts',
  'key-points': 'src/key-points/index.ts',
  story: 'src/story/index.ts',
  'comment-prompt': 'src/comment-prompt/index.ts',
  newsletter: 'src/newsletter/index.ts',
  scenarios: 'src/scenarios/index.ts',
  react: 'src/react/index.ts',
};

/** The entries that register one element each (budgeted one by one). */
export const elementEntries = ['article', 'key-points', 'comment-prompt', 'newsletter', 'scenarios', 'story'];

/** The entries that register nothing: importing them for a class must not define a tag. */
export const sideEffectFreeEntries = ['classes'];

/** Files exported as they are (`./custom-elements.json` and the like), when they exist. */
export const fileExports = ['custom-elements.json', 'schema.json', 'vscode.html-custom-data.json', 'package.json'];

/** What the npm entries leave to the consumer's bundler. */
export const external = [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^dompurify(\/|$)/, /^react(-dom)?(\/|$)/];
