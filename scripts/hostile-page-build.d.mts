import type { Plugin } from 'vite';
export const LIT_GLOBALS: string[];
export function hostilePageBuild(): Plugin;
