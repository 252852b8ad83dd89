/**
 * Month arithmetic on ISO dates, in one place. Works on "2022-03" and on "2022-03-01" alike and keeps the
 * form it is given (the day part is carried over unchanged, so pass month starts).
 */
export function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const month = `${Math.floor(total / 12)}-${String((((total % 12) + 12) % 12) + 1).padStart(2, '0')}`;
  return month + iso.slice(7);
}
