/**
 * The timeline: one lane per side that has an event in the view, each marker at its exact date. Where markers
 * would touch, one steps into a row of its lane (timeline-lanes.ts), never sideways; the lanes grow to hold
 * their rows. The rule's and the band's events are drawn across the chart, not again as markers. Highlighted
 * events are labelled under the axis, earliest first (timeline-labels.ts).
 */
import { scaleUtc } from 'd3-scale';
import type { Ui } from '../content/ui-schema.ts';
import type { TimelineChart } from '../content/charts-schema.ts';
import { fill } from '../content/charts-schema.ts';
import type { Event } from '../content/schemas.ts';
import { formatDate, formatShortDate } from '../format/dates.ts';
import { placeAxisDates } from './axis-dates.ts';
import { routeLeaders } from './leader-routes.ts';
import { contextMarks } from './context-marks.ts';
import { BAR_CAP, BAR_HEIGHT, eventMarks } from './event-marks.ts';
import { hollowKey, spanKey } from './lane-keys.ts';
import { ASCENT, boxAttr, cutVertical, DESCENT, textBox, type Box } from './boxes.ts';
import { describeTimeline } from './describe-timeline.ts';
import { frame } from './frame.ts';
import { lineHeightOf } from './label-rows.ts';
import { markerExtent } from './marker-shapes.ts';
import { line, path, r1, rect, text } from './marks.ts';
import { shiftDown } from './shift-down.ts';
import { stackLanes, type Lane } from './timeline-lanes.ts';
import { timelineLabels } from './timeline-labels.ts';
import {
  daysBetween,
  highlightedBy,
  labelDate,
  shownEvents,
  spanOf,
  stateOf,
  utc,
  windowOf,
  windowSpec,
} from './timeline-rules.ts';
import type { LayoutName, Mark, Scene, View } from '../../shared/chart-types.ts';

export { describeTimeline } from './describe-timeline.ts';
export { highlightedBy, labelDate, matchesRule, shownEvents, spanOf, windowOf } from './timeline-rules.ts';

/**
 * Unhighlighted markers fade to this opacity: enough to step back, and still 3:1 on the background in
 * both themes for every side colour (tests/unit/charts.test.ts checks it against the tokens).
 */
export const FADED_OPACITY = 0.72;

/**
 * The geometry of each layout. Both keep the lanes' names in a gutter left of the plot, where no leader runs:
 * on phones their short names (the gutter as wide as the longest, `left` being the page's edge), and the keys
 * in a row at the chart's foot.
 * lit: a step's one to three highlighted markers; litCrowd: a state that lights more. `labelRoom`: the
 * height under the axis's dates kept for event labels (phones: four lines of them and the keys' row; the
 * chart is at least the pinned panel's 300 high).
 */
const GEOMETRY = {
  narrow: {
    left: 14,
    right: 14,
    topLabel: 14,
    font: 14,
    marker: 4,
    lit: 1.15,
    litCrowd: 1.1,
    labelRoom: 104,
  },
  wide: {
    left: 168,
    right: 28,
    topLabel: 16,
    font: 14,
    marker: 5.5,
    lit: 1.35,
    litCrowd: 1.15,
    labelRoom: 120,
  },
} as const;
/** The rows a lane has room for on phones, in order of preference (its name is beside the first). */
const NARROW_ROWS = [0, 1, 2, 3];
/** Phones: between a lane's short name and the plot; lanes at least this far apart; between two lanes' markers. */
const NARROW_NAME_GAP = 6;
const NARROW_LANE_GAP = 20;
const NARROW_BETWEEN_LANES = 12;
/** Between two desktop lanes' markers: well over the gap between rows of one lane, so a row reads as its lane's. */
const WIDE_BETWEEN_LANES = 18;
/** Desktop lanes stand at least this far apart (the gutter's names and key need the room). */
const WIDE_LANE_GAP = 42;
/** A highlighted marker's outline (1.2, scaled with the marker), both markers' halves of it. */
const OUTLINE = { wide: 1.2 * 1.35, narrow: 1.2 * 1.15 };
/** An event lasting days draws a bar from its marker's edge to its last day, if the bar would be this long. */
const MIN_BAR = 4;
/** Desktops: how far left, under the gutter's names, a label under the axis may run. */
const GUTTER_LABEL_LEFT = 16;
/** How far a leader keeps from every other marker, bar, word and leader on its way down. */
const LEADER_CLEARANCE = 3;

