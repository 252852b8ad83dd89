/**
 * A label set near the point it names, at build time: beside it, above or below it, or (where nothing
 * near is free) in the clear band over the axis at the end of a leader from it. The first place that stays
 * inside the plot and clear of every text, mark and line given wins, so the label never stands on the data
 * line, a rule, a gridline it must avoid or another label.
 */
import { ASCENT, DESCENT, overlaps, TEXT_SAFETY, type Box } from './boxes.ts';
import { estimateTextWidth } from './marks.ts';

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelLine {
  text: string;
  font: number;
  /** Which of the label's lines this is (kept when a line is broken in two). */
  part?: number;
}

export interface Scenery {
  /** Where a label may stand. */
  area: Box;
  /** Text and marks to keep clear of. */
  boxes: readonly Box[];
  /** Lines to keep clear of (the data, rules, a bracket, gridlines for an unhaloed label). */
  segments: readonly Segment[];
}

export interface NearPoint {
  lines: LabelLine[];
  anchor: 'start' | 'end' | 'middle';
  /** The x each line is set at, with `anchor`. */
  x: number;
  baselines: number[];
  box: Box;
  /** A leader from the point to the label's corner: down to the band over the axis, or up where that is blocked. */
  leader?: { x: number; y1: number; y2: number };
}

export interface NearOptions {
  /** The label's lines; the first may be wrapped to two where one line fits nowhere. */
  lines: LabelLine[];
  /** The point, with the radius of its dot. */
  point: { x: number; y: number; r: number };
  /** The band over the axis a leader may run down to (top, bottom); none: no leader. */
  leaderBand?: { top: number; bottom: number };
  /** Space to keep between the dot and the label (more where a bracket stands beside the dot). */
  gaps?: readonly number[];
  /** Other dots near it: the label must stand nearer its own point than any of these, or it names the wrong one. */
  rivals?: readonly { x: number; y: number }[];
  /** Only places below the point (a second label under a dot whose side is taken). */
  below?: boolean;
  /** Only places whose middle is no lower than the point (a tick's label, level with it or over it, never
   * down beside the dot just under the tick). */
  notBelow?: boolean;
}

const lineHeight = (font: number) => font * (ASCENT + DESCENT);

/** How far a point is from the nearest edge of a box (0 inside it). */
const distanceToBox = (p: { x: number; y: number }, b: Box) =>
  Math.hypot(Math.max(b.x - p.x, 0, p.x - b.x - b.width), Math.max(b.y - p.y, 0, p.y - b.y - b.height));
const CLEARANCE = 2;

/** Does a segment pass through the box? */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  // Liang–Barsky clipping of the segment against the box.
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.width - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.height - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

const widthOf = (l: LabelLine) => estimateTextWidth(l.text, l.font) * TEXT_SAFETY;

/** A line broken in two at its most even space (or left whole if it has none). */
function halves(l: LabelLine): LabelLine[] {
  const words = l.text.split(' ');
  const best = words
    .slice(1)
    .map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')])
    // The most even break, favouring one after a comma, colon or a figure's % (a figure stays whole).
    .map((pair) => ({
      pair,
      width: Math.max(...pair.map((text) => widthOf({ text, font: l.font }))) * (/[,:;%]$/.test(pair[0]!) ? 0.7 : 1),
    }))
    .sort((a, b) => a.width - b.width)[0]?.pair;
  return best ? best.map((text) => ({ ...l, text })) : [l];
}

/** The label's lines as set: as given; then with the first broken in two; then with every line broken. */
function variants(lines: LabelLine[]): LabelLine[][] {
  const [first, ...rest] = lines;
  if (!first) return [lines];
  const out = [lines, [...halves(first), ...rest]];
  if (rest.length > 0) out.push(lines.flatMap(halves));
  return out.filter((v, i) => i === 0 || v.length > out[i - 1]!.length);
}

/** Whether a box stands inside the area, clear of every box and line of the scenery. */
function isFree(box: Box, scenery: Scenery): boolean {
  return (
    box.x >= scenery.area.x &&
    box.y >= scenery.area.y &&
    box.x + box.width <= scenery.area.x + scenery.area.width &&
    box.y + box.height <= scenery.area.y + scenery.area.height &&
    !scenery.boxes.some((b) => overlaps(b, box, CLEARANCE)) &&
    !scenery.segments.some((s) =>
      segmentHitsBox(s, {
        x: box.x - CLEARANCE,
        y: box.y - CLEARANCE,
        width: box.width + 2 * CLEARANCE,
        height: box.height + 2 * CLEARANCE,
      }),
    )
  );
}

/**
 * A key: a swatch and its one line of text, at the first free place reading the plot up from its bottom
 * right (where a chart drawn from zero has room under its line, away from the titles and rule labels at the
 * top). For a label that cannot stand by its own mark without seeming to name another.
 */
export function placeKey(
  line: LabelLine,
  swatch: number,
  scenery: Scenery,
): { swatch: { x: number; y: number }; x: number; baseline: number } | undefined {
  const w = swatch + 5 + widthOf(line);
  const h = lineHeight(line.font);
  const { area } = scenery;
  for (let y0 = area.y + area.height - h - 2; y0 >= area.y; y0 -= 4) {
    for (let x0 = area.x + area.width - w - 2; x0 >= area.x; x0 -= 4) {
      if (isFree({ x: x0, y: y0, width: w, height: h }, scenery))
        return {
          swatch: { x: x0 + swatch / 2, y: y0 + h / 2 },
          x: x0 + swatch + 5,
          baseline: y0 + line.font * ASCENT,
        };
    }
  }
  return undefined;
}

