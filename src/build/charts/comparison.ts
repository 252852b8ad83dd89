import { scaleLinear } from 'd3-scale';
import type { Ui } from '../content/ui-schema.ts';
import { fill, type DivergingBarsChart } from '../content/charts-schema.ts';
import type { YearOnYearChange } from '../content/year-on-year.ts';
import { formatDate } from '../format/dates.ts';
import { formatPercentSize, formatSignedPercent } from '../format/numbers.ts';
import { frame } from './frame.ts';
import { estimateTextWidth, line, rect, text } from './marks.ts';
import type { LayoutName, Mark, Scene } from '../../shared/chart-types.ts';

/** Bold labels in wide fallback fonts run wider than the estimate: leave them this much extra room. */
const BOLD_SLACK = 1.2;
/**
 * How faint a month not yet in the story is drawn: clearly behind the lit month, and still seen in both
 * themes (its bars and words at least 3:1 on the background, as for any graphic a reader needs;
 * tests/unit/charts.test.ts checks the tokens; the timeline fades its markers as far). At 0.5 the dark
 * theme's grey bar was 2.3:1, nearly lost.
 */
export const FAINT_OPACITY = 0.72;

const months = (changes: readonly YearOnYearChange[]) => [...new Set(changes.map((c) => c.month))].sort();

/** A state lights its month (charts.yaml) and every month before it. */
export function litMonths(changes: readonly YearOnYearChange[], config: DivergingBarsChart, state: string): string[] {
  const all = months(changes);
  const i = all.indexOf(config.states[state]?.month ?? '');
  if (i < 0) throw new Error(`diverging-bars chart has no state "${state}" with a month in the data`);
  return all.slice(0, i + 1);
}

const valueLabel = (pct: number) => formatSignedPercent(pct, 1);

const changeOf = (changes: readonly YearOnYearChange[], month: string, series: string) =>
  changes.find((c) => c.month === month && c.series === series)?.changePct ?? NaN;

/**
 * Diverging bars of each series' change on a year earlier: for each month, one bar per series, growing
 * right of the zero line for a rise and left for a fall. A state lights its month and the ones before;
 * later months are drawn faint, without figures.
 */
