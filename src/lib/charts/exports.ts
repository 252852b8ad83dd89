import { scaleLinear } from 'd3-scale';
import type { MonthlyPoint } from '../content/csv.ts';
import type { Event } from '../content/schemas.ts';
import { formatDate, formatMonth, formatMonthName, formatShortDate } from '../format/dates.ts';
import { formatBillions, formatPercentSize, formatSignedPercent, percentChange } from '../format/numbers.ts';
import { boxAttr, cutVertical, TEXT_SAFETY, textBox } from './boxes.ts';
import { frame, plotHeight, plotWidth } from './frame.ts';
import { wrapToWidth } from './label-rows.ts';
import { circle, estimateTextWidth, line, path, polylinePath, r1, rect, text } from './marks.ts';
import { BAND_EVENT, RULE_EVENT } from './timeline.ts';
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
    // Every annotation at once (print, the plain article) and the story's shape (under the headline).
    all: { through: shown.at(-1)!.date, focus: '2022-03-01' },
    shape: { through: shown.at(-1)!.date, focus: '2022-03-01' },
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
    case 'all':
    case 'shape':
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
  context: () => 'Exports to Russia grew through 2021, then dipped early in 2022',
  'feb-level': (s) =>
    `In February 2022 China shipped ${formatBillions(exportsFigures(s, 'feb-level').value)} to Russia`,
  'march-drop': (s) =>
    `Exports to Russia fell ${formatPercentSize(exportsFigures(s, 'march-drop').monthOnMonth ?? 0)} in a month`,
  'april-low': () => 'April 2022 was the low point',
  rebound: (s) => `From ${formatMonth(exportsFigures(s, 'rebound').focus)}, exports beat the year before`,
  'record-2023': () => 'By 2023, exports to Russia were at new highs',
  all: () => 'A sudden fall in spring 2022, then new highs',
  shape: () => 'A sudden fall in spring 2022, then new highs',
};

/** The months China reports as one combined figure: the split between them is the compiler's. */
const isCombinedMonth = (date: string) => date.slice(5, 7) === '01' || date.slice(5, 7) === '02';
export const COMBINED_NOTE = 'Dashed: China reports January and February as one figure';
/** States whose words compare with the same month a year earlier: the year before is drawn. */
const YEAR_BEFORE_STATES = new Set(['march-drop', 'april-low', 'rebound']);
/** States whose label gains a second line, the change on a year earlier (the rebound's label says it already). */
const SECOND_LINE_STATES = new Set(['march-drop', 'april-low']);
/** The months the grey line can run over, a year earlier: March to the rebound's July. */
const YEAR_BEFORE_MONTHS = ['2022-03-01', '2022-04-01', '2022-05-01', '2022-06-01', '2022-07-01'];
/** States that show the Shanghai lockdown as a band. */
const BAND_STATES = new Set(['april-low', 'all']);

