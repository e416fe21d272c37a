import type { Plugin } from 'vite';
export function minifyTemplateLiterals(): Plugin[];
