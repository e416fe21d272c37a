import type { Plugin } from 'vite';
export function dompurifySource(): Plugin;
export function staticDompurify(): Plugin;
