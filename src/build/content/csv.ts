import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { show, type ContentProblem } from './errors.ts';
import { isRealDate } from './schemas.ts';
import { addMonths } from '../format/months.ts';

/**
 * Parses CSV (RFC 4180, with d3-dsv) with a header row into records, each with the line it starts on.
 * A row whose cell count differs from the header's is a problem named by its line number.
 */
export function parseCsv(
  file: string,
  text: string,
  columns: readonly string[],
): { rows: { line: number; cells: Record<string, string> }[]; problems: ContentProblem[] } {
  const records = csvParseRows(text.replace(/^\uFEFF/, ''));
  const header = records[0] ?? [];
  if (header.join() !== columns.join()) {
    return {
      rows: [],
      problems: [
        { file, entry: 'line 1', field: '(header)', expected: show(columns.join(',')), got: show(header.join(',')) },
      ],
    };
  }
  const rows: { line: number; cells: Record<string, string> }[] = [];
  const problems: ContentProblem[] = [];
  // A quoted cell may hold line breaks: each record starts after the previous one's lines.
  let line = 1;
  for (const cells of records) {
    const start = line;
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(LINE_BREAK)?.length ?? 0), 0);
    if (start === 1 || cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== columns.length) {
      problems.push({
        file,
        entry: `line ${start}`,
        field: '(row)',
        expected: `${columns.length} cells (${columns.join(', ')})`,
        got: `${cells.length}: ${show(csvFormatRows([cells]))}`,
      });
      continue;
    }
    rows.push({ line: start, cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])) });
  }
  return { rows, problems };
}

const LINE_BREAK = /\r\n|\r|\n/g;

export interface MonthlyPoint {
  /** First day of the month, YYYY-MM-01. */
  date: string;
  /** US dollars, nominal. */
  value: number;
}

/** A monthly series: first-of-month ISO dates, in order, with no month missing, positive finite values. */
export function parseMonthlySeries(file: string, text: string): { points: MonthlyPoint[]; problems: ContentProblem[] } {
  const { rows, problems } = parseCsv(file, text, ['date', 'value']);
  const points: MonthlyPoint[] = [];
  // The month the previous row stood for, even when that row was rejected: one bad row is one problem.
  let previous: string | undefined;
  for (const { line, cells } of rows) {
    const entry = `line ${line}`;
    const date = cells['date'] ?? '';
    const value = Number(cells['value']);
    const expectedDate = previous === undefined ? undefined : addMonths(previous, 1);
    if (!isRealDate(date) || !date.endsWith('-01')) {
      problems.push({ file, entry, field: 'date', expected: 'the first day of a month, YYYY-MM-01', got: show(date) });
      previous = expectedDate;
      continue;
    }
    previous = date;
    if (expectedDate !== undefined && date !== expectedDate) {
      problems.push({
        file,
        entry,
        field: 'date',
        expected: `the month after ${prevLabel(expectedDate)} (${expectedDate}): no gaps, no repeats, in order`,
        got: show(date),
      });
      continue;
    }
    if (cells['value'] === '' || !Number.isFinite(value) || value <= 0) {
      problems.push({ file, entry, field: 'value', expected: 'a positive number of US dollars', got: show(cells['value']) });
      continue;
    }
    points.push({ date, value });
  }
  if (points.length === 0 && problems.length === 0) {
    problems.push({ file, entry: '(file)', field: '(rows)', expected: 'at least one data row', got: 'none' });
  }
  return { points, problems };
}

/** "2022-05-01" (the expected month) -> "2022-04": the month before it, for messages. */
const prevLabel = (expected: string): string => addMonths(expected, -1).slice(0, 7);

export const QUALIFIERS = ['', 'more than', 'almost'] as const;

export interface CategoryDrop {
  id: string;
  label: string;
  /** Percentage change, e.g. -98. */
  change: number;
  /** How the source words it: "more than 40%", "almost two thirds". */
  qualifier: (typeof QUALIFIERS)[number];
  /** How the source words the figure, shown to readers as is. */
  wording: string;
  comparison: string;
  sources: string[];
}

const CATEGORY_COLUMNS = ['id', 'label', 'change', 'qualifier', 'wording', 'comparison', 'sources'] as const;

/** Category drops: one row per product category, percent change, how the source words it, source ids. */
export function parseCategoryDrops(file: string, text: string): { drops: CategoryDrop[]; problems: ContentProblem[] } {
  const { rows, problems } = parseCsv(file, text, CATEGORY_COLUMNS);
  const drops: CategoryDrop[] = [];
  for (const { line, cells } of rows) {
    const entry = `line ${line} (${cells['id'] || '?'})`;
    const change = Number(cells['change']);
    const qualifier = cells['qualifier'] ?? '';
    const before = problems.length;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(cells['id'] ?? ''))
      problems.push({
        file,
        entry,
        field: 'id',
        expected: 'an id of lower-case letters, digits and hyphens',
        got: show(cells['id']),
      });
    if (!cells['label'])
      problems.push({ file, entry, field: 'label', expected: 'a label for readers', got: 'nothing' });
    if (cells['change'] === '' || !Number.isFinite(change) || change < -100 || change > 1000)
      problems.push({
        file,
        entry,
        field: 'change',
        expected: 'a percentage change between -100 and 1000',
        got: show(cells['change']),
      });
    if (!(QUALIFIERS as readonly string[]).includes(qualifier))
      problems.push({
        file,
        entry,
        field: 'qualifier',
        expected: 'empty, "more than" or "almost"',
        got: show(qualifier),
      });
    if (!cells['wording'])
      problems.push({ file, entry, field: 'wording', expected: 'the figure as the source words it', got: 'nothing' });
    if (!cells['comparison'])
      problems.push({
        file,
        entry,
        field: 'comparison',
        expected: 'what the change compares (e.g. March vs February 2022)',
        got: 'nothing',
      });
    const sources = (cells['sources'] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (sources.length === 0)
      problems.push({
        file,
        entry,
        field: 'sources',
        expected: 'one or more source ids separated by ;',
        got: 'nothing',
      });
    if (problems.length === before) {
      drops.push({
        id: cells['id'] ?? '',
        label: cells['label'] ?? '',
        change,
        qualifier: qualifier as CategoryDrop['qualifier'],
        wording: cells['wording'] ?? '',
        comparison: cells['comparison'] ?? '',
        sources,
      });
    }
  }
  return { drops, problems };
}
