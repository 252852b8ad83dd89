/** The data activity's answers as numbers: computed from the monthly CSV, the way a student would. */
import type { MonthlyPoint } from '../content/csv.ts';
import type { ActivityFigure } from '../content/teach-schema.ts';
import { formatBillions, formatPercentSize, percentChange } from '../format/numbers.ts';
import { addMonths } from '../format/months.ts';

function valueOf(series: readonly MonthlyPoint[], month: string): number {
  const p = series.find((q) => q.date === `${month}-01`);
  if (!p) throw new Error(`the monthly data have no ${month}`);
  return p.value;
}

/** The figure's number: dollars for value and sum, percent for changes. */
export function activityFigureValue(f: ActivityFigure, series: readonly MonthlyPoint[]): number {
  switch (f.measure) {
    case 'value':
      return valueOf(series, f.month ?? '');
    case 'sum': {
      const from = `${f.from ?? ''}-01`;
      const to = `${f.to ?? ''}-01`;
      return series.filter((p) => p.date >= from && p.date <= to).reduce((a, p) => a + p.value, 0);
    }
    case 'month-on-month':
    case 'year-on-year': {
      const month = f.month ?? '';
      const before = addMonths(month, f.measure === 'month-on-month' ? -1 : -12);
      return percentChange(valueOf(series, before), valueOf(series, month));
    }
  }
}

/** The figure as the answer key writes it: "$5.20bn", "26.75%" (the size of a change; the text gives its sign). */
export function formatActivityFigure(f: ActivityFigure, series: readonly MonthlyPoint[]): string {
  const v = activityFigureValue(f, series);
  return f.measure === 'value' || f.measure === 'sum'
    ? formatBillions(v, f.digits ?? 2)
    : formatPercentSize(v, f.digits ?? 1);
}

/** What the figure is, in words, for messages: "month-on-month 2022-03". */
export function describeActivityFigure(f: ActivityFigure): string {
  return f.measure === 'sum' ? `sum ${f.from ?? ''} to ${f.to ?? ''}` : `${f.measure} ${f.month ?? ''}`;
}
