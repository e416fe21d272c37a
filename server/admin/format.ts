const numbers = new Intl.NumberFormat('en');
const percents = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const days = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const times = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export const count = (n: number) => numbers.format(n);
export const percent = (share: number) => percents.format(share);
/** `2026-12-02` as "2 Dec" (the days are UTC days). */
export const day = (iso: string) => days.format(new Date(`${iso}T00:00:00Z`));
export const dateTime = (iso: string | null | undefined) => (iso ? times.format(new Date(iso)) : '—');
export const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
