export const entries: Record<string, string>;
export const elementEntries: string[];
export const external: RegExp[];
