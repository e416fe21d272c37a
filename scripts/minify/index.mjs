// The build's minifiers, one job per file: css.mjs (stylesheets and `css` template parts),
// html.mjs (`html` template parts), private-names.mjs (short names for private custom
// properties), schema.mjs (the schema without annotations), templates.mjs (finding the templates).
import { stripSchemaPlugin } from './schema.mjs';
import { minifyTemplatesPlugin } from './templates.mjs';

/** The build plugins, used by vite.config.ts and by the size check. */
export const minifyTemplateLiterals = () => [stripSchemaPlugin(), minifyTemplatesPlugin()];
