/** Month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2022-03-07" -> "7 March 2022"; "2022-03" -> "March 2022"; "2022" -> "2022". Parsed by hand: no time-zone drift. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (m === undefined) return y ?? '';
  const month = MONTHS[Number(m) - 1] ?? '';
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "2022-03-07" -> "7 Mar": for chart labels where space is short. */
export function formatShortDate(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${Number(d)} ${(MONTHS[Number(m) - 1] ?? '').slice(0, 3)}`;
}

/** "2022-03-01" -> "March 2022". */
export function formatMonth(iso: string): string {
  return formatDate(iso.slice(0, 7));
}
