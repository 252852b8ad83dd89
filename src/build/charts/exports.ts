import { scaleLinear } from 'd3-scale';
import type { Ui } from '../content/ui-schema.ts';
import { fill, type SeriesChart, type SeriesFocus } from '../content/charts-schema.ts';
import type { MonthlyPoint } from '../content/csv.ts';
import type { Event } from '../content/schemas.ts';
import { formatDate, formatMonth, formatMonthName, formatShortDate } from '../format/dates.ts';
import {
  formatPercentSize,
  formatSignedPercent,
  formatValue,
  percentChange,
  type ValueFormat,
} from '../format/numbers.ts';
import { boxAttr, cutVertical, textBox, type Box } from './boxes.ts';
import { placeKey, placeNearPoint, type LabelLine, type NearPoint, type Scenery, type Segment } from './near-point.ts';
import { frame, plotHeight, plotWidth } from './frame.ts';
import { wrapToWidth } from './label-rows.ts';
import { circle, line, path, polylinePath, r1, rect, text } from './marks.ts';
import type { LayoutName, Mark, Scene } from '../../shared/chart-types.ts';
import { addMonths } from '../format/months.ts';

/** What each state shows: the last month drawn and the month it points at. */
interface SeriesStateSpec {
  through: string;
  focus: string;
}

type SeriesState = SeriesChart['states'][string];

function stateOf(config: SeriesChart, state: string): SeriesState {
  const found = config.states[state];
  if (!found) throw new Error(`series chart has no state "${state}"`);
  return found;
}

/** A month named in charts.yaml, or the one the data decides (the last, the peak, the lowest in a range, ...). */
function resolveMonth(shown: readonly MonthlyPoint[], focus: SeriesFocus): string {
  if (typeof focus === 'string') {
    if (focus === 'last') return shown.at(-1)!.date;
    if (focus === 'peak') return shown.reduce((a, b) => (b.value > a.value ? b : a), shown[0]!).date;
    return focus;
  }
  if ('lowest' in focus) {
    const [from, to] = focus.lowest;
    const range = shown.filter((p) => p.date >= from && p.date <= to);
    return range.reduce((a, b) => (b.value < a.value ? b : a), range[0] ?? shown[0]!).date;
  }
  return firstYearOnYearRise(shown, focus.firstYearOnYearRise) ?? focus.otherwise;
}

/** The months each named state is about, found from the data where charts.yaml leaves it to the data. */
export function seriesStateSpecs(
  series: readonly MonthlyPoint[],
  config: SeriesChart,
): Record<string, SeriesStateSpec> {
  const shown = windowed(series, config);
  return Object.fromEntries(
    Object.entries(config.states).map(([name, s]) => [
      name,
      { through: resolveMonth(shown, s.through), focus: resolveMonth(shown, s.focus) },
    ]),
  );
}

export function windowed(series: readonly MonthlyPoint[], config: SeriesChart): MonthlyPoint[] {
  return series.filter((p) => p.date >= config.window.from && p.date <= config.window.to);
}

const yearBefore = (date: string): string => addMonths(date, -12);

/** The first month on or after `from` whose exports exceed the same month a year earlier. */
export function firstYearOnYearRise(series: readonly MonthlyPoint[], from: string): string | undefined {
  const byDate = new Map(series.map((p) => [p.date, p.value]));
  return series.find((p) => p.date >= from && p.value > (byDate.get(yearBefore(p.date)) ?? Infinity))?.date;
}

/** The figures a state's annotation and text alternative quote, computed from the series. */
export function seriesFigures(series: readonly MonthlyPoint[], config: SeriesChart, state: string) {
  const all = new Map(series.map((p) => [p.date, p.value]));
  const spec = seriesStateSpecs(series, config)[state];
  if (!spec) throw new Error(`series chart has no state "${state}"`);
  const value = all.get(spec.focus) ?? NaN;
  const prevMonth = all.get(addMonths(spec.focus, -1));
  const lastYear = all.get(yearBefore(spec.focus));
  return {
    ...spec,
    value,
    monthOnMonth: prevMonth === undefined ? undefined : percentChange(prevMonth, value),
    yearOnYear: lastYear === undefined ? undefined : percentChange(lastYear, value),
  };
}

const shortMonth = (date: string) => formatMonth(date, undefined, 'short');

