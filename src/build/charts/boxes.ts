/**
 * Boxes in viewBox units, for placing labels without a DOM: a label's allotted box, the space a text
 * already takes, and vertical rules cut where they would cross text.
 */
import { estimateTextWidth, r1 } from './marks.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How much wider than the estimate real text may run. The estimate is tuned to a narrow sans; the
 * widest fallback the charts meet (DejaVu Sans, semibold) runs up to a quarter wider.
 */
export const TEXT_SAFETY = 1.28;

/** Above and below the baseline, as fractions of the font size (generous: DejaVu Sans is 0.93 + 0.24). */
export const ASCENT = 0.96;
export const DESCENT = 0.28;

/** The box a one-line text takes, from its estimated width, anchor and baseline. */
export function textBox(
  content: string,
  fontSize: number,
  x: number,
  baseline: number,
  anchor: 'start' | 'middle' | 'end' = 'start',
): Box {
  const width = estimateTextWidth(content, fontSize) * TEXT_SAFETY;
  const x0 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  return { x: x0, y: baseline - fontSize * ASCENT, width, height: fontSize * (ASCENT + DESCENT) };
}

/** Do two boxes come closer than `gap` across, or `gapY` (default the same) down? */
export function overlaps(a: Box, b: Box, gap = 0, gapY = gap): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gapY && b.y < a.y + a.height + gapY
  );
}

/** Does the vertical segment x, y1..y2 cross the box (with some padding)? */
export function crossesVertical(x: number, y1: number, y2: number, box: Box, pad = 2): boolean {
  const [top, bottom] = y1 < y2 ? [y1, y2] : [y2, y1];
  return x > box.x - pad && x < box.x + box.width + pad && top < box.y + box.height && bottom > box.y;
}

/** Fixed number of segments a cut rule is written with, so a path tweens point by point between states. */
export const RULE_SEGMENTS = 8;

/**
 * A vertical rule from y1 down to y2 at x, as a path that stops short of every box it would cross
 * (text stays clear of leaders and rules). Always RULE_SEGMENTS segments: unused ones are empty.
 */
export function cutVertical(
  x: number,
  y1: number,
  y2: number,
  obstacles: readonly Box[],
  pad = 3,
  count = RULE_SEGMENTS,
): string {
  const gaps = obstacles
    .filter((b) => crossesVertical(x, y1, y2, b, 1))
    .map((b) => [b.y - pad, b.y + b.height + pad] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const segments: [number, number][] = [];
  let from = y1;
  for (const [g0, g1] of gaps) {
    if (g0 > from) segments.push([from, Math.min(g0, y2)]);
    from = Math.max(from, g1);
    if (from >= y2) break;
  }
  if (from < y2) segments.push([from, y2]);
  const kept = segments.filter(([a, b]) => b - a >= 2).slice(0, count);
  const last = kept.at(-1)?.[1] ?? y1;
  while (kept.length < count) kept.push([last, last]);
  return kept.map(([a, b]) => `M${r1(x)},${r1(a)}V${r1(b)}`).join('');
}

/** "x y width height", rounded: a label's allotted box as the SVG carries it (data-box), for the layout test. */
export const boxAttr = (b: Box): string => [b.x, b.y, b.width, b.height].map(r1).join(' ');
