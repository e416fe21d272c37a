export const entries: Record<string, string>;
export const elementEntries: string[];
export const external: RegExp[];
export const LOADER_DIR: string;
export const loaderEntries: Record<string, string>;
export const loaderTags: Record<string, string>;
export const singleFileBundles: { es: string; iife: string };
