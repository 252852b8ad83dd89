import { csvFormatRows } from 'd3-dsv';

/** Rows as CSV (RFC 4180, with d3-dsv): a header, then one line a row; cells with commas, quotes or breaks are quoted. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, string | number | undefined>[],
): string {
  const cells = rows.map((r) => columns.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  return csvFormatRows([[...columns], ...cells]) + '\n';
}
