/** Rows as CSV (RFC 4180): a header, then one line a row; cells with commas, quotes or breaks are quoted. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, string | number | undefined>[],
): string {
  const cell = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
