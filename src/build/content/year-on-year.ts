import { percentChange } from '../format/numbers.ts';
import { parseCsv, type MonthlyPoint } from './csv.ts';
import { show, type ContentProblem } from './errors.ts';
import { addMonths } from '../format/months.ts';

/** One month's change in a series on the same month a year earlier, as reported. */
export interface YearOnYearChange {
  /** YYYY-MM. */
  month: string;
  /** One of the series the chart declares in charts.yaml. */
  series: string;
  /** Percent, one decimal as reported: 14.7, -25.9. */
  changePct: number;
  sources: string[];
}

const COLUMNS = ['month', 'series', 'change_pct', 'sources'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The same month a year earlier, as the first-of-month date the monthly series uses. */
const yearBefore = (month: string) => `${addMonths(month, -12)}-01`;

/** What a year-on-year row is checked against: the monthly series and the source list, with their files. */
export interface YearOnYearChecks {
  /** The series each month has, in order (from charts.yaml). */
  seriesIds: readonly string[];
  /** The series whose rows must equal the monthly series' change, if any. */
  matches?: string | undefined;
  /** Left out when the series has problems of its own: one fault, one message. */
  series: readonly MonthlyPoint[] | undefined;
  seriesFile: string;
  sourceIds: ReadonlySet<string>;
  sourcesFile: string;
}

/**
 * Year-on-year changes, one row per month and series, every month with every series, every source listed.
 * The rows of the `matches` series must be what the monthly series gives, rounded to one decimal: the two
 * charts cannot disagree.
 */
export function parseYearOnYear(
  file: string,
  text: string,
  { seriesIds, matches, series, seriesFile, sourceIds, sourcesFile }: YearOnYearChecks,
): { changes: YearOnYearChange[]; problems: ContentProblem[] } {
  const { rows, problems } = parseCsv(file, text, COLUMNS);
  const changes: YearOnYearChange[] = [];
  const seen = new Map<string, number>();
  const byDate = new Map((series ?? []).map((p) => [p.date, p.value]));
  for (const { line, cells } of rows) {
    const month = cells['month'] ?? '';
    const name = cells['series'] ?? '';
    const entry = `line ${line} (${month || '?'} ${name || '?'})`;
    const before = problems.length;
    const problem = (field: string, expected: string, got?: string) =>
      problems.push({ file, entry, field, expected, ...(got === undefined ? {} : { got }) });

    if (!MONTH.test(month)) problem('month', 'a month written YYYY-MM', show(month));
    if (!seriesIds.includes(name)) {
      problem('series', `one of ${seriesIds.join(', ')}`, show(name));
    }
    const change = Number(cells['change_pct']);
    if (cells['change_pct'] === '' || !Number.isFinite(change) || change <= -100 || change > 1000) {
      problem('change_pct', 'a percentage change above -100, such as 14.7 or -7.7', show(cells['change_pct']));
    }
    const sources = (cells['sources'] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (sources.length === 0) problem('sources', 'one or more source ids separated by ;', 'nothing');
    sources.forEach((id, i) => {
      if (!sourceIds.has(id)) problem(`sources.${i}`, `a source id listed in ${sourcesFile}`, show(id));
    });
    const key = `${month} ${name}`;
    const first = seen.get(key);
    if (first !== undefined) problem('series', `one row per month and series (already on line ${first})`, show(name));
    seen.set(key, line);

    if (problems.length === before && name === matches && series !== undefined) {
      const now = byDate.get(`${month}-01`);
      const then = byDate.get(yearBefore(month));
      if (now === undefined || then === undefined) {
        problem('month', `a month that ${seriesFile} covers, with the same month a year earlier`, show(month));
      } else {
        const computed = Number(percentChange(then, now).toFixed(1));
        if (computed !== change) {
          problem(
            'change_pct',
            `${computed}, the change from ${yearBefore(month).slice(0, 7)} to ${month} in ${seriesFile}, rounded to one decimal`,
            show(cells['change_pct']),
          );
        }
      }
    }
    if (problems.length === before) {
      changes.push({ month, series: name, changePct: change, sources });
    }
  }

  // Only when every row is sound: a rejected row would otherwise be reported twice, once as missing.
  const months = problems.length === 0 ? [...new Set(changes.map((c) => c.month))] : [];
  for (const month of months) {
    const missing = seriesIds.filter((s) => !changes.some((c) => c.month === month && c.series === s));
    if (missing.length > 0) {
      problems.push({ file, entry: `month ${month}`, field: 'series', expected: `a row for ${missing.join(' and ')}` });
    }
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ file, entry: '(file)', field: '(rows)', expected: 'at least one data row', got: 'none' });
  }
  const order = (c: YearOnYearChange) => seriesIds.indexOf(c.series);
  return { changes: [...changes].sort((a, b) => a.month.localeCompare(b.month) || order(a) - order(b)), problems };
}
