import { emit, type LedeErrorCode } from './events.js';

/**
 * Tells the page that something it gave an element is wrong: a `lede-error` event for code and a
 * `console.warn` for the person reading the console. Never throws; the element goes on rendering
 * whatever part of its input is valid.
 */
export function reportError(element: HTMLElement, code: LedeErrorCode, field: string, problem: string): void {
  const message = `<${element.localName}> ${field}: ${problem}`;
  console.warn(`[lede] ${message}`);
  emit(element, 'lede-error', { code, message, field });
}

/** A short, safe description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
