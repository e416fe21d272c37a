export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/index.ts', 'src/classes.ts'],
  outdir: '.',
  litelement: true,
};
