/**
 * Reads a value kept across visits in localStorage; with a string, first stores it; with null,
 * first forgets it. Where the browser blocks storage, the value lives for this page view only.
 */
export function remember(key: string, value?: string | null): string | undefined {
  try {
    if (value) localStorage.setItem(key, value);
    else if (value === null) localStorage.removeItem(key);
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return value ?? undefined;
  }
}