/** The exports line chart in one state and layout. */
export function exportsScene(
  series: readonly MonthlyPoint[],
  state: string,
  layout: LayoutName,
  events: readonly Event[] = [],
): Scene {
  const shape = state === 'shape';
  const narrow = layout === 'narrow';
  // The shape sits in the text column under the headline, narrower than the graphic: larger type there.
  const base = frame(layout, shape ? (narrow ? { height: 230 } : { height: 300, font: 17, small: 16 }) : {});
  // The note on the dashed months sits under the axis, as a footnote that nothing else can collide with.
  const noteLines = shape ? [] : wrapToWidth(COMBINED_NOTE, base.small, base.width - 8);
  const f = { ...base, bottom: base.bottom + noteLines.length * base.small * 1.25 };
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

  for (const tick of y.ticks(shape ? 2 : narrow ? 4 : 5)) {
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
  // Two paths over the same points: solid between measured months, dashed into and out of January and
  // February (one combined figure from China, split by the compiler). Each writes every point, M or L.
  const lastIndex = points.findIndex((p) => p.date === spec.through);
  const coords = points.map((_, i): [number, number] => {
    const j = Math.min(i, lastIndex);
    return [x(j), y(points[j]!.value)];
  });
  const combined = (i: number) => i > 0 && (isCombinedMonth(points[i]!.date) || isCombinedMonth(points[i - 1]!.date));
  const runs = (keep: (i: number) => boolean) =>
    coords.map(([cx, cy], i) => `${i > 0 && keep(i) ? 'L' : 'M'}${r1(cx)},${r1(cy)}`).join('');
  marks.push(path('line', 'data', { class: 'series-line', d: runs((i) => !combined(i)) }));
  marks.push(path('line-combined', 'data', { class: 'series-line is-combined', d: runs(combined) }));
  noteLines.forEach((l, i) => {
    marks.push(
      text(`combined-note-${i}`, 'annotation', l, {
        class: 'note-label',
        x: 4,
        y: f.height - 6 - (noteLines.length - 1 - i) * f.small * 1.25,
        'text-anchor': 'start',
        'font-size': f.small,
      }),
    );
  });

  // 24 February 2022 as a rule, labelled left of it; the Shanghai lockdown as a band where the step needs it.
  const monthX = (iso: string, day: number, daysInMonth: number) => {
    const i = points.findIndex((p) => p.date === `${iso.slice(0, 7)}-01`);
    return i < 0 ? undefined : x(i + (day - 1) / daysInMonth);
  };
  const rule = events.find((e) => e.id === RULE_EVENT);
  const rx = rule ? monthX(rule.date, Number(rule.date.slice(8)), 28) : undefined;
  if (rule && rx !== undefined) {
    // Drawn once every label is placed (below): it stops short of any label it would cross.
    marks.push(path('rule', 'grid', { class: 'context-rule', d: '' }));
    const words = [rule.label, formatShortDate(rule.date)];
    const ruleLines = narrow || shape ? words : [words.join(', ')];
    ruleLines.forEach((l, i) => {
      const baseline = f.top + f.small * ((narrow ? -0.3 : 0.6) + i * 1.2);
      marks.push(
        text(`rule-label-${i}`, 'annotation', l, {
          class: 'context-label',
          x: rx - 5,
          y: baseline,
          'text-anchor': 'end',
          'font-size': f.small,
          'data-box': boxAttr(textBox(l, f.small, rx - 5, baseline, 'end')),
        }),
      );
    });
  }
  const band = events.find((e) => e.id === BAND_EVENT && e.end);
  if (band) {
    const bx0 = monthX(band.date, Number(band.date.slice(8)), 31);
    const bx1 = monthX(band.end!, Number(band.end!.slice(8)), 30);
    const on = BAND_STATES.has(state) && bx0 !== undefined && bx1 !== undefined;
    const x0 = bx0 ?? f.left;
    const x1 = bx1 ?? x0;
    marks.push(
      rect('band', 'grid', {
        class: 'context-band',
        x: x0,
        y: f.top - 6,
        width: Math.max(0, x1 - x0),
        height: y(0) - f.top + 6,
        opacity: on ? 1 : 0,
      }),
    );
    const bandLines = narrow ? wrapToWidth(band.label, f.small, f.width - x0 - 6) : [band.label];
    bandLines.forEach((l, i) => {
      const baseline = f.top + f.small * ((narrow ? -0.3 : 0.6) + i * 1.2);
      marks.push(
        text(`band-label-${i}`, 'annotation', l, {
          class: 'context-label',
          x: x0 + 5,
          y: baseline,
          'text-anchor': 'start',
          'font-size': f.small,
          opacity: on ? 1 : 0,
        }),
      );
    });
  }

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
  const labelWidth = estimateTextWidth(a.label, f.font) * TEXT_SAFETY;
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
  // A second line (the change on a year earlier) needs the row under the first.
  const twoLines = SECOND_LINE_STATES.has(state);
  const labelY = crowded
    ? baseline - (twoLines ? f.font * 1.2 : 0)
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
        y2: baseline - f.font * (twoLines ? 2.3 : 1.1),
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
      opacity: shape ? 0 : 1,
    }),
  );

  // What the words compare with: the same months a year earlier, in grey, and the change in a second line.
  const f2 = exportsFigures(series, state);
  const yb = YEAR_BEFORE_STATES.has(state);
  const ybMonths = YEAR_BEFORE_MONTHS.map((d) => points.findIndex((p) => p.date === d));
  // Up to the month the words compare (the focus); later points sit on it, so the line tweens point by point.
  const ybLast = Math.min(
    lastIndex,
    Math.max(
      ybMonths[0]!,
      points.findIndex((p) => p.date === spec.focus),
    ),
  );
  const ybCoords = ybMonths.map((i): [number, number] => {
    const j = Math.min(i, ybLast);
    const earlier = points.find((p) => p.date === yearBefore(points[j]!.date));
    return [x(j), y(earlier?.value ?? points[j]!.value)];
  });
  marks.push(
    path('year-before', 'data', { class: 'year-before-line', d: polylinePath(ybCoords), opacity: yb ? 1 : 0 }),
  );
  ybCoords.forEach(([cx, cy], i) => {
    marks.push(
      circle(`year-before-dot-${i}`, 'data', { class: 'year-before-dot', cx, cy, r: 3.5, opacity: yb ? 1 : 0 }),
    );
  });
  const [ybx, yby] = ybCoords.reduce((a, b) => (b[0] >= a[0] ? b : a));
  // One grey point (March): its label sits level with it, right of the drop's bracket.
  const single = ybCoords.every(([cx]) => cx === ybx);
  marks.push(
    text('year-before-label', 'annotation', 'a year earlier', {
      class: 'year-before-label',
      x: single ? fx + 16 : ybx + 8,
      y: single ? yby + f.small * 0.35 : yby - 6,
      'text-anchor': 'start',
      'font-size': f.small,
      opacity: yb ? 1 : 0,
    }),
  );
  // A second line with the change on a year earlier, where the first line does not already say it.
  const yoyText =
    SECOND_LINE_STATES.has(state) && f2.yearOnYear !== undefined
      ? `${formatSignedPercent(f2.yearOnYear, 1)} year on year`
      : '';
  marks.push(
    text('focus-label-2', 'label', yoyText, {
      class: 'annotation-label annotation-second',
      x: labelX,
      y: labelY + f.font * 1.2,
      'text-anchor': anchorEnd ? 'end' : 'start',
      'font-size': f.small,
      opacity: yoyText ? 1 : 0,
    }),
  );

  // The later record, labelled where the whole series is shown.
  const peakIndex = points.reduce((a, p, i) => (p.value > points[a]!.value ? i : a), 0);
  // On phones the all state's top row holds the rule's and the band's labels: the peak stays unlabelled there.
  const showsPeak = shape || (state === 'all' && !narrow);
  const px = x(Math.min(peakIndex, lastIndex));
  const py = y(points[Math.min(peakIndex, lastIndex)]!.value);
  marks.push(
    circle('peak-dot', 'annotation', { class: 'focus-dot', cx: px, cy: py, r: 4.5, opacity: showsPeak ? 1 : 0 }),
  );
  marks.push(
    text(
      'peak-label',
      'label',
      shape && narrow
        ? `Peak: ${formatBillions(points[peakIndex]!.value)}`
        : `${shortMonth(points[peakIndex]!.date)}: ${formatBillions(points[peakIndex]!.value)}, the peak`,
      {
        class: 'annotation-label',
        x: px - 8,
        y: py - 10,
        'text-anchor': 'end',
        'font-size': f.small,
        opacity: showsPeak ? 1 : 0,
      },
    ),
  );

  // The story's shape, under the headline: one big number at the fall, set left of it, under 2021's line.
  if (shape) {
    const drop = exportsFigures(series, 'march-drop');
    const big = narrow ? 34 : 46;
    const noteWords = [`${formatMonth(drop.focus)},`, 'on February'];
    marks.push(
      text('big-number', 'label', formatSignedPercent(drop.monthOnMonth ?? 0), {
        class: 'big-number',
        x: fx - 12,
        y: y(0) - f.small * 3.4,
        'text-anchor': 'end',
        'font-size': big,
      }),
    );
    noteWords.forEach((l, i) => {
      marks.push(
        text(`big-number-note-${i}`, 'label', l, {
          class: 'annotation-label',
          x: fx - 12,
          y: y(0) - f.small * (1.7 - i * 1.2),
          'text-anchor': 'end',
          'font-size': f.small,
        }),
      );
    });
  }

  const ruleMark = marks.find((m) => m.key === 'rule');
  if (ruleMark && rx !== undefined) {
    const labels = marks
      .filter((m) => m.layer === 'label' && m.tag === 'text' && m.text && Number(m.attrs['opacity'] ?? 1) > 0)
      .map((m) =>
        textBox(
          m.text!,
          Number(m.attrs['font-size']),
          Number(m.attrs['x']),
          Number(m.attrs['y']),
          m.attrs['text-anchor'] as 'start' | 'middle' | 'end',
        ),
      );
    ruleMark.attrs['d'] = cutVertical(r1(rx), f.top - 6, y(0), labels);
  }

  return {
    chart: 'exports',
    state,
    layout,
    width: f.width,
    height: f.height,
    title: TITLES[state]?.(series) ?? '',
    subtitle: "China's monthly goods exports to Russia, US dollars (axis starts at zero)",
    description: describeExports(series, state, events),
    marks,
  };
}

