/**
 * A timeline's dates under its axis: each under its tick, or moved beside it (at most 12 units off) where a
 * leader would otherwise run through it, never onto another date nor past the chart's edges.
 */
import { textBox, type Box } from './boxes.ts';
import { r1 } from './marks.ts';

export interface AxisDate {
  label: string;
  /** The tick's x. */
  x: number;
}

/** Where each date's text starts (anchored at its start), and its box. */
export function placeAxisDates(
  dates: readonly AxisDate[],
  o: { baseline: number; font: number; width: number; leaderXs: readonly number[] },
): { x: number; box: Box }[] {
  const boxes: Box[] = dates.map((d) => textBox(d.label, o.font, d.x, o.baseline, 'middle'));
  return dates.map((d, n) => {
    const width = boxes[n]!.width;
    const within = (x0: number) => Math.min(Math.max(x0, 0), o.width - width);
    // Every place where the date still stands by its tick, nearest the centred one first.
    const places = Array.from({ length: Math.ceil(width) + 25 }, (_, k) => within(d.x - width - 12 + k)).sort(
      (a, b) => Math.abs(a + width / 2 - d.x) - Math.abs(b + width / 2 - d.x),
    );
    // Other dates: where they were placed, or where they would stand centred.
    const apartFromDates = (x0: number) =>
      boxes.every((b, k) => k === n || x0 > b.x + b.width + 6 || x0 + width < b.x - 6);
    const clearOfLeaders = (x0: number) => o.leaderXs.every((lx) => lx < x0 - 4 || lx > x0 + width + 4);
    const x = r1(
      places.find((x0) => clearOfLeaders(x0) && apartFromDates(x0)) ?? places.find(apartFromDates) ?? places[0]!,
    );
    boxes[n] = textBox(d.label, o.font, x, o.baseline, 'start');
    return { x, box: boxes[n] };
  });
}
