/** The admin token lives for this tab's session only (sessionStorage): never a cookie, never a URL. */
const KEY = 'lede-admin-token';

export const tokenStore = {
  get(): string | undefined {
    try {
      return sessionStorage.getItem(KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(token: string): void {
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Storage off: the token lives in memory until the tab reloads.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored.
    }
  },
};