/** The words charts.yaml may use in a series chart's titles and labels, for a month of the series. */
function figureWords(series: readonly MonthlyPoint[], focus: string, values: ValueFormat): Record<string, string> {
  const all = new Map(series.map((p) => [p.date, p.value]));
  const value = all.get(focus) ?? NaN;
  const prev = all.get(addMonths(focus, -1));
  const lastYear = all.get(yearBefore(focus));
  const monthOnMonth = prev === undefined ? 0 : percentChange(prev, value);
  const yearOnYear = lastYear === undefined ? 0 : percentChange(lastYear, value);
  return {
    value: formatValue(value, values),
    month: formatMonthName(focus),
    monthYear: formatMonth(focus),
    shortMonth: shortMonth(focus),
    previousMonth: formatMonthName(addMonths(focus, -1)),
    monthOnMonth: formatSignedPercent(monthOnMonth),
    monthOnMonthSize: formatPercentSize(monthOnMonth),
    yearOnYear: formatSignedPercent(yearOnYear),
    yearOnYearExact: formatSignedPercent(yearOnYear, 1),
  };
}

/** The annotation for a state: a one-line label at the focus month. */
function annotation(series: readonly MonthlyPoint[], config: SeriesChart, state: string): string {
  const f = seriesFigures(series, config, state);
  return fill(stateOf(config, state).annotation, figureWords(series, f.focus, config.values));
}

/** The months the source reports as one combined figure: the split between them is the compiler's. */
const isCombinedMonth = (config: SeriesChart, date: string) =>
  config.combined?.months.includes(date.slice(5, 7)) ?? false;

const daysIn = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).getUTCDate();

const padX = (b: Box, pad: number): Box => ({ ...b, x: b.x - pad, width: b.width + 2 * pad });

const dotBox = (cx: number, cy: number, r: number): Box => ({
  x: cx - r - 1,
  y: cy - r - 1,
  width: 2 * r + 2,
  height: 2 * r + 2,
});

/** Where a label goes when nothing near its point is free (or it is hidden): beside it, as before. */
function fallbackSet(lines: LabelLine[], x: number, firstBaseline: number, anchor: 'start' | 'end' = 'start') {
  return { lines, x, anchor, baselines: lines.map((l, i) => firstBaseline + i * l.font * 1.2) };
}

