export function minifyHtmlParts(parts: string[]): string[];
