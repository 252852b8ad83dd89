/**
 * Dates for readers, through Intl: another language is a `locale` argument. ISO dates are read as
 * calendar dates (UTC), so no time zone can move a day.
 */
export const DEFAULT_LOCALE = 'en-GB';

function utc(iso: string): { time: number; hasMonth: boolean; hasDay: boolean } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  return { time: Date.UTC(y, (m ?? 1) - 1, d ?? 1), hasMonth: m !== undefined, hasDay: d !== undefined };
}

const format = (locale: string, options: Intl.DateTimeFormatOptions, time: number) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(time);

/** "2022-03-07" -> "7 March 2022"; "2022-03" -> "March 2022"; "2022" -> "2022". */
export function formatDate(iso: string, locale = DEFAULT_LOCALE): string {
  const { time, hasMonth, hasDay } = utc(iso);
  const month = hasMonth ? 'long' : undefined;
  return format(locale, { day: hasDay ? 'numeric' : undefined, month, year: 'numeric' }, time);
}

/** "2022-03-07" -> "7 Mar": for chart labels where space is short. */
export function formatShortDate(iso: string, locale = DEFAULT_LOCALE): string {
  return format(locale, { day: 'numeric', month: 'short' }, utc(iso).time);
}

/** "2022-03-01" -> "March 2022"; with month "short", "Mar 2022". */
export function formatMonth(iso: string, locale = DEFAULT_LOCALE, month: 'long' | 'short' = 'long'): string {
  return format(locale, { month, year: 'numeric' }, utc(iso.slice(0, 7)).time);
}

/** "2022-03-01" -> "March" (or "Mar"). */
export function formatMonthName(iso: string, locale = DEFAULT_LOCALE, month: 'long' | 'short' = 'long'): string {
  return format(locale, { month }, utc(iso.slice(0, 7)).time);
}
