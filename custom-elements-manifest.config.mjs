import { ledeDefinePlugin } from './scripts/cem-define-plugin.mjs';
import { ledeStringsPlugin } from './scripts/cem-strings-plugin.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/index.ts', 'src/classes.ts', 'src/react/**'],
  outdir: '.',
  litelement: true,
  plugins: [ledeDefinePlugin(), ledeStringsPlugin()],
};