/** The text alternative: what the chart shows in this state, in words and numbers from the data. */
export function describeExports(series: readonly MonthlyPoint[], state: string, events: readonly Event[] = []): string {
  const f = exportsFigures(series, state);
  const points = windowed(series);
  const first = points[0]!;
  const through = formatMonth(f.through);
  const parts = [
    `Line chart of China's monthly goods exports to Russia in US dollars, from ${formatMonth(first.date)} (${formatBillions(first.value)}) to ${through}.`,
  ];
  const a = annotation(series, state);
  parts.push(`Highlighted: ${formatMonth(f.focus)}, ${formatBillions(f.value)}.`);
  if (f.monthOnMonth !== undefined && ['march-drop', 'all', 'shape'].includes(state)) {
    parts.push(`That is ${formatSignedPercent(f.monthOnMonth)} on the month before (month on month).`);
  }
  if (f.yearOnYear !== undefined) {
    parts.push(`Compared with the same month a year earlier: ${formatSignedPercent(f.yearOnYear, 1)}.`);
  }
  parts.push(`Annotation: ${a.label}.`);
  const rule = events.find((e) => e.id === RULE_EVENT);
  if (rule) parts.push(`A vertical line marks ${formatDate(rule.date)}: ${rule.label}.`);
  const band = events.find((e) => e.id === BAND_EVENT && e.end);
  if (band && BAND_STATES.has(state)) {
    parts.push(`Shaded: ${band.label}, ${formatDate(band.date)} to ${formatDate(band.end!)}.`);
  }
  if (YEAR_BEFORE_STATES.has(state)) parts.push('A grey line shows the same months a year earlier.');
  if (state === 'all' || state === 'shape') {
    const peak = points.reduce((x, p) => (p.value > x.value ? p : x));
    parts.push(`The peak: ${formatMonth(peak.date)}, ${formatBillions(peak.value)}.`);
  }
  if (state !== 'shape') {
    parts.push(
      'The line is dashed into and out of January and February: China reports those two months as one figure, and the split between them is the compiler’s.',
    );
  }
  return parts.join(' ');
}
