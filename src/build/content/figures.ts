import { z } from 'zod';
import type { MonthlyPoint } from './csv.ts';
import type { YearOnYearChange } from './year-on-year.ts';
import { formatBillions, formatPercentSize, percentChange } from '../format/numbers.ts';
import { addMonths } from '../format/months.ts';

/**
 * A figure computed from the data: from the monthly export series, or (`year-on-year-exports`) read from
 * content/data/year-on-year-exports.csv for one month and series, e.g. all destinations in 2022-03.
 */
export const dataFigureSchema = z
  .object({
    measure: z.enum(['value', 'month-on-month', 'year-on-year', 'peak-value', 'year-on-year-exports']),
    month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    series: z.string().optional(),
    digits: z.number().int().min(0).max(2).optional(),
  })
  .strict()
  .refine((d) => d.measure !== 'year-on-year-exports' || (d.month !== undefined && d.series !== undefined), {
    error: 'year-on-year-exports needs a month and a series',
  });

export const figureSchema = z
  .object({
    id: z.string(),
    says: z.array(z.string()).optional(),
    data: dataFigureSchema.optional(),
    sources: z.array(z.string()).min(1),
  })
  .strict()
  .refine((f) => (f.says === undefined) !== (f.data === undefined), { error: 'either says or data' });

export type DataFigure = z.infer<typeof dataFigureSchema>;
export type Figure = z.infer<typeof figureSchema>;

/** Every way the story states a figure: "$3.8bn", "27%", "two thirds". */
export const FIGURE_PATTERN = /\$\d+(?:\.\d+)?bn|\d+(?:\.\d+)?%|two thirds/g;

const valueOn = (series: readonly MonthlyPoint[], month: string) => series.find((p) => p.date === `${month}-01`)?.value;

const shift = (month: string, years: number, months: number) => addMonths(month, years * 12 + months);

/** The figure as the story should state it, computed from the data now. */
export function computeFigure(
  spec: DataFigure,
  series: readonly MonthlyPoint[],
  yearOnYear: readonly YearOnYearChange[] = [],
): string {
  if (spec.measure === 'year-on-year-exports') {
    const row = yearOnYear.find((c) => c.month === spec.month && c.series === spec.series);
    if (!row) throw new Error(`no ${spec.series} row for ${spec.month} in the year-on-year data`);
    return formatPercentSize(row.changePct, spec.digits ?? 1);
  }
  const digits = spec.digits ?? 0;
  if (spec.measure === 'peak-value') {
    return formatBillions(Math.max(...series.map((p) => p.value)));
  }
  const month = spec.month ?? '';
  const value = valueOn(series, month);
  if (value === undefined) throw new Error(`no data for ${month}`);
  if (spec.measure === 'value') return formatBillions(value, spec.digits ?? 1);
  const before = valueOn(series, spec.measure === 'month-on-month' ? shift(month, 0, -1) : shift(month, -1, 0));
  if (before === undefined) throw new Error(`no data before ${month}`);
  return formatPercentSize(percentChange(before, value), digits);
}

/** What each figure in the registry says, with data figures computed from the data. */
export function figureDisplays(
  figures: readonly Figure[],
  series: readonly MonthlyPoint[],
  yearOnYear: readonly YearOnYearChange[] = [],
): Map<string, string> {
  const displays = new Map<string, string>();
  for (const f of figures) {
    const says = f.data ? [computeFigure(f.data, series, yearOnYear)] : (f.says ?? []);
    for (const s of says) displays.set(s, f.id);
  }
  return displays;
}

/** Sentences of a markdown text, with link targets removed, for quoting in messages. */
export function sentences(markdown: string): string[] {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[[\]_*]/g, '')
    .split(/(?<=[.!?:])\s+(?=["“A-Z0-9$])|\n{2,}/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Each figure stated in a text that no registry figure says: the sentence and the figure. */
export function unmatchedFigures(markdown: string, displays: ReadonlyMap<string, string>): { sentence: string; figure: string }[] {
  return sentences(markdown).flatMap((sentence) =>
    [...sentence.matchAll(FIGURE_PATTERN)].map((m) => m[0]).filter((figure) => !displays.has(figure)).map((figure) => ({ sentence, figure })),
  );
}