/** The first free place for the label near the point, or undefined. */
export function placeNearPoint(o: NearOptions, scenery: Scenery): NearPoint | undefined {
  const { x: px, y: py, r } = o.point;
  const gaps = o.gaps ?? [r + 6];
  const nearestIsOwn = (box: Box) =>
    (o.rivals ?? []).every((rival) => distanceToBox(o.point, box) < distanceToBox(rival, box));
  const free = (box: Box) => isFree(box, scenery) && nearestIsOwn(box);
  const set = (lines: LabelLine[], x0: number, y0: number, anchor: NearPoint['anchor'], width: number) => {
    const baselines: number[] = [];
    let top = y0;
    for (const l of lines) {
      baselines.push(top + l.font * ASCENT);
      top += lineHeight(l.font);
    }
    const x = anchor === 'start' ? x0 : anchor === 'end' ? x0 + width : x0 + width / 2;
    return { lines, anchor, x, baselines, box: { x: x0, y: y0, width, height: top - y0 } };
  };

  const clampX = (x0: number, w: number) =>
    Math.max(scenery.area.x, Math.min(x0, scenery.area.x + scenery.area.width - w));
  // A label slid in at an edge is set flush with it, so its lines end (or start) nearest its point.
  const slidAnchor = (x0: number, w: number): NearPoint['anchor'] =>
    x0 + w > scenery.area.x + scenery.area.width ? 'end' : x0 < scenery.area.x ? 'start' : 'middle';
  const all = variants(o.lines);
  for (const lines of all) {
    const w = Math.max(...lines.map(widthOf));
    const h = lines.reduce((n, l) => n + lineHeight(l.font), 0);
    const near = gaps
      .flatMap((g) => {
        const d = g * 0.7;
        return [
          [px + d, py - d - h, 'start'],
          [px + g, py - h / 2, 'start'],
          [px + d, py + d, 'start'],
          [px - d - w, py - d - h, 'end'],
          [px - d - w, py + d, 'end'],
          [px - w / 2, py - g - h, 'middle'],
          [px - w / 2, py + g, 'middle'],
          [px - g - w, py - h / 2, 'end'],
          // Above or below it, slid along to stay inside the plot.
          [clampX(px - w / 2, w), py - g - h, slidAnchor(px - w / 2, w)],
          [clampX(px - w / 2, w), py + g, slidAnchor(px - w / 2, w)],
        ] as const;
      })
      .filter(([, y0]) => !o.below || y0 >= py);
    // Each place as is, then nudged up or down a little (off a gridline, say).
    for (const nudge of [0, -3, 3, -6, 6, -9, 9, -12, 12, -15, 15, -18, 18, -21, 21, -24, 24]) {
      for (const [x0, y0, anchor] of near) {
        const p = set(lines, x0, y0 + nudge, anchor, w);
        if (o.notBelow && p.box.y + p.box.height / 2 > py + 0.5) continue;
        if (free(p.box)) return p;
      }
    }
  }
  if (!o.leaderBand) return undefined;
  const band = o.leaderBand;
  // Down to the band over the axis, the nearest place first; failing that (a dot under the point), up from
  // the point towards the top of the plot (past the top of the band), the nearest place first.
  const reaches = (h: number) => {
    const down: number[] = [];
    for (let y0 = band.bottom - h; y0 >= Math.max(band.top, py + r + 6); y0 -= 4) down.push(y0);
    const up: number[] = [];
    for (let y0 = py - r - 6 - h; y0 >= scenery.area.y; y0 -= 4) up.push(y0);
    return [...down, ...up];
  };
  for (const lines of all) {
    const w = Math.max(...lines.map(widthOf));
    const h = lines.reduce((n, l) => n + lineHeight(l.font), 0);
    for (const y0 of reaches(h)) {
      const below = y0 > py;
      // Just right of the leader, or just left of it; near an edge, slid in until the leader meets its corner.
      for (const [x0, anchor] of [
        [Math.max(px - 6, clampX(px + 3, w)), 'start'],
        [Math.min(px + 6 - w, clampX(px - 3 - w, w)), 'end'],
      ] as const) {
        const p = set(lines, x0, y0, anchor, w);
        // The leader runs from the dot's edge to the label's top (below the point) or its foot (above it).
        const leader = below ? { x: px, y1: py + r + 3, y2: y0 - 2 } : { x: px, y1: py - r - 3, y2: y0 + h + 2 };
        const top = Math.min(leader.y1, leader.y2);
        const leaderBox = { x: px - 1, y: top, width: 2, height: Math.abs(leader.y2 - leader.y1) };
        const crossesLine = scenery.segments.some((s) => segmentHitsBox(s, leaderBox));
        if (free(p.box) && !scenery.boxes.some((b) => overlaps(b, leaderBox, 1)) && (below || !crossesLine))
          return { ...p, leader };
      }
    }
  }
  return undefined;
}
