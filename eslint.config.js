import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'server/dist/',
      'storybook-static/',
      'node_modules/',
      'custom-elements.json',
      'test/fixtures/',
      '.storybook/public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: [
      'scripts/**',
      'server/**',
      'bench/**',
      'test/node/**',
      'test/**/*.mjs',
      'demo/**/*.mjs',
      '*.config.*',
      'vite.config.ts',
      '.storybook/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