/** A monthly series as a line chart, in one state and layout. */
export function seriesScene(
  series: readonly MonthlyPoint[],
  state: string,
  layout: LayoutName,
  events: readonly Event[],
  config: SeriesChart,
  chart: string,
  ui: Ui,
): Scene {
  const s = stateOf(config, state);
  const shape = s.opening === true;
  const narrow = layout === 'narrow';
  // The shape sits in the text column under the headline, narrower than the graphic: larger type there.
  const base = frame(layout, shape ? (narrow ? { height: 230 } : { height: 300, font: 17, small: 16 }) : {});
  // The note on the dashed months sits under the axis, as a footnote that nothing else can collide with.
  // The dotted months are explained wherever they are drawn, the opening shape too (which grows to hold it).
  const noteLines = config.combined ? wrapToWidth(config.combined.note, base.small, base.width - 8) : [];
  const noteHeight = noteLines.length * base.small * 1.25;
  const f = { ...base, bottom: base.bottom + noteHeight, height: base.height + (shape ? noteHeight : 0) };
  const points = windowed(series, config);
  const spec = seriesStateSpecs(series, config)[state]!;
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
      text(`ytick-${tick}`, 'grid', formatValue(tick, config.values, 1, undefined, true), {
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
  // Two paths over the same points: solid between measured months, dotted into and out of the months the
  // source reports as one combined figure (charts.yaml's `combined`). Each writes every point, M or L.
  const lastIndex = points.findIndex((p) => p.date === spec.through);
  const coords = points.map((_, i): [number, number] => {
    const j = Math.min(i, lastIndex);
    return [x(j), y(points[j]!.value)];
  });
  const combined = (i: number) =>
    i > 0 && (isCombinedMonth(config, points[i]!.date) || isCombinedMonth(config, points[i - 1]!.date));
  const runs = (keep: (i: number) => boolean) =>
    coords.map(([cx, cy], i) => `${i > 0 && keep(i) ? 'L' : 'M'}${r1(cx)},${r1(cy)}`).join('');
  marks.push(path('line', 'data', { class: 'series-line', d: runs((i) => !combined(i)) }));
  marks.push(path('line-combined', 'data', { class: 'series-line is-combined', d: runs(combined) }));
  noteLines.forEach((l, i) => {
    marks.push(
      text(`combined-note-${i}`, 'annotation', l, {
        class: 'note-label',
        x: 0,
        y: f.height - 6 - (noteLines.length - 1 - i) * f.small * 1.25,
        'text-anchor': 'start',
        'font-size': f.small,
      }),
    );
  });

  // The rule's day as a vertical line, labelled left of it; the band's span where the state asks for it.
  const monthX = (iso: string) => {
    const i = points.findIndex((p) => p.date === `${iso.slice(0, 7)}-01`);
    return i < 0 ? undefined : x(i + (Number(iso.slice(8)) - 1) / daysIn(iso));
  };
  const rule = events.find((e) => e.id === config.rule);
  const rx = rule ? monthX(rule.date) : undefined;
  if (rule && rx !== undefined) {
    // Drawn once every label is placed (below): it stops short of any label it would cross.
    marks.push(path('rule', 'grid', { class: 'context-rule', d: '' }));
    // Left of the rule and no further left than the plot (not over the tick labels): broken where it must be.
    const words = [...wrapToWidth(rule.label, f.small, rx - 5 - f.left), formatShortDate(rule.date)];
    const oneLine = [rule.label, formatShortDate(rule.date)].join(', ');
    const ruleLines = narrow || shape || textBox(oneLine, f.small, 0, 0).width > rx - 5 - f.left ? words : [oneLine];
    ruleLines.forEach((l, i) => {
      const baseline = f.top + f.small * ((narrow ? -0.3 : 0.6) + i * 1.2);
      marks.push(
        text(`rule-label-${i}`, 'annotation', l, {
          class: 'context-label',
          x: rx - 5,
          y: baseline,
          'text-anchor': 'end',
          'font-size': f.small,
          // Two units either side: a last glyph such as f overhangs its advance.
          'data-box': boxAttr(padX(textBox(l, f.small, rx - 5, baseline, 'end'), 2)),
        }),
      );
    });
  }
  const band = events.find((e) => e.id === config.band && e.end);
  if (band) {
    const bx0 = monthX(band.date);
    const bx1 = monthX(band.end!);
    const on = s.band === true && bx0 !== undefined && bx1 !== undefined;
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
    // Labels are marks only where shown (each is an element in every copy of the chart): they fade in and out.
    const bandLines = !on ? [] : wrapToWidth(band.label, f.small, f.width - f.right - x0 - 5);
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
  const focusR = layout === 'narrow' ? 5 : 5.5;

  // What the words compare with: the same months a year earlier, in grey (its dots under the focus dot).
  const f2 = seriesFigures(series, config, state);
  const yb = s.yearBefore === true && config.yearBefore !== undefined;
  const ybMonths = (config.yearBefore?.months ?? [spec.focus]).map((d) => points.findIndex((p) => p.date === d));
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
  // Where the bracket measures the fall from the month before, the same month a year earlier sits a few
  // pixels over the focus dot: a grey tick across the dot's top marks it there, at its value, instead of a
  // dot hidden under it. A grey dot at the rule (the first month compared, just after it) is left out: it
  // piled up there with the rule, the dotted line's end and the focus dot.
  const tickAtFocus = yb && s.bracket === true;
  const ybDotShown = ([cx]: readonly [number, number]) =>
    yb && !tickAtFocus && (rx === undefined || Math.abs(cx - rx) >= 6);
  ybCoords.forEach(([cx, cy], i) => {
    marks.push(
      circle(`year-before-dot-${i}`, 'data', {
        class: 'year-before-dot',
        cx,
        cy,
        r: 3.5,
        opacity: ybDotShown([cx, cy]) ? 1 : 0,
      }),
    );
  });

  marks.push(circle('focus-dot', 'annotation', { class: 'focus-dot', cx: fx, cy: fy, r: focusR }));
  const dots: Box[] = [dotBox(fx, fy, focusR)];
  const earlier = points.find((p) => p.date === yearBefore(spec.focus));
  const tickY = y(earlier?.value ?? points[focusIndex]!.value);
  const tickHalf = focusR + 5;
  // A mark only where shown: every mark is an element in each copy of the chart on the page.
  if (tickAtFocus) {
    marks.push(
      line('year-before-tick', 'annotation', {
        class: 'year-before-tick',
        x1: fx - tickHalf,
        x2: fx + tickHalf,
        y1: tickY,
        y2: tickY,
      }),
    );
    dots.push({ x: fx - tickHalf, y: tickY - 1.5, width: 2 * tickHalf, height: 3 });
  }
  const lines: Segment[] = [];
  for (let i = 1; i <= lastIndex; i++) {
    lines.push({ x1: x(i - 1), y1: y(points[i - 1]!.value), x2: x(i), y2: y(points[i]!.value) });
  }
  if (yb) {
    ybCoords.forEach(([cx, cy], i) => {
      if (ybDotShown([cx, cy])) dots.push(dotBox(cx, cy, 3.5));
      const prev = ybCoords[i - 1];
      if (prev && (prev[0] !== cx || prev[1] !== cy)) lines.push({ x1: prev[0], y1: prev[1], x2: cx, y2: cy });
    });
  }
  if (rx !== undefined) lines.push({ x1: rx, y1: f.top - 6, x2: rx, y2: y(0) });

  // Right of the dot, clear of the tick's end where there is one.
  const bracketX = fx + (tickAtFocus ? tickHalf + 4 : 9);
  if (s.bracket) {
    const feb = points[focusIndex - 1]!;
    const febY = y(feb.value);
    marks.push(circle('prev-dot', 'annotation', { class: 'prev-dot', cx: x(focusIndex - 1), cy: febY, r: 4 }));
    dots.push(dotBox(x(focusIndex - 1), febY, 4));
    marks.push(
      line('drop-bracket', 'annotation', { class: 'annotation-line', x1: bracketX, x2: bracketX, y1: febY, y2: fy }),
    );
    lines.push({ x1: bracketX, y1: febY, x2: bracketX, y2: fy });
  }

  // The gridlines, for labels without a halo.
  const grid = y
    .ticks(shape ? 2 : narrow ? 4 : 5)
    .map((t) => ({ x1: f.left, x2: f.width - f.right, y1: y(t), y2: y(t) }));
  // Every text already set (ticks, the rule's and the band's labels): the labels below keep clear of them.
  const texts = (): Box[] =>
    marks
      .filter((m) => m.tag === 'text' && m.text && Number(m.attrs['opacity'] ?? 1) > 0)
      .map((m) =>
        textBox(
          m.text!,
          Number(m.attrs['font-size']),
          Number(m.attrs['x']),
          Number(m.attrs['y']),
          (m.attrs['text-anchor'] ?? 'start') as 'start' | 'middle' | 'end',
        ),
      );
  // Labels stand over the plot: not in the margin right of it, nor over the tick labels left of it.
  const area = { x: f.left, y: 2, width: plotWidth(f), height: y(0) - 2 };
  // Right of the rule, level with its label, a label keeps 12 units off the rule: nearer, the two labels
  // read as one block across it.
  const ruleGuard: Box[] =
    rx === undefined
      ? []
      : marks
          .filter((m) => m.key.startsWith('rule-label-'))
          .map((m) => {
            const b = textBox(m.text!, Number(m.attrs['font-size']), Number(m.attrs['x']), Number(m.attrs['y']), 'end');
            return { ...b, width: rx + 10 - b.x };
          });
  const scenery = (extra: readonly Segment[] = [], more: readonly Box[] = []): Scenery => ({
    area,
    boxes: [...texts(), ...dots, ...ruleGuard, ...more],
    segments: [...lines, ...extra],
  });

  // The label at the focus month: beside its dot, or (on a crowded phone chart) over the axis with a leader.
  const label = annotation(series, config, state);
  const yoyText =
    s.secondLine !== undefined && f2.yearOnYear !== undefined
      ? fill(s.secondLine, figureWords(series, f2.focus, config.values))
      : '';
  const focusLines: LabelLine[] = [
    { text: label, font: f.font, part: 0 },
    ...(yoyText ? [{ text: yoyText, font: f.small, part: 1 }] : []),
  ];
  // The hollow dot the bracket starts from, named by its month (unhaloed, so off the gridlines too).
  if (s.bracket) {
    const prevDate = points[focusIndex - 1]!.date;
    const prevText = formatMonthName(prevDate, undefined, 'short');
    const prevPlaced = placeNearPoint(
      {
        lines: [{ text: prevText, font: f.small }],
        point: { x: x(focusIndex - 1), y: y(points[focusIndex - 1]!.value), r: 4 },
        gaps: [6, 9],
        rivals: [{ x: fx, y: fy }],
      },
      scenery(grid),
    );
    if (prevPlaced) marks.push(oneLineLabel('prev-label', 'annotation', 'prev-label', prevText, prevPlaced, f.small));
  }

  // Beside the bracket, only what it measures: the change on a year earlier stands apart, under the dot and
  // the tick it compares.
  const besideLines = tickAtFocus ? focusLines.filter((l) => l.part === 0) : focusLines;
  const underLines = tickAtFocus ? focusLines.filter((l) => l.part === 1) : [];
  const near = (lines: LabelLine[], leader: boolean) =>
    placeNearPoint(
      {
        lines,
        point: { x: fx, y: fy, r: focusR },
        // Diagonal places stand 0.7 of the gap out: far enough that they clear the bracket too.
        gaps: s.bracket ? [(bracketX - fx + 5) / (tickAtFocus ? 0.7 : 1)] : [focusR + 6, focusR + 12],
        ...(leader ? { leaderBand: { top: f.top, bottom: y(0) - 2 } } : {}),
      },
      scenery(),
    );
  // On a phone a label too wide for the room near its dot is set a size smaller before it takes a leader.
  const smaller = besideLines.map((l) => ({ ...l, font: Math.min(l.font, f.small) }));
  const placed = shape
    ? undefined
    : (near(besideLines, false) ?? (narrow ? near(smaller, false) : undefined) ?? near(besideLines, true));
  const besideSet = placed ?? fallbackSet(besideLines, fx + 14, fy - f.font * 0.9);
  const underPlaced =
    underLines.length > 0
      ? placeNearPoint(
          { lines: underLines, point: { x: fx, y: fy, r: focusR }, gaps: [focusR + 3, focusR + 6], below: true },
          scenery([], [placed?.box ?? dotBox(fx, fy, focusR)]),
        )
      : undefined;
  const underSet = underPlaced ?? fallbackSet(underLines, fx + focusR + 3, fy + focusR + 3 + f.small);
  const focusSets = [besideSet, ...(underLines.length > 0 ? [underSet] : [])];
  if (placed?.leader) {
    marks.push(
      line('focus-leader', 'annotation', {
        class: 'leader-line',
        x1: fx,
        x2: fx,
        y1: placed.leader.y1,
        y2: placed.leader.y2,
      }),
    );
  }
  // The label's lines: the first (maybe wrapped in two), then the change on a year earlier, smaller.
  const setOf = (l: LabelLine) => focusSets.find((set) => set.lines.includes(l))!;
  const partLines = (part: number) => focusSets.flatMap((set) => set.lines).filter((l) => (l.part ?? 0) === part);
  const lineY = (l: LabelLine) => setOf(l).baselines[setOf(l).lines.indexOf(l)]!;
  // Only the lines a state shows are marks (an element each, in every copy of the chart on the page): the
  // label's first line always (it tweens from state to state), a broken line's second half and the change on
  // a year earlier where there is one. The opening shape shows none of them.
  const labelLines: [string, LabelLine | undefined, string][] = [
    ['focus-label', partLines(0)[0], 'annotation-label'],
    ['focus-label-1', partLines(0)[1], 'annotation-label'],
    ['focus-label-2', partLines(1)[0], 'annotation-label annotation-second'],
    ['focus-label-3', partLines(1)[1], 'annotation-label annotation-second'],
  ];
  for (const [key, l, cls] of labelLines) {
    if (!l || shape) continue;
    marks.push(
      text(key, 'label', l.text, {
        class: cls,
        x: setOf(l).x,
        y: lineY(l),
        'text-anchor': setOf(l).anchor,
        'font-size': l.font,
        opacity: 1,
      }),
    );
  }

  // The grey line's label: beside its last point, between gridlines (it has no halo).
  const [ybx, yby] = ybCoords.reduce((a, b) => (b[0] >= a[0] ? b : a));
  const ybLabel = config.yearBefore?.label ?? '';
  // Beside its last point, or failing that beside an earlier one (a shown one), or the tick's left end; and
  // close by it: a label standing off its mark reads as floating free.
  const ybPoints = tickAtFocus
    ? [[fx - tickHalf, tickY] as const]
    : [[ybx, yby] as const, ...[...ybCoords].reverse()].filter((p) => ybDotShown(p));
  const closeBy = (p: NearPoint | undefined, cx: number, cy: number) => {
    if (!p) return undefined;
    const dx = Math.max(p.box.x - cx, 0, cx - p.box.x - p.box.width);
    const dy = Math.max(p.box.y - cy, 0, cy - p.box.y - p.box.height);
    return Math.hypot(dx, dy) <= 12 ? p : undefined;
  };
  const ybPlaced = yb
    ? ybPoints
        .map(([cx, cy]) =>
          closeBy(
            placeNearPoint(
              {
                lines: [{ text: ybLabel, font: f.small }],
                point: { x: cx, y: cy, r: tickAtFocus ? 1 : 3.5 },
                gaps: tickAtFocus ? [4, 8] : [7, 12],
                rivals: [{ x: fx, y: fy }],
                ...(tickAtFocus ? { notBelow: true } : {}),
              },
              scenery(grid),
            ),
            cx,
            cy,
          ),
        )
        .find((p) => p !== undefined)
    : undefined;
  // Where no place beside the grey dots is nearer them than the focus dot (on a phone, March 2021 sits a few
  // pixels over March 2022), a key names the grey instead: a dot and the label, in the plot's first free corner.
  const key = yb && !ybPlaced ? placeKey({ text: ybLabel, font: f.small }, 7, scenery(grid)) : undefined;
  const ybSet = key
    ? fallbackSet([{ text: ybLabel, font: f.small }], key.x, key.baseline)
    : (ybPlaced ?? fallbackSet([{ text: ybLabel, font: f.small }], ybx + 8, yby - 6));
  // The key's swatch draws the grey as the chart does: a tick where the chart has one, else a dot.
  if (key && tickAtFocus)
    marks.push(
      line('year-before-key-tick', 'annotation', {
        class: 'year-before-tick',
        x1: key.swatch.x - 3.5,
        x2: key.swatch.x + 3.5,
        y1: key.swatch.y,
        y2: key.swatch.y,
      }),
    );
  else if (key)
    marks.push(
      circle('year-before-key', 'annotation', { class: 'year-before-dot', cx: key.swatch.x, cy: key.swatch.y, r: 3.5 }),
    );
  if (yb) {
    marks.push(oneLineLabel('year-before-label', 'annotation', 'year-before-label', ybLabel, ybSet, f.small));
  }

  // The later record, labelled where the whole series is shown.
  const peakIndex = points.reduce((a, p, i) => (p.value > points[a]!.value ? i : a), 0);
  // On phones the all state's top row holds the rule's and the band's labels: the peak stays unlabelled there.
  const showsPeak = shape || (s.peak === true && !narrow);
  const px = x(Math.min(peakIndex, lastIndex));
  const py = y(points[Math.min(peakIndex, lastIndex)]!.value);
  marks.push(
    circle('peak-dot', 'annotation', { class: 'focus-dot', cx: px, cy: py, r: 4.5, opacity: showsPeak ? 1 : 0 }),
  );
  if (showsPeak) dots.push(dotBox(px, py, 4.5));

  // The story's shape, under the headline: one big number at the fall, set left of it, under 2021's line.
  if (shape && config.bigNumber) {
    const drop = seriesFigures(series, config, config.bigNumber.of);
    const big = narrow ? 34 : 46;
    const noteWords = config.bigNumber.note.map((l) => fill(l, figureWords(series, drop.focus, config.values)));
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

  const peakText = fill(
    shape && narrow ? config.peak.short : config.peak.label,
    figureWords(series, points[peakIndex]!.date, config.values),
  );
  const peakPlaced = showsPeak
    ? placeNearPoint({ lines: [{ text: peakText, font: f.small }], point: { x: px, y: py, r: 4.5 } }, scenery())
    : undefined;
  const peakSet = peakPlaced ?? fallbackSet([{ text: peakText, font: f.small }], px - 8, py - 10, 'end');
  if (showsPeak) {
    marks.push(oneLineLabel('peak-label', 'label', 'annotation-label', peakText, peakSet, f.small));
  }

  // The rule last: it stops short of every label and dot it would cross, and of a leader running beside it.
  const ruleMark = marks.find((m) => m.key === 'rule');
  if (ruleMark && rx !== undefined) {
    const near: Box[] = placed?.leader
      ? [
          {
            x: fx - 3,
            y: Math.min(placed.leader.y1, placed.leader.y2),
            width: 6,
            height: Math.abs(placed.leader.y2 - placed.leader.y1),
          },
        ]
      : [];
    const own = (key: string) => key.startsWith('rule-label-');
    const labels = marks
      .filter((m) => m.tag === 'text' && m.text && !own(m.key) && Number(m.attrs['opacity'] ?? 1) > 0)
      .map((m) =>
        textBox(
          m.text!,
          Number(m.attrs['font-size']),
          Number(m.attrs['x']),
          Number(m.attrs['y']),
          m.attrs['text-anchor'] as 'start' | 'middle' | 'end',
        ),
      );
    ruleMark.attrs['d'] = cutVertical(r1(rx), f.top - 6, y(0), [...labels, ...dots, ...near]);
  }
  // The year before is drawn under the export line: where they meet (March 2021 and March 2022 sit a few
  // pixels apart), the line stays whole instead of seeming to stop at the grey dot.
  const under = marks.filter((m) => m.layer === 'data' && m.key.startsWith('year-before'));
  const ordered = marks.filter((m) => !under.includes(m));
  ordered.splice(
    ordered.findIndex((m) => m.key === 'line'),
    0,
    ...under,
  );

  return {
    chart,
    state,
    layout,
    width: f.width,
    height: f.height,
    title: fill(s.title, figureWords(series, spec.focus, config.values)),
    subtitle: config.subtitle,
    description: describeSeries(series, state, events, config, ui),
    marks: ordered,
  };
}

/** The text alternative: what the chart shows in this state, in words and numbers from the data. */
export function describeSeries(
  series: readonly MonthlyPoint[],
  state: string,
  events: readonly Event[],
  config: SeriesChart,
  ui: Ui,
): string {
  const s = stateOf(config, state);
  const f = seriesFigures(series, config, state);
  const points = windowed(series, config);
  const first = points[0]!;
  const through = formatMonth(f.through);
  const parts = [
    ui('describe.series', {
      what: config.describe,
      from: formatMonth(first.date),
      value: formatValue(first.value, config.values),
      to: through,
    }),
  ];
  const a = { label: annotation(series, config, state) };
  const focus = ui('describe.dated', { date: formatMonth(f.focus), label: formatValue(f.value, config.values) });
  parts.push(ui('describe.highlighted', { items: focus }));
  if (f.monthOnMonth !== undefined && s.monthOnMonth) {
    parts.push(ui('describe.monthOnMonth', { change: formatSignedPercent(f.monthOnMonth) }));
  }
  if (f.yearOnYear !== undefined) {
    parts.push(ui('describe.yearOnYear', { change: formatSignedPercent(f.yearOnYear, 1) }));
  }
  parts.push(ui('describe.annotation', { label: a.label }));
  const rule = events.find((e) => e.id === config.rule);
  if (rule) parts.push(ui('describe.verticalRule', { date: formatDate(rule.date), label: rule.label }));
  const band = events.find((e) => e.id === config.band && e.end);
  if (band && s.band) {
    parts.push(ui('describe.band', { label: band.label, from: formatDate(band.date), to: formatDate(band.end!) }));
  }
  if (s.yearBefore && config.yearBefore) parts.push(ui('describe.yearBefore'));
  if (s.peak || s.opening) {
    const peak = points.reduce((x, p) => (p.value > x.value ? p : x));
    parts.push(ui('describe.peak', { month: formatMonth(peak.date), value: formatValue(peak.value, config.values) }));
  }
  if (!s.opening && config.combined) parts.push(config.combined.description);
  return parts.join(' ');
}

/** A one-line label, set where near-point.ts (or a fallback) put it. */
function oneLineLabel(
  key: string,
  layer: Mark['layer'],
  className: string,
  content: string,
  set: Pick<NearPoint, 'x' | 'anchor' | 'baselines'>,
  font: number,
): Mark {
  return text(key, layer, content, {
    class: className,
    x: set.x,
    y: set.baselines[0]!,
    'text-anchor': set.anchor,
    'font-size': font,
    opacity: 1,
  });
}
