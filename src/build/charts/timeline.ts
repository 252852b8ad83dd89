import { scaleUtc } from 'd3-scale';
import type { Ui } from '../content/ui-schema.ts';
import type { EventRule, TimelineChart } from '../content/charts-schema.ts';
import { fill } from '../content/charts-schema.ts';
import type { Event } from '../content/schemas.ts';
import { formatDate, formatShortDate } from '../format/dates.ts';
import { boxAttr, cutVertical, overlaps, textBox, type Box } from './boxes.ts';
import { frame } from './frame.ts';
import { lineHeightOf, placeLabels, type LabelRequest, type PlacedLabel } from './label-rows.ts';
import { line, path, r1, rect, text } from './marks.ts';
import type { LayoutName, Mark, Scene, View } from '../../shared/chart-types.ts';

/**
 * Unhighlighted markers fade to this opacity: enough to step back, and still 3:1 on the background in
 * both themes for every side colour (tests/unit/charts.test.ts checks it against the tokens).
 */
export const FADED_OPACITY = 0.72;

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function stateOf(config: TimelineChart, state: string): TimelineChart['states'][string] {
  const found = config.states[state];
  if (!found) throw new Error(`timeline chart has no state "${state}"`);
  return found;
}

/** An event's date beside its label: the day in a window of months, the month and year in one of years. */
export function labelDate(date: string, [from, to]: readonly [string, string]): string {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  // "7 Mar" in spring; "Jun 2022" across years (the short month that formatShortDate writes, then the year).
  return days > 400 ? `${formatShortDate(date).split(' ')[1]} ${date.slice(0, 4)}` : formatShortDate(date);
}

/** The window a state shows: its own, or the first the chart declares. */
function windowSpec(config: TimelineChart, state: string): TimelineChart['windows'][string] {
  const name = stateOf(config, state).window ?? Object.keys(config.windows)[0]!;
  return config.windows[name]!;
}

export function windowOf(config: TimelineChart, state: string): [string, string] {
  const w = windowSpec(config, state);
  return [w.from, w.to];
}

/** Whether an event meets a rule of charts.yaml: its side, its kind, inside or after a window. */
export function matchesRule(config: TimelineChart, rule: EventRule, e: Event): boolean {
  const through = (name: string) => config.windows[name]!.through ?? config.windows[name]!.to;
  return (
    (rule.side === undefined || e.side === rule.side) &&
    (rule.kind === undefined || e.kind === rule.kind) &&
    (rule.within === undefined || (e.date >= config.windows[rule.within]!.from && e.date <= through(rule.within))) &&
    (rule.after === undefined || e.date > through(rule.after))
  );
}

/** Which events a state highlights when its step names none: derived from kind, side and date only. */
export function highlightedBy(config: TimelineChart, state: string, events: readonly Event[]): Event[] {
  const rule = stateOf(config, state).highlight;
  return rule ? events.filter((e) => matchesRule(config, rule, e)) : [];
}

/** The events a view draws: those of its window, less the ones its state omits (unless the step highlights them). */
export function shownEvents(config: TimelineChart, view: View, events: readonly Event[]): Event[] {
  const [start, end] = windowOf(config, view.state);
  const omit = stateOf(config, view.state).omit;
  return events.filter(
    (e) =>
      e.date >= start &&
      e.date <= end &&
      !(omit && matchesRule(config, omit, e) && !(view.highlight ?? []).includes(e.id)),
  );
}

/** A state's shaded span: from the first event matching `from` (after the first matching `fromAfter`) to the last matching `to`. */
export function spanOf(
  config: TimelineChart,
  state: string,
  events: readonly Event[],
): { from: Event; to: Event } | undefined {
  const spec = stateOf(config, state).span;
  if (!spec) return undefined;
  const after = spec.fromAfter ? events.find((e) => matchesRule(config, spec.fromAfter!, e)) : undefined;
  const from = events.find((e) => matchesRule(config, spec.from, e) && e.date > (after?.date ?? ''));
  const to = events.filter((e) => matchesRule(config, spec.to, e)).at(-1);
  return from && to && to.date > from.date ? { from, to } : undefined;
}

const daysBetween = (a: string, b: string) => Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);