/** The timeline in one view (a named state, maybe with events to highlight) and layout. */
export function timelineScene(
  events: readonly Event[],
  view: View,
  layout: LayoutName,
  config: TimelineChart,
  chart: string,
  ui: Ui,
): Scene {
  const narrow = layout === 'narrow';
  const g = GEOMETRY[layout];
  const nameOf = (lane: TimelineChart['lanes'][number]) => (narrow ? (lane.short ?? lane.label) : lane.label);
  const page = frame(layout, { left: g.left, right: g.right });
  const gutter = Math.max(...config.lanes.map((l) => textBox(nameOf(l), page.small, 0, 0).width));
  const f = narrow ? frame(layout, { left: g.left + gutter + NARROW_NAME_GAP, right: g.right }) : page;
  const small = f.small;
  const state = stateOf(config, view.state);
  const [start, end] = windowOf(config, view.state);
  const lanesOf = (side: string) => config.lanes.find((l) => l.id === side)!;
  const marker = (side: string) => lanesOf(side).marker;
  const tone = (side: string) => `tone-${lanesOf(side).colour}`;
  const hollowKind = config.hollow?.kind;
  const NO_STATEMENT = config.hollow?.legend ?? '';
  const size = g.marker;
  const largest = size * Math.max(g.lit, g.litCrowd);
  // The dates sit inset by the largest marker's half, so a marker at the window's first or last day stays
  // within the axis's ends.
  const inset = Math.max(...config.lanes.map((l) => markerExtent(l.marker, largest).half));
  /** A window's date scale (each state's lanes are worked out on their own window's). */
  const scaleFor = ([from, to]: readonly [string, string]) =>
    scaleUtc()
      .domain([utc(from), utc(to)])
      .range([f.left + inset, f.width - f.right - inset]);
  const x = scaleFor([start, end]);
  const xOf = (e: Event) => x(utc(e.date));
  const rows = [g.topLabel, g.topLabel + small + 5];
  const nameAscent = small * ASCENT;
  const nameDescent = small * DESCENT;

  const showsAll = state.labelAll === true;
  const explicit = view.highlight !== undefined && view.highlight.length > 0;
  const highlighted = explicit
    ? events.filter((e) => view.highlight!.includes(e.id))
    : highlightedBy(config, view.state, events);
  const highlightIds = new Set(highlighted.map((e) => e.id));
  const anyHighlight = highlightIds.size > 0;
  // A step's one or two events stand out; where a state lights a whole lane, its crowd needs the room.
  const litScale = highlightIds.size > 3 ? g.litCrowd : g.lit;
  const scaleOf = (e: Event) => (highlightIds.has(e.id) ? litScale : 1);
  const halfOf = (e: Event) => markerExtent(marker(e.side), size * scaleOf(e)).half;
  /** Where an event's bar ends: only an event lasting days (not the band's), and only where it shows. */
  const barEnd = (e: Event, half: number, on = x): number | undefined => {
    if (!e.end || e.id === config.band) return undefined;
    const until = Math.min(on(utc(e.end)), f.width - f.right);
    return until - (on(utc(e.date)) + half) >= MIN_BAR ? until : undefined;
  };
  const largestHalf = (e: Event) => markerExtent(marker(e.side), largest).half;
  /** Lanes clear of the top labels and of each other, names in the gutter. */
  const lineY = (above: Lane | undefined, up: number) =>
    narrow
      ? above
        ? above.y + Math.max(NARROW_LANE_GAP, above.down + NARROW_BETWEEN_LANES + up)
        : rows[1]! + nameDescent + 4 + Math.max(up, nameAscent)
      : above
        ? above.y + Math.max(WIDE_LANE_GAP, above.down + WIDE_BETWEEN_LANES + up)
        : Math.max(48, rows[1]! + nameDescent + 4 + up);
  // Phones have room for four rows a lane (its name stands beside the first, in the gutter): a
  // marker with no room at its date would move along a row by the least it takes, never across the rule.
  // Rows are worked out at the highlighted size, so that lighting a marker moves none.
  const ruleDay = events.find((e) => e.id === config.rule)?.date;
  const stack = (shown: readonly Event[], window: readonly [string, string] = [start, end]) => {
    const on = scaleFor(window);
    const ruleX = ruleDay && ruleDay >= window[0] && ruleDay <= window[1] ? on(utc(ruleDay)) : undefined;
    const bounds = (e: Event) => ({
      min: ruleX !== undefined && e.date > ruleDay! ? ruleX + 1.5 - largestHalf(e) : f.left,
      max: ruleX !== undefined && e.date < ruleDay! ? ruleX - 1.5 + largestHalf(e) : f.width - f.right,
    });
    return stackLanes(config.lanes, shown, {
      size: () => largest,
      // Room for two highlighted markers' outlines too.
      gap: 2 + OUTLINE[layout],
      xOf: (e) => on(utc(e.date)),
      barEnd: (e) => barEnd(e, largestHalf(e), on),
      lineY,
      ...(narrow ? { rows: NARROW_ROWS, bounds } : {}),
    });
  };
  const axisOf = (lanes: readonly Lane[]) => {
    const last = lanes.at(-1);
    return last ? last.y + Math.max(last.down + (narrow ? 4 : 8), narrow ? 14 : 20) : rows[1]! + 20;
  };
  // Room under the dates for a leader's sideways run, clear of the dates above and the labels below.
  const labelTopOf = (axisY: number) => axisY + 6 + small + 13;
  /**
   * The events drawn as markers: not the rule's nor the band's, which are drawn across the chart already,
   * unless a state or this step highlights them.
   */
  const litSomewhere = new Set([
    ...Object.keys(config.states).flatMap((name) => highlightedBy(config, name, events).map((e) => e.id)),
    ...(view.highlight ?? []),
  ]);
  const asMarkers = (name: string, list: readonly Event[]) => {
    const [from, to] = windowOf(config, name);
    const context = (e: Event) =>
      (e.id === config.rule && e.date >= from && e.date <= to) || (e.id === config.band && e.end !== undefined);
    return list.filter((e) => !context(e) || litSomewhere.has(e.id));
  };
  // One height for every state of a layout (the pinned panel keeps its size from step to step): the tallest
  // window's lanes plus the room for labels.
  const stacks = Object.entries(config.states)
    .filter(([, s]) => !s.labelAll)
    .map(
      ([name]) => stack(asMarkers(name, shownEvents(config, { state: name }, events)), windowOf(config, name)).lanes,
    );
  const tallestAxis = Math.max(...stacks.map(axisOf));
  /** Between two lanes' lines, at most: the widest any window needs (a window spread wider reads as two charts). */
  const widestGap = Math.max(0, ...stacks.flatMap((ls) => ls.slice(1).map((l, i) => l.y - ls[i]!.y)));
  const fixedHeight = labelTopOf(tallestAxis);
  const chartHeight = Math.max(f.height, Math.ceil(fixedHeight + g.labelRoom));

  const shown = asMarkers(view.state, shownEvents(config, view, events));
  const stacked = stack(shown);
  const { dy, x: placedX } = stacked;
  // A window with fewer or lower lanes spreads them over the same height, so the axis and labels stay put:
  // its lanes no further apart than `widestGap`, the block of them centred.
  const spare = state.labelAll ? 0 : Math.max(0, tallestAxis - axisOf(stacked.lanes));
  const gaps = stacked.lanes.slice(1).map((l, i) => l.y - stacked.lanes[i]!.y);
  const between = Math.min(spare / stacked.lanes.length, Math.max(0, widestGap - Math.max(0, ...gaps)));
  const above = (spare - between * Math.max(0, stacked.lanes.length - 1)) / 2;
  const lanes = stacked.lanes.map((l, i) => ({ ...l, y: l.y + above + between * i }));
  const markerX = (e: Event) => placedX.get(e.id) ?? xOf(e);
  const laneY = new Map(lanes.map((l) => [l.side, l.y]));
  const axisY = axisOf(stacked.lanes) + spare;
  const tickBaseline = axisY + 6 + small;
  const labelTop = labelTopOf(axisY);
  const marks: Mark[] = [];
  /** Text above the axis that rules and leaders stop short of. */
  const obstacles: Box[] = [];
  const nameBoxes: Box[] = [];
  const keyBoxes: Box[] = [];
  const keyMarks: Mark[] = [];
  const hollowShown = shown.some((e) => e.kind === hollowKind);

  const spanning = shown.filter((e) => barEnd(e, halfOf(e)) !== undefined);
  const spanKeyLane = lanes.find((l) => spanning.some((e) => e.side === l.side))?.side;

  // The rule's and the band's events are labelled along the top already.
  const rule = events.find((e) => e.id === config.rule && e.date >= start && e.date <= end);
  const band = events.find((e) => e.id === config.band && e.end);
  const labelled = (showsAll ? shown : highlighted.filter((e) => e.date >= start && e.date <= end))
    .filter((e) => !(e.id === config.rule && rule) && !(e.id === config.band && band))
    .slice()
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        lanes.findIndex((l) => l.side === b.side) - lanes.findIndex((l) => l.side === a.side),
    );

  /** Phones: the keys' row at the chart's foot (labels keep above it in every step). */
  const keyRowY = chartHeight - 5;
  const labelsBottom = narrow && !showsAll ? keyRowY - small - 4 : chartHeight - 2;
  const keyWidth = (word: string, before: number) => textBox(word, small - 1, 0, 0).width + before + 8;
  /** A lane's keys (the hollow marker, the bar of an event lasting days), each where `at` puts it. */
  const keysOf = (side: string, at: (word: string, before: number) => { x: number; y: number }) => {
    const options = (p: { x: number; y: number }) => ({
      at: p,
      shape: marker(side),
      tone: tone(side),
      font: small - 1,
    });
    const keys: { marks: Mark[]; box: Box | undefined }[] = [];
    if (side === config.hollow?.lane) keys.push(hollowKey(NO_STATEMENT, hollowShown, options(at(NO_STATEMENT, 8))));
    if (side === spanKeyLane) {
      const word = ui('figure.spanKey');
      keys.push(spanKey(word, { height: BAR_HEIGHT, cap: BAR_CAP }, options(at(word, 22))));
    }
    return { marks: keys.flatMap((k) => k.marks), boxes: keys.flatMap((k) => (k.box ? [k.box] : [])) };
  };
  for (const lane of lanes) {
    const side = lane.side;
    const laneLabel = nameOf(lanesOf(side));
    const y = lane.y;
    const nameX = f.left - (narrow ? NARROW_NAME_GAP : 14);
    const nameY = y + small * 0.35;
    marks.push(line(`lane-${side}`, 'grid', { class: 'grid-line', x1: f.left, x2: f.width - f.right, y1: y, y2: y }));
    marks.push(
      text(`lane-label-${side}`, 'grid', laneLabel, {
        class: 'lane-label',
        x: nameX,
        y: nameY,
        'text-anchor': 'end',
        'font-size': small,
      }),
    );
    const nameBox = textBox(laneLabel, small, nameX, nameY, 'end');
    obstacles.push(nameBox);
    nameBoxes.push(nameBox);
    // Desktops: a lane's keys under its name, in the gutter. (Phones: in a row at the chart's foot, below.)
    if (!narrow) {
      let keyRow = 0;
      const keys = keysOf(side, (word, before) => ({
        x: nameX - keyWidth(word, before) + before / 2,
        y: nameY + (small + 3) * ++keyRow,
      }));
      keyMarks.push(...keys.marks);
      keyBoxes.push(...keys.boxes);
    }
  }
  marks.push(...keyMarks);
  obstacles.push(...keyBoxes);
  marks.push(line('axis', 'grid', { class: 'axis-line', x1: f.left, x2: f.width - f.right, y1: axisY, y2: axisY }));
  const context = contextMarks(rule, band, {
    x: (iso) => x(utc(iso)),
    left: f.left,
    right: f.width - f.right,
    leftmost: 4,
    ruleLabel: narrow ? config.ruleShort : undefined,
    rows,
    font: small,
    axisY,
    obstacles,
  });
  marks.push(...context.marks);
  obstacles.push(...context.labels);

  const spanTaken: Box[] = [];
  if (state.span) {
    const span = spanOf(config, view.state, events);
    if (span) {
      const x0 = x(utc(span.from.date));
      const x1 = x(utc(span.to.date));
      marks.push(
        rect('span', 'grid', {
          class: 'span-band',
          x: x0,
          y: g.topLabel - small,
          width: x1 - x0,
          height: axisY - g.topLabel + small,
        }),
      );
      const days = daysBetween(span.from.date, span.to.date);
      const content = fill(state.span.label, {
        from: formatShortDate(span.from.date),
        to: formatShortDate(span.to.date),
        days,
      });
      const half = textBox(content, g.font, 0, 0).width / 2;
      const cx = Math.max(f.left + half, Math.min((x0 + x1) / 2, f.width - f.right - half));
      const baseline = labelTop + g.font * 0.96;
      const box = textBox(content, g.font, cx, baseline, 'middle');
      spanTaken.push(box);
      marks.push(
        text('span-label', 'label', content, {
          class: 'annotation-label',
          x: cx,
          y: baseline,
          'text-anchor': 'middle',
          'font-size': g.font,
          'data-box': boxAttr(box),
        }),
      );
    }
  }

  // Markers at their places; a thin capped bar after one that lasted days.
  const markerY = (e: Event) => laneY.get(e.side)! + (dy.get(e.id) ?? 0);
  /** Every marker and bar: leaders stop short of them (a leader starts below its own marker). */
  const markBoxes: Box[] = [];
  const ownBoxes = new Map<string, Box[]>();
  for (const e of shown) {
    const on = highlightIds.has(e.id);
    const drawn = eventMarks(e.id, {
      x: markerX(e),
      y: markerY(e),
      shape: marker(e.side),
      tone: tone(e.side),
      size,
      scale: scaleOf(e),
      opacity: anyHighlight && !on ? FADED_OPACITY : 1,
      hollow: e.kind === hollowKind,
      lit: on,
      // Its outline takes the band's colour where it stands on the band (the page's would ring it there).
      inBand: band !== undefined && e.date >= band.date && e.date <= band.end!,
      ...(e.end && e.id !== config.band ? { bar: { until: barEnd(e, halfOf(e)) } } : {}),
    });
    marks.push(...drawn.marks);
    markBoxes.push(...drawn.boxes);
    ownBoxes.set(e.id, drawn.boxes);
  }

  // The rule stops short of every marker it meets, at the marker's drawn size (a highlighted one is outlined).
  const ruleMark = marks.find((m) => m.key === 'rule');
  if (rule && ruleMark) {
    const d = String(ruleMark.attrs['d']);
    const [top, rx] = [Number(/M-?[\d.]+,(-?[\d.]+)/.exec(d)![1]), r1(x(utc(rule.date)))];
    const outlined = markBoxes.map((b) => ({ x: b.x - 1, y: b.y - 1, width: b.width + 2, height: b.height + 2 }));
    ruleMark.attrs['d'] = cutVertical(rx, top, axisY, [...obstacles, ...context.labels, ...outlined], 3, 12);
  }
  // Each leader's way down to the axis, clear of every other marker, bar, key and leader (lane names where
  // it can); earliest first.
  const reach = (e: Event) => size * scaleOf(e) * 1.3 + 1;
  // The dates under the axis, where they stand if no leader passes: a leader steps aside from them where it
  // can (a date hidden from step to step took the reader's bearings), and hides one only where it cannot.
  const ticks = windowSpec(config, view.state).ticks;
  const tickWords = ticks.map((t) => ({ label: narrow ? (t.short ?? t.label) : t.label, x: x(utc(t.date)) }));
  const dateOptions = { baseline: tickBaseline, font: small, left: f.left, right: f.width - f.right };
  const dateBoxes = placeAxisDates(tickWords, { ...dateOptions, leaderXs: [] }).map((d) => d.box);
  const ruleLine = rule ? [{ x: x(utc(rule.date)), y: rows[0]!, width: 0, height: axisY - rows[0]! }] : [];
  // (Not when every event is labelled, as in print: there leaders run straight, cut around what they pass.)
  const routes = routeLeaders(
    (showsAll ? [] : labelled)
      .slice()
      .reverse()
      .map((e) => ({
        id: e.id,
        x: markerX(e),
        fromY: markerY(e) + reach(e),
        centreY: markerY(e),
        half: halfOf(e),
        own: ownBoxes.get(e.id) ?? [],
        ...(rule && e.date === rule.date && Math.abs(markerX(e) - x(utc(rule.date))) < 1
          ? { alongRule: r1(x(utc(rule.date))) }
          : {}),
      })),
    {
      toY: tickBaseline + small * DESCENT + 1,
      left: f.left,
      right: f.width - f.right,
      obstacles: [...markBoxes, ...context.labels, ...ruleLine],
      soft: [...nameBoxes, ...keyBoxes, ...dateBoxes],
      lines: [...lanes.map((l) => l.y), axisY],
      stepAbove: axisY - 2,
      clearance: LEADER_CLEARANCE,
    },
  );
  // A tick's date under it; hidden where a leader still runs through it (the label carries the exact date).
  // (A leader along the rule starts under the dates.)
  const leaderXs = [...routes.values()].filter((r) => r.restY < dateOptions.baseline).map((r) => r.x);
  const dates = placeAxisDates(tickWords, { ...dateOptions, leaderXs });
  ticks.forEach((tick, n) => {
    const tx = x(utc(tick.date));
    // A tick whose date is hidden goes with it: no tick stands unlabelled.
    marks.push(
      line(`tick-${tick.date}`, 'grid', {
        class: 'axis-line',
        x1: tx,
        x2: tx,
        y1: axisY,
        y2: axisY + 5,
        ...(dates[n]!.shown ? {} : { opacity: 0 }),
      }),
    );
    marks.push(
      text(`tick-label-${tick.date}`, 'grid', tickWords[n]!.label, {
        class: 'tick-label',
        x: dates[n]!.x,
        y: tickBaseline,
        'text-anchor': 'middle',
        'font-size': small,
        ...(dates[n]!.shown ? {} : { opacity: 0 }),
      }),
    );
    if (dates[n]!.shown) obstacles.push(dates[n]!.box);
  });

  // Labels: the highlighted events (every event of the window in the `all` state). Leaders stop short of
  // text and of every other marker and bar they pass.
  const { below: placed, above: placedAbove } = timelineLabels(
    labelled.map((e) => ({
      id: e.id,
      date: e.date,
      x: routes.get(e.id)?.x ?? markerX(e),
      fromBelow: routes.get(e.id)?.restY ?? markerY(e) + reach(e),
      fromAbove: markerY(e) - reach(e),
      content: `${labelDate(e.date, [start, end])}: ${e.label}`,
    })),
    {
      showsAll,
      explicit,
      // Under the axis, labels may run under the gutter too.
      rows: {
        left: narrow ? g.left : GUTTER_LABEL_LEFT,
        right: f.width - f.right,
        font: g.font,
        obstacles: [...obstacles, ...markBoxes],
      },
      top: labelTop,
      bottom: labelsBottom,
      taken: spanTaken,
      jogY: labelTop - 5,
      aboveBottom: rows[0]! - small - 6,
      mid: (f.left + f.width - f.right) / 2,
    },
  );
  // A leader that jogs under the dates hides a date it would pass within a few units of.
  for (const [, x1, y, x2] of placed.flatMap((p) => [...p.leader.matchAll(/M(-?[\d.]+),(-?[\d.]+)H(-?[\d.]+)/g)])) {
    const [from, to] = [Math.min(Number(x1), Number(x2)), Math.max(Number(x1), Number(x2))];
    ticks.forEach((tick, n) => {
      const b = dates[n]!.box;
      const near = Number(y) < b.y + b.height + 3 && to > b.x - 3 && from < b.x + b.width + 3;
      if (!near) return;
      for (const mark of marks.filter((m) => m.key === `tick-label-${tick.date}` || m.key === `tick-${tick.date}`))
        mark.attrs['opacity'] = 0;
    });
  }
  for (const p of [...placed, ...placedAbove]) {
    marks.push(
      path(`leader-${p.id}`, 'annotation', {
        class: 'leader-line',
        d: routes.get(p.id)?.alongRule ? '' : (routes.get(p.id)?.path ?? '') + p.leader,
      }),
    );
    p.lines.forEach((l, i) => {
      marks.push(
        text(`label-${p.id}-${i}`, 'label', l, {
          class: 'event-label',
          x: p.x,
          y: p.baselines[i]!,
          'text-anchor': p.anchor,
          'font-size': g.font,
          'data-label': p.id,
          'data-box': boxAttr(p.box),
        }),
      );
    });
  }
  let lowest = Math.max(labelTop, ...placed.map((p) => p.box.y + p.box.height));
  // Phones: the keys in a row at the foot, left to right in the lanes' order (in print, under the labels).
  if (narrow) {
    const rowY = showsAll ? lowest + small + 8 : keyRowY;
    let keyAt = g.left;
    for (const lane of lanes) {
      const keys = keysOf(lane.side, (word, before) => {
        const at = { x: keyAt + before / 2, y: rowY };
        keyAt += keyWidth(word, before);
        return at;
      });
      marks.push(...keys.marks);
      if (keys.boxes.length > 0) lowest = Math.max(lowest, rowY + small * DESCENT);
    }
  }
  const highest = Math.min(0, ...placedAbove.map((p) => p.box.y - 6));
  const height = showsAll ? Math.ceil(lowest + lineHeightOf(g.font) * 0.5 - highest) : chartHeight;
  if (highest < 0) shiftDown(marks, -highest);

  return {
    chart,
    state: view.state,
    layout,
    width: f.width,
    height,
    title: state.title,
    subtitle: fill(windowSpec(config, view.state).subtitle, {
      from: formatDate(start.slice(0, 7)),
      to: formatDate(end.slice(0, 7)),
    }),
    description: describeTimeline(config, events, view, showsAll ? [] : highlighted, ui, spanning),
    marks,
  };
}
