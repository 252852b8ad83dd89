import { scaleLinear } from 'd3-scale';
import type { MonthlyPoint } from '../content/csv.ts';
import { formatMonth, formatMonthName } from '../format/dates.ts';
import { formatBillions, formatPercentSize, formatSignedPercent, percentChange } from '../format/numbers.ts';
import { frame, plotHeight, plotWidth } from './frame.ts';
import { circle, estimateTextWidth, line, path, polylinePath, text } from './marks.ts';
import type { LayoutName, Mark, Scene } from './types.ts';

export const EXPORTS_START = '2021-01-01';
export const EXPORTS_END = '2023-06-01';

/** What each state shows: the last month drawn and the month it points at. */
interface ExportsStateSpec {
  through: string;
  focus: string;
}

/** The months each named state is about, found from the data rather than fixed where the data decides. */
export function exportsStateSpecs(series: readonly MonthlyPoint[]): Record<string, ExportsStateSpec> {
  const shown = windowed(series);
  const in2022 = shown.filter((p) => p.date.startsWith('2022-'));
  const spring = in2022.filter((p) => p.date >= '2022-03-01' && p.date <= '2022-06-01');
  const low = spring.reduce((a, b) => (b.value < a.value ? b : a), spring[0] ?? shown[0]!);
  const rebound = firstYearOnYearRise(shown, '2022-05-01') ?? '2022-07-01';
  const peak = shown.reduce((a, b) => (b.value > a.value ? b : a), shown[0]!);
  return {
    context: { through: '2022-02-01', focus: '2022-02-01' },
    'feb-level': { through: '2022-02-01', focus: '2022-02-01' },
    'march-drop': { through: '2022-03-01', focus: '2022-03-01' },
    'april-low': { through: low.date, focus: low.date },
    rebound: { through: '2022-12-01', focus: rebound },
    'record-2023': { through: shown.at(-1)!.date, focus: peak.date },
  };
}

export function windowed(series: readonly MonthlyPoint[]): MonthlyPoint[] {
  return series.filter((p) => p.date >= EXPORTS_START && p.date <= EXPORTS_END);
}

const yearBefore = (date: string): string => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

/** The first month on or after `from` whose exports exceed the same month a year earlier. */
export function firstYearOnYearRise(series: readonly MonthlyPoint[], from: string): string | undefined {
  const byDate = new Map(series.map((p) => [p.date, p.value]));
  return series.find((p) => p.date >= from && p.value > (byDate.get(yearBefore(p.date)) ?? Infinity))?.date;
}

/** The figures a state's annotation and text alternative quote, computed from the series. */
export function exportsFigures(series: readonly MonthlyPoint[], state: string) {
  const all = new Map(series.map((p) => [p.date, p.value]));
  const spec = exportsStateSpecs(series)[state];
  if (!spec) throw new Error(`exports chart has no state "${state}"`);
  const value = all.get(spec.focus) ?? NaN;
  const prevMonth = all.get(prevMonthOf(spec.focus));
  const lastYear = all.get(yearBefore(spec.focus));
  return {
    ...spec,
    value,
    monthOnMonth: prevMonth === undefined ? undefined : percentChange(prevMonth, value),
    yearOnYear: lastYear === undefined ? undefined : percentChange(lastYear, value),
  };
}

function prevMonthOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

const shortMonth = (date: string) => formatMonth(date, undefined, 'short');

/** The annotation for a state: a one-line label at the focus month. */
function annotation(series: readonly MonthlyPoint[], state: string): { label: string; detail?: string } {
  const f = exportsFigures(series, state);
  const month = formatMonthName(f.focus);
  switch (state) {
    case 'march-drop':
      return { label: `${formatSignedPercent(f.monthOnMonth ?? 0)} on February`, detail: formatBillions(f.value) };
    case 'april-low':
      return { label: `${month}: ${formatBillions(f.value)}, the low` };
    case 'rebound':
      return { label: `${month}: ${formatSignedPercent(f.yearOnYear ?? 0)} on a year earlier` };
    case 'record-2023':
      return { label: `${shortMonth(f.focus)}: ${formatBillions(f.value)}, the peak` };
    default:
      return { label: `${month}: ${formatBillions(f.value)}` };
  }
}

const TITLES: Record<string, (s: readonly MonthlyPoint[]) => string> = {
  context: () => 'Exports to Russia were rising before the invasion',
  'feb-level': (s) =>
    `In February 2022 China shipped ${formatBillions(exportsFigures(s, 'feb-level').value)} to Russia`,
  'march-drop': (s) =>
    `Exports to Russia fell ${formatPercentSize(exportsFigures(s, 'march-drop').monthOnMonth ?? 0)} in a month`,
  'april-low': () => 'April 2022 was the low point',
  rebound: (s) => `From ${formatMonth(exportsFigures(s, 'rebound').focus)}, exports beat the year before`,
  'record-2023': () => 'By 2023, exports to Russia were at new highs',
};