export function divergingBarsScene(
  changes: readonly YearOnYearChange[],
  state: string,
  layout: LayoutName,
  config: DivergingBarsChart,
  chart: string,
  ui: Ui,
): Scene {
  const lit = new Set(litMonths(changes, config, state));
  const bars = config.series.length;
  const narrow = layout === 'narrow';
  const f = frame(
    layout,
    narrow ? { left: 12, right: 12, top: 12, bottom: 12 } : { left: 24, right: 24, top: 16, bottom: 16 },
  );
  const all = months(changes);
  const values = changes.map((c) => c.changePct);
  const labelRoom = (pcts: number[]) =>
    Math.max(0, ...pcts.map((v) => estimateTextWidth(valueLabel(v), f.font) * BOLD_SLACK)) + 8;
  // Value labels sit beyond the bar ends: the scale leaves room for them on both sides.
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .range([
      f.left + labelRoom(values.filter((v) => v < 0)),
      f.width - f.right - labelRoom(values.filter((v) => v >= 0)),
    ]);
  const x0 = x(0);

  // Vertical rhythm: a month heading, then its two bars; groups centred in the frame.
  const heading = f.font * 1.6;
  const groupGap = narrow ? 22 : 34;
  const barGap = narrow ? 8 : 10;
  const room = f.height - f.top - f.bottom - f.small * 2;
  const fit = (room - all.length * (heading + (bars - 1) * barGap) - (all.length - 1) * groupGap) / (bars * all.length);
  const bar = Math.min(narrow ? 38 : 44, fit);
  const groupHeight = heading + bars * bar + (bars - 1) * barGap;
  const used = all.length * groupHeight + (all.length - 1) * groupGap + f.small * 2;
  // The chart is as tall as its bars and words (at most the frame): the bars keep their size and no empty
  // band sits at its head or foot. Every state has the same months, so the pinned panel keeps one size.
  const height = Math.min(f.height, Math.ceil(f.top + used + f.bottom));
  let y = f.top + Math.max(0, (height - f.top - f.bottom - used) / 2);

  const marks: Mark[] = [];
  for (const month of all) {
    const on = lit.has(month);
    marks.push(
      text(`month-${month}`, 'label', formatDate(month), {
        class: 'month-label',
        x: f.left,
        y: y + f.font,
        'text-anchor': 'start',
        'font-size': f.font,
        opacity: on ? 1 : FAINT_OPACITY,
      }),
    );
    const barsTop = y + heading;
    marks.push(
      line(`zero-${month}`, 'grid', {
        class: 'axis-line',
        x1: x0,
        x2: x0,
        y1: barsTop - 4,
        y2: barsTop + bars * bar + (bars - 1) * barGap + 4,
      }),
    );
    config.series.forEach(({ id: series, label, colour }, i) => {
      const pct = changeOf(changes, month, series);
      const end = x(pct);
      const top = barsTop + i * (bar + barGap);
      const mid = top + bar / 2 + f.font * 0.35;
      const rose = pct >= 0;
      const key = `${month}-${series}`;
      marks.push(
        rect(`bar-${key}`, 'data', {
          class: `bar tone-${colour}`,
          x: Math.min(x0, end),
          y: top,
          width: Math.abs(end - x0),
          height: bar,
          opacity: on ? 1 : FAINT_OPACITY,
        }),
      );
      // The series' name sits across the zero line from its bar, the figure at the bar's end.
      marks.push(
        text(`name-${key}`, 'label', label, {
          class: 'series-label',
          x: rose ? x0 - 8 : x0 + 8,
          y: mid,
          'text-anchor': rose ? 'end' : 'start',
          'font-size': f.font,
          opacity: on ? 1 : FAINT_OPACITY,
        }),
      );
      marks.push(
        text(`value-${key}`, 'label', valueLabel(pct), {
          class: 'value-label',
          x: rose ? end + 6 : end - 6,
          y: mid,
          'text-anchor': rose ? 'start' : 'end',
          'font-size': f.font,
          opacity: on ? 1 : 0,
        }),
      );
    });
    y += groupHeight + groupGap;
  }
  marks.push(
    text('zero-label', 'grid', '0%', {
      class: 'tick-label',
      x: x0,
      y: y - groupGap + 4 + f.small,
      'text-anchor': 'middle',
      'font-size': f.small,
    }),
  );

  return {
    chart,
    state,
    layout,
    width: f.width,
    height,
    title: divergingTitle(changes, config, [...lit].at(-1)!),
    subtitle: config.subtitle,
    description: describeDivergingBars(changes, config, state, ui),
    marks,
  };
}

/** The month's title from its figures: the first two series' verbs and changes, joined as they agree or not. */
function divergingTitle(changes: readonly YearOnYearChange[], config: DivergingBarsChart, month: string): string {
  const [first, second] = config.series.map((sr) => changeOf(changes, month, sr.id));
  const verb = (pct: number) => (pct >= 0 ? config.rose : config.fell);
  const a = first ?? NaN;
  const b = second ?? a;
  return fill(config.title, {
    month: formatDate(month),
    verb1: verb(a),
    change1: formatPercentSize(a, 1),
    join: verb(a) === verb(b) ? config.same : config.different,
    verb2: verb(b),
    change2: formatPercentSize(b, 1),
  });
}

/** The text alternative: every figure the state shows, and what it leaves faint. */
export function describeDivergingBars(
  changes: readonly YearOnYearChange[],
  config: DivergingBarsChart,
  state: string,
  ui: Ui,
): string {
  const lit = litMonths(changes, config, state);
  const later = months(changes).filter((m) => !lit.includes(m));
  const parts = [
    config.describe,
    ...lit.map(
      (m) =>
        `${formatDate(m)}: ${config.series.map((sr) => `${sr.inText} ${valueLabel(changeOf(changes, m, sr.id))}`).join(', ')}.`,
    ),
  ];
  if (later.length > 0)
    parts.push(ui('describe.faded', { months: later.map((month) => formatDate(month)).join(` ${ui('list.and')} `) }));
  return parts.join(' ');
}
