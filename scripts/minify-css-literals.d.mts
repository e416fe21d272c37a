import type { Plugin } from 'vite';
export function minifyCss(text: string): string;
export function minifyHtmlParts(parts: string[]): string[];
export function minifyTemplates(code: string, parse: (code: string) => unknown, names?: Map<string, string>): string;
export function stripSchemaAnnotations(schema: unknown): unknown;
export function minifyTemplateLiterals(): Plugin[];
export const minifyCssLiterals: typeof minifyTemplateLiterals;