/** Marker outline for each lane's shape, centred on 0,0: shape carries the side as well as colour. */
function markerPath(marker: TimelineChart['lanes'][number]['marker'], s: number): string {
  switch (marker) {
    case 'circle':
      return `M${-s},0a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'diamond':
      return `M0,${-s * 1.25}L${s * 1.25},0L0,${s * 1.25}L${-s * 1.25},0Z`;
    case 'triangle':
      return `M0,${-s * 1.2}L${s * 1.15},${s * 0.9}L${-s * 1.15},${s * 0.9}Z`;
    case 'square':
      return `M${-s * 0.9},${-s * 0.9}H${s * 0.9}V${s * 0.9}H${-s * 0.9}Z`;
  }
}

/** The geometry of each layout. Phones: lane names in a row above each lane. Desktop: a left gutter. */
const GEOMETRY = {
  // lit: a step's one to three highlighted markers; litCrowd: a state that lights more. Smaller on phones,
  // where lane names sit a row above each lane and markers keep out of that row.
  narrow: {
    left: 14,
    right: 14,
    height: 300,
    topLabel: 14,
    lane0: 50,
    laneGap: 38,
    font: 14,
    marker: 5.5,
    lit: 1.3,
    litCrowd: 1.15,
  },
  wide: {
    left: 168,
    right: 28,
    height: 440,
    topLabel: 16,
    lane0: 48,
    laneGap: 42,
    font: 14,
    marker: 6,
    lit: 1.45,
    litCrowd: 1.2,
  },
} as const;

/** The gap every two marks of a lane keep. */
const MARKER_GAP = 1.5;
/** The gap a marker keeps from another event's span bar: wider, so a bar and the next marker never read as one. */
const BAR_GAP = 6.5;

/**
 * Spreads markers that would sit on each other in one lane, keeping their order and the group's centre.
 * Two neighbours keep at least `gap` between centres, more where their own half-widths (a highlighted
 * marker is larger) need it. Only where no marker moves more than `maxMove`: where many events share a few
 * pixels (the long aftermath scale), spreading them would move markers by months, so they stay where they are.
 */
function dodge(
  xs: readonly number[],
  halves: readonly number[],
  /** How far each marker's span bar runs right of it, if it has one. */
  bars: readonly (number | undefined)[],
  o: { gap: number; maxMove: number; min: number; max: number },
): number[] {
  const apart = (i: number) =>
    Math.max(o.gap, halves[i - 1]! + halves[i]! + MARKER_GAP, (bars[i - 1] ?? 0) + halves[i]! + BAR_GAP);
  /** Each marker's offset from the first when spread. */
  const offset = xs.map(() => 0);
  for (let i = 1; i < xs.length; i++) offset[i] = offset[i - 1]! + apart(i);
  // Clusters of neighbours closer than they may be, each spread about its centre; merged and re-spread
  // until no two clusters meet.
  let clusters = xs.map((x, i) => ({ from: i, to: i, start: x }));
  const end = (c: { from: number; to: number; start: number }) => c.start + offset[c.to]! - offset[c.from]!;
  for (let merged = true; merged;) {
    merged = false;
    const next: typeof clusters = [];
    for (const c of clusters) {
      const last = next.at(-1);
      if (last && c.start - end(last) < apart(c.from)) {
        last.to = c.to;
        const members = xs.slice(last.from, last.to + 1);
        const start =
          members.reduce((a, x, k) => a + x - (offset[last.from + k]! - offset[last.from]!), 0) / members.length;
        const span = offset[last.to]! - offset[last.from]!;
        last.start = Math.max(o.min + halves[last.from]!, Math.min(start, o.max - halves[last.to]! - span));
        merged = true;
      } else next.push({ ...c });
    }
    clusters = next;
  }
  const out = [...xs];
  for (const c of clusters) {
    const spread = xs.slice(c.from, c.to + 1).map((_, k) => c.start + offset[c.from + k]! - offset[c.from]!);
    if (spread.every((v, k) => Math.abs(v - xs[c.from + k]!) <= o.maxMove)) {
      spread.forEach((v, k) => (out[c.from + k] = v));
    }
  }
  return out;
}

/** How far a marker reaches from its centre (left/right, up, down), stroke included. */
function markerExtent(
  m: TimelineChart['lanes'][number]['marker'],
  s: number,
): { half: number; up: number; down: number } {
  const stroke = 0.75;
  switch (m) {
    case 'circle':
      return { half: s + stroke, up: s + stroke, down: s + stroke };
    case 'diamond':
      return { half: s * 1.25 + stroke, up: s * 1.25 + stroke, down: s * 1.25 + stroke };
    case 'triangle':
      return { half: s * 1.15 + stroke, up: s * 1.2 + stroke, down: s * 0.9 + stroke };
    case 'square':
      return { half: s * 0.9 + stroke, up: s * 0.9 + stroke, down: s * 0.9 + stroke };
  }
}

interface LaneItem {
  id: string;
  x: number;
  /** Where the event's own span bar ends, if it has one. */
  until: number | undefined;
  extent: { half: number; up: number; down: number };
  lit: boolean;
}

/**
 * Rows within a lane for markers that would touch: the lane's line first, then a row above, then one below.
 * Highlighted markers are placed first (they keep the lane's line); a marker never goes under a highlighted
 * one's leader (the leader runs down to its label) nor onto text (a lane's name). Where no row is free, the
 * marker moves along its row by the least it takes, a few pixels at most.
 */
function placeInLane(
  items: readonly LaneItem[],
  o: {
    laneY: number;
    rows: readonly number[];
    blocked: readonly Box[];
    /** Where no marker of the lane may go, on its line or off it (the row of the lane's name on phones). */
    nameRow: Box | undefined;
    left: number;
    right: number;
  },
): { id: string; x: number; dy: number; box: Box }[] {
  const boxOf = (it: LaneItem, x: number, dy: number): Box => ({
    x: x - it.extent.half,
    y: o.laneY + dy - it.extent.up,
    width: it.extent.half * 2,
    height: it.extent.up + it.extent.down,
  });
  const barOf = (it: LaneItem, x: number, dy: number): Box | undefined =>
    it.until === undefined || it.until <= x ? undefined : { x, y: o.laneY + dy - 3, width: it.until - x, height: 6 };
  const taken: { it: LaneItem; box: Box; bar: Box | undefined; dy: number }[] = [];
  const out = new Map<string, { x: number; dy: number }>();
  const order = [...items.filter((i) => i.lit), ...items.filter((i) => !i.lit)];
  const fits = (it: LaneItem, x: number, dy: number, clearLeaders: boolean) => {
    const box = boxOf(it, x, dy);
    const bar = barOf(it, x, dy);
    if (box.x < o.left || box.x + box.width > o.right) return false;
    if (dy !== 0 && o.blocked.some((b) => overlaps(b, box, 1))) return false;
    if (o.nameRow && overlaps(o.nameRow, box, 1)) return false;
    return taken.every(
      (t) =>
        !overlaps(t.box, box, MARKER_GAP) &&
        !(t.bar && overlaps(t.bar, box, BAR_GAP, MARKER_GAP)) &&
        !(bar && overlaps(bar, t.box, BAR_GAP, MARKER_GAP)) &&
        // Nothing under a highlighted marker, where its leader runs down.
        !(clearLeaders && t.it.lit && dy > t.dy && Math.abs(x - t.it.x) < t.it.extent.half + it.extent.half) &&
        !(clearLeaders && it.lit && t.dy > dy && Math.abs(x - t.it.x) < t.it.extent.half + it.extent.half),
    );
  };
  const rows = [0, ...o.rows.flatMap((r) => [-r, r])];
  const find = (it: LaneItem, maxShift: number, clearLeaders: boolean) => {
    for (let shift = 0; shift <= maxShift; shift += 0.5) {
      for (const dx of shift === 0 ? [0] : [shift, -shift]) {
        const dy = rows.find((r) => fits(it, it.x + dx, r, clearLeaders));
        if (dy !== undefined) return { x: it.x + dx, dy };
      }
    }
    return undefined;
  };
  for (const it of order) {
    // A leader may pass behind a faded marker rather than let two markers touch.
    let at = find(it, 6, true) ?? find(it, 6, false) ?? find(it, 12, false);
    at ??= { x: it.x, dy: 0 };
    out.set(it.id, at);
    taken.push({ it: { ...it, x: at.x }, box: boxOf(it, at.x, at.dy), bar: barOf(it, at.x, at.dy), dy: at.dy });
  }
  return items.map((it) => {
    const at = out.get(it.id)!;
    return { id: it.id, ...at, box: boxOf(it, at.x, at.dy) };
  });
}

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
  const f = frame(layout, { left: g.left, right: g.right });
  const small = f.small;
  const state = stateOf(config, view.state);
  const [start, end] = windowOf(config, view.state);
  const lanes = config.lanes;
  const SIDES = lanes.map((l) => l.id);
  const marker = (side: string) => lanes.find((l) => l.id === side)?.marker ?? 'square';
  const tone = (side: string) => `tone-${lanes.find((l) => l.id === side)?.colour ?? 'data'}`;
  const hollowKind = config.hollow?.kind;
  const NO_STATEMENT = config.hollow?.legend ?? '';
  // The dates sit inset by the largest marker's half, so a marker at the window's first or last day stays
  // within the axis's ends.
  const inset = Math.max(...lanes.map((l) => markerExtent(l.marker, g.marker * g.lit).half));
  const x = scaleUtc()
    .domain([utc(start), utc(end)])
    .range([f.left + inset, f.width - f.right - inset]);
  const laneY = (side: Event['side']) => g.lane0 + SIDES.indexOf(side) * g.laneGap;
  const axisY = laneY(SIDES.at(-1)!) + (narrow ? 16 : 20);
  const tickBaseline = axisY + 6 + small;
  const labelTop = tickBaseline + (narrow ? 12 : 13);
  const marks: Mark[] = [];
  /** Text above the axis that rules and leaders stop short of. */
  const obstacles: Box[] = [];
  /** On phones, each lane's name row across the chart: no marker enters one (a lane's own, even on its line). */
  const nameRows = new Map<string, Box>();
  const shown = shownEvents(config, view, events);
  const hollowShown = shown.some((e) => e.kind === hollowKind);

  for (const { id: side, label: laneLabel } of lanes) {
    const y = laneY(side);
    const nameX = narrow ? f.left : f.left - 14;
    const nameY = narrow ? y - 14 : y + small * 0.35;
    const anchor = narrow ? 'start' : 'end';
    marks.push(line(`lane-${side}`, 'grid', { class: 'grid-line', x1: f.left, x2: f.width - f.right, y1: y, y2: y }));
    marks.push(
      text(`lane-label-${side}`, 'grid', laneLabel, {
        class: 'lane-label',
        x: nameX,
        y: nameY,
        'text-anchor': anchor,
        'font-size': small,
      }),
    );
    const nameBox = textBox(laneLabel, small, nameX, nameY, anchor);
    obstacles.push(nameBox);
    if (narrow) nameRows.set(side, { ...nameBox, x: 0, width: f.width });
    if (side === config.hollow?.lane) {
      // The legend of the hollow marker sits with the lane's name: right after it on phones (in the name's row,
      // where no marker goes, so it never reads as an event at a date), under it in the gutter.
      const keyX = narrow ? nameBox.x + nameBox.width + 4 : nameX - textBox(NO_STATEMENT, small - 1, 0, 0).width - 12;
      const keyY = narrow ? nameY : nameY + small + 3;
      const opacity = hollowShown ? 1 : 0;
      marks.push(
        path('legend-no-statement-marker', 'grid', {
          class: `marker ${tone(side)} is-hollow`,
          d: markerPath(marker(side), 4.5),
          transform: `translate(${r1(keyX)},${r1(keyY - small * 0.35)})`,
          opacity,
        }),
      );
      marks.push(
        text('legend-no-statement', 'grid', NO_STATEMENT, {
          class: 'lane-label',
          x: keyX + 8,
          y: keyY,
          'text-anchor': 'start',
          'font-size': small - 1,
          opacity,
        }),
      );
      if (hollowShown) obstacles.push(textBox(`__${NO_STATEMENT}`, small - 1, keyX - 6, keyY));
    }
  }
  marks.push(line('axis', 'grid', { class: 'axis-line', x1: f.left, x2: f.width - f.right, y1: axisY, y2: axisY }));
  for (const tick of windowSpec(config, view.state).ticks) {
    const tx = x(utc(tick.date));
    marks.push(line(`tick-${tick.date}`, 'grid', { class: 'axis-line', x1: tx, x2: tx, y1: axisY, y2: axisY + 5 }));
    // Centred under its tick, but never past the chart's edges (the first label sits near the left edge on phones).
    const half = textBox(tick.label, small, 0, 0).width / 2;
    const tickX = r1(Math.min(Math.max(tx, half), f.width - half));
    marks.push(
      text(`tick-label-${tick.date}`, 'grid', tick.label, {
        class: 'tick-label',
        x: tickX,
        y: tickBaseline,
        'text-anchor': 'middle',
        'font-size': small,
      }),
    );
    obstacles.push(textBox(tick.label, small, tickX, tickBaseline, 'middle'));
  }

  // Across the whole chart: the rule event as a line and the band event as a band, labelled along the top
  // (the band's label drops to a second row when the rule's takes the first).
  const topLabels: Box[] = [];
  // Only inside the window: a rule clamped to the edge would put the date in the wrong place.
  const rule = events.find((e) => e.id === config.rule && e.date >= start && e.date <= end);
  const band = events.find((e) => e.id === config.band && e.end);
  const rows = [g.topLabel, g.topLabel + small + 5];
  if (rule) {
    const rx = x(utc(rule.date));
    const content = `${rule.label}, ${formatShortDate(rule.date)}`;
    const labelX = Math.max(f.left, rx - 4);
    const box = textBox(content, small, labelX, rows[0]!, 'start');
    topLabels.push(box);
    marks.push(
      text('rule-label', 'annotation', content, {
        class: 'context-label',
        x: labelX,
        y: rows[0]!,
        'text-anchor': 'start',
        'font-size': small,
        'data-box': boxAttr(box),
      }),
    );
  }
  if (band) {
    const x0 = Math.max(f.left, x(utc(band.date)));
    const x1 = Math.min(f.width - f.right, x(utc(band.end!)));
    marks.push(
      rect('band', 'grid', {
        class: 'context-band',
        x: x0,
        y: rows[0]! - small,
        width: Math.max(0, x1 - x0),
        height: axisY - rows[0]! + small,
      }),
    );
    const fitting = rows
      .map((y) => ({ y, box: textBox(band.label, small, x0 + 4, y) }))
      .find(
        ({ box }) =>
          box.x + box.width <= f.width - f.right && ![...topLabels, ...obstacles].some((b) => overlaps(b, box, 1)),
      );
    const at = fitting ?? { y: rows[0]!, box: textBox(band.label, small, x0 + 4, rows[0]!) };
    marks.push(
      text('band-label', 'annotation', band.label, {
        class: 'context-label',
        x: x0 + 4,
        y: at.y,
        'text-anchor': 'start',
        'font-size': small,
        opacity: fitting ? 1 : 0,
        'data-box': boxAttr(at.box),
      }),
    );
    if (fitting) topLabels.push(fitting.box);
  }
  if (rule) {
    const rx = r1(x(utc(rule.date)));
    marks.push(
      path('rule', 'grid', {
        class: 'context-rule',
        d: cutVertical(rx, rows[0]! + small * 0.3, axisY, [...obstacles, ...topLabels.slice(1)]),
      }),
    );
  }
  obstacles.push(...topLabels);

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

  const showsAll = state.labelAll === true;
  const explicit = view.highlight && view.highlight.length > 0;
  const highlighted = explicit
    ? events.filter((e) => view.highlight!.includes(e.id))
    : highlightedBy(config, view.state, events);
  const highlightIds = new Set(highlighted.map((e) => e.id));
  const anyHighlight = highlightIds.size > 0;
  const size = g.marker;
  // A step's one or two events stand out; where a state lights a whole lane, its crowd needs the room.
  const litScale = highlightIds.size > 3 ? g.litCrowd : g.lit;

  // Each lane's markers: spread a little where they crowd, then, where they would still touch, lifted or
  // dropped within the lane (never onto a lane's name, never under a highlighted marker's leader).
  const markerX = new Map<string, number>();
  const markerDy = new Map<string, number>();
  /** Markers of the lanes placed so far: a later lane's lifted or dropped markers keep clear of them. */
  const markerBoxes: Box[] = [];
  for (const side of SIDES) {
    const inLane = shown.filter((e) => e.side === side);
    const extents = inLane.map((e) => markerExtent(marker(side), size * (highlightIds.has(e.id) ? litScale : 1)));
    const gap = size * 2.9 + 1;
    const until = (e: Event) =>
      e.end && e.id !== config.band ? Math.min(x(utc(e.end)), f.width - f.right) : undefined;
    // Wide layouts spread each side of the rule on its own: a marker never crosses the rule's date (an event
    // of the day after drawn left of the line would read as before it). Events of the rule's
    // own day may sit on the line; later ones keep wholly right of it. Phones have too little room for the
    // crowd after the rule (issue 14, left open): there markers may still be spread across it.
    const ruleX = rule && !narrow ? x(utc(rule.date)) : undefined;
    const xs: number[] = [];
    const split = rule && !narrow ? rule : undefined;
    const sides = split
      ? [inLane.filter((e) => e.date < split.date), inLane.filter((e) => e.date >= split.date)]
      : [inLane];
    sides.forEach((group, k) => {
      const at = group.map((e) => inLane.indexOf(e));
      const onRuleDay = group[0]?.date === split?.date;
      const bounds =
        ruleX === undefined
          ? { min: f.left, max: f.width - f.right }
          : k === 0
            ? { min: f.left, max: ruleX }
            : { min: ruleX - (onRuleDay ? extents[at[0]!]!.half : 0), max: f.width - f.right };
      dodge(
        group.map((e) => x(utc(e.date))),
        at.map((i) => extents[i]!.half),
        group.map((e) => (until(e) === undefined ? undefined : until(e)! - x(utc(e.date)))),
        { gap, maxMove: gap * 1.6, ...bounds },
      ).forEach((v, j) => (xs[at[j]!] = v));
    });
    const placed = placeInLane(
      inLane.map((e, i) => ({
        id: e.id,
        x: xs[i]!,
        until: until(e),
        extent: extents[i]!,
        lit: highlightIds.has(e.id),
      })),
      {
        laneY: laneY(side),
        rows: [g.laneGap * 0.3, g.laneGap * 0.48],
        // A lifted or dropped marker stays off the axis line, and on phones out of every lane's name row.
        blocked: [
          ...nameRows.values(),
          ...obstacles,
          ...markerBoxes,
          { x: f.left, y: axisY - 0.5, width: f.width - f.left - f.right, height: 1 },
        ],
        nameRow: nameRows.get(side),
        left: f.left,
        right: f.width - f.right,
      },
    );
    for (const p of placed) {
      markerX.set(p.id, p.x);
      markerDy.set(p.id, p.dy);
      markerBoxes.push(p.box);
    }
  }
  const markerY = (e: Event) => laneY(e.side) + (markerDy.get(e.id) ?? 0);
  for (const e of shown) {
    const on = highlightIds.has(e.id);
    const ex = markerX.get(e.id)!;
    const faded = anyHighlight && !on ? FADED_OPACITY : 1;
    if (e.end && e.id !== config.band) {
      const until = Math.min(x(utc(e.end)), f.width - f.right);
      marks.push(
        rect(`event-span-${e.id}`, 'data', {
          class: `event-span ${tone(e.side)}`,
          x: ex,
          y: markerY(e) - 3,
          width: Math.max(0, until - ex),
          height: 6,
          opacity: faded,
        }),
      );
    }
    const hollow = e.kind === hollowKind;
    marks.push(
      path(`event-${e.id}`, 'data', {
        class: `marker ${tone(e.side)}${hollow ? ' is-hollow' : ''}${on ? ' is-highlighted' : ''}`,
        d: markerPath(marker(e.side), size),
        transform: `translate(${r1(ex)},${r1(markerY(e))}) scale(${on ? litScale : 1})`,
        opacity: faded,
      }),
    );
  }

  // Labels: the highlighted events (every event of the window in the `all` state), latest in the top row.
  // The rule's and the band's events are labelled along the top already.
  const labelled = (showsAll ? shown : highlighted.filter((e) => e.date >= start && e.date <= end))
    .filter((e) => !(e.id === config.rule && rule) && !(e.id === config.band && band))
    .slice()
    .sort((a, b) => b.date.localeCompare(a.date) || SIDES.indexOf(b.side) - SIDES.indexOf(a.side));
  const request = (e: Event, up = false, side?: 'left' | 'right'): LabelRequest => {
    const reach = size * (highlightIds.has(e.id) ? litScale : 1) * 1.3 + 1;
    return {
      id: e.id,
      anchorX: markerX.get(e.id)!,
      fromY: markerY(e) + (up ? -reach : reach),
      content: `${labelDate(e.date, [start, end])}: ${e.label}`,
      ...(side ? { side } : {}),
    };
  };
  // Leaders stop short of text and pass behind other markers (a leader starts below its own marker).
  const rowOptions = {
    left: f.left,
    right: f.width - f.right,
    font: g.font,
    obstacles: [...obstacles, ...markerBoxes],
  };
  const mid = (f.left + f.width - f.right) / 2;
  // Every label at once (print): the earlier half below the axis running right, latest in the top row; the
  // later half above the lanes running left, earliest nearest the lanes. No leader then crosses a label.
  const below = showsAll ? labelled.filter((e) => markerX.get(e.id)! < mid) : labelled;
  const above = showsAll ? labelled.filter((e) => markerX.get(e.id)! >= mid).reverse() : [];
  // Fixed-height states: of two orders (latest or earliest in the top row) and three ways to set labels (either
  // side of the leader, or wrapped to run right only, or left only), the one that labels most without a
  // leader crossing a label (and, of equals, in the fewest lines). A step's own events are then labelled whatever it takes (leaders stop short).
  const belowOptions = { ...rowOptions, top: labelTop, bottom: showsAll ? Infinity : g.height - 4, taken: spanTaken };
  const sides = showsAll ? (['right'] as const) : ([undefined, 'right', 'left'] as const);
  // Earliest first, so time reads top down: each label keeps clear of the leaders of the later labels below it.
  const inTimeOrder = (requests: LabelRequest[]) =>
    requests.map((r, i) => ({ ...r, keepClearOf: requests.slice(i + 1).map((q) => q.anchorX) }));
  const candidates = sides.flatMap((side) => {
    const requests = below.map((e) => request(e, false, side));
    return showsAll ? [requests] : [inTimeOrder([...requests].reverse()), requests, [...requests].reverse()];
  });
  // A step's two or three labels may also sit side by side, earliest on the left: each its own side of its leader.
  if (!showsAll && below.length <= 3) {
    const combos = below.reduce<(typeof sides)[number][][]>(
      (acc) => acc.flatMap((c) => sides.map((s) => [...c, s])),
      [[]],
    );
    const earliestFirst = [...below].reverse();
    for (const combo of combos) candidates.push(inTimeOrder(earliestFirst.map((e, i) => request(e, false, combo[i]))));
  }
  const date = new Map(labelled.map((e) => [e.id, e.date]));
  /** Whether the labels read earliest first, top down (left to right within a row). */
  const readsInTime = (placed: PlacedLabel[]) =>
    placed
      .slice()
      .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
      .every((p, i, all) => i === 0 || date.get(all[i - 1]!.id)! <= date.get(p.id)!);
  // Of the ways to set them: the one that labels most, in no column of more than four lines, then reads in
  // time order, then takes the fewest lines.
  const strictBest = candidates
    .map((order) => ({ order, placed: placeLabels(order, belowOptions) }))
    .reduce((best, next) => {
      const lines = (c: typeof best) => c.placed.reduce((n, p) => n + p.lines.length, 0);
      const more = next.placed.length - best.placed.length;
      // A label squeezed into a column of more than four lines reads worse than labels out of time order.
      const squat = (c: typeof best) => Number(!c.placed.some((p) => p.lines.length > 4));
      const shape = squat(next) - squat(best);
      const inTime = Number(readsInTime(next.placed)) - Number(readsInTime(best.placed));
      const better =
        more > 0 ||
        (more === 0 && (shape > 0 || (shape === 0 && (inTime > 0 || (inTime === 0 && lines(next) < lines(best))))));
      return better ? next : best;
    });
  const placed =
    strictBest.placed.length < below.length && (showsAll || explicit)
      ? placeLabels(strictBest.order, { ...belowOptions, crowd: true })
      : strictBest.placed;
  const placedAbove = placeLabels(
    above.map((e) => request(e, true, 'left')),
    { ...rowOptions, top: -Infinity, bottom: rows[0]! - small - 6, direction: 'up', crowd: true },
  );
  for (const p of [...placed, ...placedAbove]) {
    marks.push(path(`leader-${p.id}`, 'annotation', { class: 'leader-line', d: p.leader }));
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
  const lowest = Math.max(labelTop, ...placed.map((p) => p.box.y + p.box.height));
  const highest = Math.min(0, ...placedAbove.map((p) => p.box.y - 6));
  const height = showsAll ? Math.ceil(lowest + lineHeightOf(g.font) * 0.5 - highest) : g.height;
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
    description: describeTimeline(config, events, view, showsAll ? [] : highlighted, ui),
    marks,
  };
}

/** Moves every mark down by dy (the `all` state grows upwards to make room for labels above the lanes). */
function shiftDown(marks: Mark[], dy: number): void {
  const shiftPath = (d: string) =>
    d.replace(/([MV])(-?[\d.]+)(?:,(-?[\d.]+))?/g, (_, cmd: string, a: string, b?: string) =>
      cmd === 'V' ? `V${r1(Number(a) + dy)}` : `M${a},${r1(Number(b) + dy)}`,
    );
  for (const m of marks) {
    const a = m.attrs;
    for (const name of ['y', 'y1', 'y2', 'cy']) if (typeof a[name] === 'number') a[name] = r1(a[name] + dy);
    if (typeof a['transform'] === 'string') {
      a['transform'] = a['transform'].replace(
        /translate\((-?[\d.]+),(-?[\d.]+)\)/,
        (_, x: string, y: string) => `translate(${x},${r1(Number(y) + dy)})`,
      );
    } else if (typeof a['d'] === 'string' && m.key.match(/^(leader-|rule$)/)) a['d'] = shiftPath(a['d']);
    if (typeof a['data-box'] === 'string') {
      const [bx, by, bw, bh] = a['data-box'].split(' ').map(Number) as [number, number, number, number];
      a['data-box'] = [bx, r1(by + dy), bw, bh].join(' ');
    }
  }
}

export function describeTimeline(
  config: TimelineChart,
  events: readonly Event[],
  view: View,
  highlighted: readonly Event[],
  ui: Ui,
): string {
  const [start, end] = windowOf(config, view.state);
  const state = stateOf(config, view.state);
  const shown = shownEvents(config, view, events);
  const lanes = config.lanes
    .map((l) => ui('describe.lane', { lane: l.label, count: shown.filter((e) => e.side === l.id).length }))
    .join(', ');
  const parts = [
    ui('describe.timeline', {
      count: shown.length,
      from: formatDate(shown[0]?.date ?? start),
      to: formatDate(shown.at(-1)?.date ?? end),
      lanes,
    }),
  ];
  const dated = (e: Event, label: string) => ui('describe.dated', { date: formatDate(e.date), label });
  const inWindow = events.filter((e) => e.date >= start && e.date <= end);
  const rule = inWindow.find((e) => e.id === config.rule);
  if (rule) parts.push(ui('describe.rule', { date: formatDate(rule.date), label: rule.label }));
  const band = inWindow.find((e) => e.id === config.band && e.end);
  if (band) {
    parts.push(ui('describe.band', { label: band.label, from: formatDate(band.date), to: formatDate(band.end!) }));
  }
  const silent = shown.filter((e) => e.kind === config.hollow?.kind);
  if (silent.length > 0) {
    const list = silent.map((e) => e.label).join('; ');
    parts.push(ui('describe.hollow', { legend: config.hollow?.legend ?? '', events: list }));
  }
  if (state.labelAll) {
    parts.push(ui('describe.labelled', { events: shown.map((e) => dated(e, e.label)).join('; ') }));
  } else if (highlighted.length > 0) {
    parts.push(ui('describe.highlighted', { items: highlighted.map((e) => dated(e, e.headline)).join('; ') }));
  }
  const span = spanOf(config, view.state, events);
  if (span && state.span) {
    parts.push(
      fill(state.span.description, {
        days: daysBetween(span.from.date, span.to.date),
        from: formatDate(span.from.date),
        to: formatDate(span.to.date),
      }),
    );
  }
  return parts.join(' ');
}
