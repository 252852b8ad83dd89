/**
 * Event labels set in rows under a timeline's axis, each with a leader up to its marker.
 * A label is set in full (wrapped, never cut); labels never overlap each other; no leader runs through
 * a label, and leaders stop short of other text they pass (lane names, tick labels).
 */
import { ASCENT, crossesVertical, cutVertical, overlaps, TEXT_SAFETY, type Box } from './boxes.ts';
import { estimateTextWidth, r1 } from './marks.ts';

export interface LabelRequest {
  id: string;
  /** Where the leader starts: the marker's x and the bottom of the marker. */
  anchorX: number;
  fromY: number;
  content: string;
  /** Only one side of the leader (default: whichever fits, running right first). */
  side?: 'right' | 'left';
  /** Leaders that will pass this label's row (labels set below it): the label stays clear of them. */
  keepClearOf?: readonly number[];
  /**
   * Where the leader comes down onto the label, if not straight under its marker: the leader then jogs
   * sideways at `jogY` (between the axis's dates and the first row of labels) to this x.
   */
  footX?: number;
}

export interface PlacedLabel {
  id: string;
  lines: string[];
  /** Where the lines are set, with `anchor`: a label left of its leader ends at it (real text runs shorter). */
  x: number;
  anchor: 'start' | 'end';
  /** Baseline of each line. */
  baselines: number[];
  /** The box the label is allotted: its text must fit inside. */
  box: Box;
  leader: string;
}

export interface RowOptions {
  left: number;
  right: number;
  top: number;
  /** Labels that would end below this are left out (Infinity: the chart grows to fit, as in print). */
  bottom: number;
  font: number;
  /** Boxes already taken in the label area (e.g. a span's label). */
  taken?: readonly Box[];
  /** Text the leaders pass on their way: they stop short of it. */
  obstacles?: readonly Box[];
  /** Where a leader may jog sideways to its foot (below every text above the labels). */
  jogY?: number;
  /** 'up': rows stack upwards from `bottom` (labels above the lanes); `top` is then the limit. */
  direction?: 'down' | 'up';
  /**
   * Labels that fit nowhere without a leader crossing a label: placed anyway, their leaders stopping short
   * of the labels they pass (true), or left out (false: a few clear labels beat many tangled ones).
   */
  crowd?: boolean;
  /**
   * Labels read in the order given: each is set no higher (stacking up: no lower) than the one before it
   * (stacking down, in its row only right of it), and one that fits nowhere strictly is set with `crowd` in
   * its turn, not after the rest.
   */
  inOrder?: boolean;
}