/** The exports line chart in one state and layout. */
export function exportsScene(series: readonly MonthlyPoint[], state: string, layout: LayoutName): Scene {
  const f = frame(layout);
  const points = windowed(series);
  const spec = exportsStateSpecs(series)[state];
  if (!spec) throw new Error(`exports chart has no state "${state}"`);
  const max = Math.max(...points.map((p) => p.value));
  const x = scaleLinear()
    .domain([0, points.length - 1])
    .range([f.left, f.left + plotWidth(f)]);
  const y = scaleLinear()
    .domain([0, max * 1.1])
    .nice()
    .range([f.top + plotHeight(f), f.top]);
  const marks: Mark[] = [];

  for (const tick of y.ticks(layout === 'narrow' ? 4 : 5)) {
    const yy = y(tick);
    marks.push(
      line(`grid-${tick}`, 'grid', {
        class: tick === 0 ? 'axis-line' : 'grid-line',
        x1: f.left,
        x2: f.width - f.right,
        y1: yy,
        y2: yy,
      }),
    );
    marks.push(
      text(`ytick-${tick}`, 'grid', tick === 0 ? '$0' : `$${tick / 1e9}bn`, {
        class: 'tick-label',
        x: f.left - 6,
        y: yy + f.small * 0.35,
        'text-anchor': 'end',
        'font-size': f.small,
      }),
    );
  }
  points.forEach((p, i) => {
    if (!p.date.endsWith('-01-01')) return;
    marks.push(line(`xtick-${p.date}`, 'grid', { class: 'axis-line', x1: x(i), x2: x(i), y1: y(0), y2: y(0) + 5 }));
    marks.push(
      text(`xlabel-${p.date}`, 'grid', p.date.slice(0, 4), {
        class: 'tick-label',
        x: x(i),
        y: y(0) + 6 + f.small,
        'text-anchor': 'start',
        'font-size': f.small,
      }),
    );
  });

  // The line always has every point; those after the state's last month sit on it, so tweens morph cleanly.
  const lastIndex = points.findIndex((p) => p.date === spec.through);
  const coords = points.map((_, i): [number, number] => {
    const j = Math.min(i, lastIndex);
    return [x(j), y(points[j]!.value)];
  });
  marks.push(path('line', 'data', { class: 'series-line', d: polylinePath(coords) }));

  const focusIndex = points.findIndex((p) => p.date === spec.focus);
  const fx = x(focusIndex);
  const fy = y(points[focusIndex]!.value);
  marks.push(
    circle('focus-dot', 'annotation', { class: 'focus-dot', cx: fx, cy: fy, r: layout === 'narrow' ? 5 : 5.5 }),
  );

  if (state === 'march-drop') {
    const feb = points[focusIndex - 1]!;
    const febY = y(feb.value);
    marks.push(circle('prev-dot', 'annotation', { class: 'prev-dot', cx: x(focusIndex - 1), cy: febY, r: 4 }));
    marks.push(
      line('drop-bracket', 'annotation', { class: 'annotation-line', x1: fx + 9, x2: fx + 9, y1: febY, y2: fy }),
    );
  }

  const a = annotation(series, state);
  const labelWidth = estimateTextWidth(a.label, f.font);
  // Keep the label inside the plot: to the left of the point when it would run off the right edge.
  const rightSpace = f.width - f.right - (fx + 14);
  const anchorEnd = rightSpace < labelWidth;
  // ...and clear of the y-axis labels on the left: on phones it may then sit above the point instead of beside it.
  const labelX = anchorEnd ? Math.max(fx - 12, f.left + 4 + labelWidth) : fx + 14;
  // Pushed right over the point, the label would cross the line: on phones it drops to the empty band above the
  // zero line (exports never came near zero), with a leader line up to the point.
  const crowded = anchorEnd && labelX > fx - 12;
  const above = fy - f.font * 1.1 > f.top + f.font;
  const baseline = y(0) - f.font * 0.6;
  const labelY = crowded
    ? baseline
    : state === 'march-drop'
      ? fy + f.font * 1.6
      : above
        ? fy - f.font * 0.9
        : fy + f.font * 1.6;
  if (crowded) {
    marks.push(
      line('focus-leader', 'annotation', {
        class: 'leader-line',
        x1: fx,
        x2: fx,
        y1: fy + 8,
        y2: baseline - f.font * 1.1,
      }),
    );
  }
  marks.push(
    text('focus-label', 'label', a.label, {
      class: 'annotation-label',
      x: labelX,
      y: labelY,
      'text-anchor': anchorEnd ? 'end' : 'start',
      'font-size': f.font,
    }),
  );

  return {
    chart: 'exports',
    state,
    layout,
    width: f.width,
    height: f.height,
    title: TITLES[state]?.(series) ?? '',
    subtitle: "China's monthly goods exports to Russia, US dollars (axis starts at zero)",
    description: describeExports(series, state),
    marks,
  };
}

/** The text alternative: what the chart shows in this state, in words and numbers from the data. */
export function describeExports(series: readonly MonthlyPoint[], state: string): string {
  const f = exportsFigures(series, state);
  const points = windowed(series);
  const first = points[0]!;
  const through = formatMonth(f.through);
  const parts = [
    `Line chart of China's monthly goods exports to Russia in US dollars, from ${formatMonth(first.date)} (${formatBillions(first.value)}) to ${through}.`,
  ];
  const a = annotation(series, state);
  parts.push(`Highlighted: ${formatMonth(f.focus)}, ${formatBillions(f.value)}.`);
  if (f.monthOnMonth !== undefined && state === 'march-drop') {
    parts.push(`That is ${formatSignedPercent(f.monthOnMonth)} on the month before (month on month).`);
  }
  if (f.yearOnYear !== undefined) {
    parts.push(`Compared with the same month a year earlier: ${formatSignedPercent(f.yearOnYear)}.`);
  }
  parts.push(`Annotation: ${a.label}.`);
  return parts.join(' ');
}
