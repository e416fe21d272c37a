// Bundles the dashboard (Lit and all) into dist/admin/, so `npx lede-server` serves it without a build step.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'admin');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'main.ts')],
  outfile: join(out, 'admin.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  // Lit's BSD-3-Clause notice travels with the bundle.
  legalComments: 'eof',
  tsconfig: join(here, 'tsconfig.json'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'admin.css']) copyFileSync(join(here, file), join(out, file));
