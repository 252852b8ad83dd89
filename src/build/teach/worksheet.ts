/**
 * The data activity's worksheet: empty axes for students to plot on (months across, $bn up), drawn at
 * build with the chart engine's frame, marks and SVG renderer, and the values to plot, from the CSV.
 */
import { scaleLinear } from 'd3-scale';
import type { MonthlyPoint } from '../content/csv.ts';
import { frame, plotHeight, plotWidth } from '../charts/frame.ts';
import { line, text } from '../charts/marks.ts';
import type { ChartName } from '../charts/registry.ts';
import type { Mark, Scene } from '../../shared/chart-types.ts';
import type { Ui } from '../content/ui-schema.ts';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface WorksheetRow {
  month: (typeof MONTHS)[number];
  /** $bn to two decimals, by year; undefined where the data end. */
  values: (string | undefined)[];
}

/** The years students plot (teach.md's worksheet `years`): one line each, over the same twelve months. */
const inYears = (series: readonly MonthlyPoint[], years: readonly string[]) =>
  series.filter((p) => years.some((y) => p.date.startsWith(`${y}-`)));

/** The values to plot, in $bn to two decimals: a row a month, a column a year. */
export function worksheetRows(series: readonly MonthlyPoint[], years: readonly string[]): WorksheetRow[] {
  const byDate = new Map(inYears(series, years).map((p) => [p.date, p.value]));
  return MONTHS.map((month, i) => ({
    month,
    values: years.map((y) => {
      const v = byDate.get(`${y}-${String(i + 1).padStart(2, '0')}-01`);
      return v === undefined ? undefined : (v / 1e9).toFixed(2);
    }),
  }));
}

/** The empty chart: a $bn axis from zero past the largest value, a vertical line for every month, no data. */
export function worksheetScene(
  series: readonly MonthlyPoint[],
  years: readonly string[],
  title: string,
  ui: Ui,
): Scene {
  const f = frame('wide', { height: 560, left: 64, bottom: 56 });
  const max = Math.max(...inYears(series, years).map((p) => p.value)) / 1e9;
  const y = scaleLinear()
    .domain([0, max * 1.02])
    .nice()
    .range([f.top + plotHeight(f), f.top]);
  const x = scaleLinear()
    .domain([-0.5, MONTHS.length - 0.5])
    .range([f.left, f.left + plotWidth(f)]);
  const marks: Mark[] = [];
  const [, top] = y.domain() as [number, number];
  // A fine line every $0.5bn and a labelled one every $1bn: enough to plot two decimals by eye.
  for (let v = 0; v <= top + 1e-9; v += 0.5) {
    const whole = Math.abs(v - Math.round(v)) < 1e-9;
    const yy = y(v);
    marks.push(
      line(`y-${v}`, 'grid', {
        class: v === 0 ? 'axis-line' : whole ? 'worksheet-major' : 'worksheet-minor',
        x1: f.left,
        x2: f.width - f.right,
        y1: yy,
        y2: yy,
      }),
    );
    if (whole) {
      marks.push(
        text(`ylabel-${v}`, 'grid', v === 0 ? '$0' : `$${v}bn`, {
          class: 'tick-label',
          x: f.left - 8,
          y: yy + f.small * 0.35,
          'text-anchor': 'end',
          'font-size': f.small,
        }),
      );
    }
  }
  MONTHS.forEach((m, i) => {
    marks.push(
      line(`x-${m}`, 'grid', { class: 'worksheet-major', x1: x(i), x2: x(i), y1: f.top, y2: y(0) }),
      text(`xlabel-${m}`, 'grid', m, {
        class: 'tick-label',
        x: x(i),
        y: y(0) + 8 + f.small,
        'text-anchor': 'middle',
        'font-size': f.small,
      }),
    );
  });
  marks.push(
    line('y-axis', 'grid', { class: 'axis-line', x1: f.left, x2: f.left, y1: f.top, y2: y(0) }),
    text('y-title', 'label', ui('worksheet.yTitle'), {
      class: 'tick-label',
      x: f.left - 8,
      y: f.top - 10,
      'text-anchor': 'start',
      'font-size': f.small,
    }),
    text('x-title', 'label', ui('worksheet.xTitle'), {
      class: 'tick-label',
      x: f.left + plotWidth(f) / 2,
      y: f.height - 6,
      'text-anchor': 'middle',
      'font-size': f.small,
    }),
  );
  return {
    // Not one of the story's animated charts: the renderer uses the name only for a class and data attribute.
    chart: 'worksheet' as ChartName,
    state: 'blank',
    layout: 'wide',
    width: f.width,
    height: f.height,
    title,
    subtitle: ui('worksheet.subtitle'),
    description: ui('worksheet.describe', { top }),
    marks,
  };
}