/** Splits a label into lines no wider than maxWidth (estimated with the safety margin), at spaces. */
export function wrapToWidth(content: string, font: number, maxWidth: number): string[] {
  const width = (s: string) => estimateTextWidth(s, font) * TEXT_SAFETY;
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (current && width(next) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Like wrapToWidth, in as few lines, but with the lines as even as they go: the narrowest width that still
 * takes no more lines (no lone word on a last line where a more even break exists).
 */
export function wrapBalanced(content: string, font: number, maxWidth: number): string[] {
  const greedy = wrapToWidth(content, font, maxWidth);
  if (greedy.length < 2) return greedy;
  let [lo, hi] = [0, maxWidth];
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (wrapToWidth(content, font, mid).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  const lines = wrapToWidth(content, font, hi);
  // A lone last word takes the word before it, where that fits as wide as the widest line.
  const width = (line: string) => estimateTextWidth(line, font) * TEXT_SAFETY;
  const widest = Math.max(...lines.map(width));
  const [before, last] = [lines.at(-2)!, lines.at(-1)!];
  const words = before.split(' ');
  if (!last.includes(' ') && words.length >= 3 && width(`${words.at(-1)} ${last}`) <= widest) {
    return [...lines.slice(0, -2), words.slice(0, -1).join(' '), `${words.at(-1)} ${last}`];
  }
  return lines;
}

export const lineHeightOf = (font: number): number => font * 1.25;

/**
 * Places labels in the order given, each in the top row it fits in. First pass: no leader may cross another
 * label. Second pass (with `crowd`), for the labels left over: a leader may pass a label, but stops short of
 * it (a gap, never a line through text). Labels that fit nowhere above `bottom` are left out.
 */
export function placeLabels(requests: readonly LabelRequest[], o: RowOptions): PlacedLabel[] {
  const lineHeight = lineHeightOf(o.font);
  const rowStep = lineHeight + 4;
  const placed: (PlacedLabel & { request: LabelRequest })[] = [];
  const taken = o.taken ?? [];

  const up = o.direction === 'up';
  const footOf = (r: LabelRequest) => r.footX ?? r.anchorX;
  /** Where the part of a leader that labels may meet starts: its foot's top, if it jogs. */
  const footTop = (r: LabelRequest) => (r.footX !== undefined && o.jogY !== undefined ? o.jogY : r.fromY);
  function tryPlace(request: LabelRequest, strict: boolean): boolean {
    // The label is set by the foot of its leader.
    const r = { ...request, anchorX: footOf(request), fromY: footTop(request) };
    // Between the leaders it must keep clear of, either side of its own.
    const clear = r.keepClearOf ?? [];
    const lo = Math.max(o.left, ...clear.filter((c) => c < r.anchorX).map((c) => c + 6));
    const hi = Math.min(o.right, ...clear.filter((c) => c > r.anchorX).map((c) => c - 6));
    const room = r.side === 'right' ? hi - (r.anchorX + 4) : r.side === 'left' ? r.anchorX - 4 - lo : hi - lo;
    const lines = wrapBalanced(r.content, o.font, room);
    const width = Math.max(...lines.map((l) => estimateTextWidth(l, o.font) * TEXT_SAFETY));
    // Just right of the leader, running right; or, near an edge, just left of it, running left, or across it.
    // Either way the leader meets the label's top and never runs under its text.
    const clampX = (x0: number) => Math.max(lo, Math.min(x0, hi - width));
    const xs = [
      ...new Set([
        ...(r.side === 'left' ? [] : [clampX(r.anchorX + 4)]),
        ...(r.side === 'right' ? [] : [clampX(r.anchorX - 4 - width)]),
      ]),
    ];
    const height = lines.length * lineHeight;
    const before = o.inOrder ? placed.at(-1)?.box : undefined;
    const previous = before?.y;
    for (let k = 0; k <= 200; k++) {
      const top = up ? o.bottom - height - k * rowStep : o.top + k * rowStep;
      if (up ? top < o.top : top + height > o.bottom) break;
      if (previous !== undefined && (up ? top > previous : top < previous)) continue;
      const end = up ? top + height : top;
      for (const x of xs) {
        // Two units either side: glyphs such as Y overhang their advance a little.
        const box = { x: x - 2, y: top, width: width + 4, height };
        // Read left to right within a row: in order, a label in the row of the one before stands right of it.
        if (before && !up && top === before.y && box.x < before.x + before.width) continue;
        const clash =
          taken.some((t) => overlaps(t, box, 4) || (strict && crossesVertical(r.anchorX, r.fromY, end, t, 3))) ||
          placed.some(
            (p) =>
              overlaps(p.box, box, 8, 2) ||
              (strict &&
                (crossesVertical(r.anchorX, r.fromY, end, p.box, 3) ||
                  crossesVertical(
                    footOf(p.request),
                    footTop(p.request),
                    up ? p.box.y + p.box.height : p.box.y,
                    box,
                    3,
                  ))),
          );
        if (clash) continue;
        const baselines = lines.map((_, i) => top + o.font * ASCENT + i * lineHeight);
        const leftOfLeader = x + width <= r.anchorX;
        placed.push({
          id: r.id,
          lines,
          x: leftOfLeader ? x + width : x,
          anchor: leftOfLeader ? 'end' : 'start',
          baselines,
          box,
          leader: '',
          request,
        });
        return true;
      }
    }
    return false;
  }

  if (o.inOrder) {
    for (const r of requests) if (!tryPlace(r, true) && o.crowd) tryPlace(r, false);
  } else {
    const left = requests.filter((r) => !tryPlace(r, true));
    if (o.crowd) for (const r of left) tryPlace(r, false);
  }
  // Leaders last, when every label's box is known: each stops short of the text it passes.
  const labelBoxes = placed.map((p) => p.box);
  return requests.flatMap((r) => {
    const p = placed.find((q) => q.id === r.id);
    if (!p) return [];
    const { request: _request, ...label } = p;
    const others = [...(o.obstacles ?? []), ...taken, ...labelBoxes.filter((b) => b !== p.box)];
    if (up) return [{ ...label, leader: cutVertical(r.anchorX, p.box.y + p.box.height + 2, r.fromY, others) }];
    const foot = footOf(r);
    if (o.jogY === undefined || foot === r.anchorX) {
      return [{ ...label, leader: cutVertical(r.anchorX, r.fromY, p.box.y - 2, others) }];
    }
    // Down to the jog, across to the foot, down to the label.
    const jog = `M${r1(r.anchorX)},${r1(o.jogY)}H${r1(foot)}`;
    const leader = `${cutVertical(r.anchorX, r.fromY, o.jogY, others)}${jog}${cutVertical(foot, o.jogY, p.box.y - 2, others)}`;
    return [{ ...label, leader }];
  });
}
