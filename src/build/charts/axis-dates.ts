/**
 * A timeline's dates under its axis: each centred under its tick (kept within the plot's ends), never moved
 * off it. A date a leader would run through is hidden in that view (the label carries its exact date), and
 * so is one that would meet the date before it: dates never read out of order.
 */
import { textBox, type Box } from './boxes.ts';
import { r1 } from './marks.ts';

export interface AxisDate {
  label: string;
  /** The tick's x. */
  x: number;
}

/** How far a leader stays from a date's text, or the date is hidden. */
const LEADER_ROOM = 3;

/** Where each date's text is centred, its box, and whether it shows. */
export function placeAxisDates(
  dates: readonly AxisDate[],
  o: { baseline: number; font: number; left: number; right: number; leaderXs: readonly number[] },
): { x: number; box: Box; shown: boolean }[] {
  const placed: { x: number; box: Box; shown: boolean }[] = [];
  for (const d of dates) {
    const width = textBox(d.label, o.font, 0, o.baseline).width;
    const x = r1(Math.min(Math.max(d.x, o.left + width / 2), o.right - width / 2));
    const box = textBox(d.label, o.font, x, o.baseline, 'middle');
    const crossed = o.leaderXs.some((lx) => lx > box.x - LEADER_ROOM && lx < box.x + box.width + LEADER_ROOM);
    const before = placed.filter((p) => p.shown).at(-1);
    const meets = before !== undefined && before.box.x + before.box.width + 6 > box.x;
    placed.push({ x, box, shown: !crossed && !meets });
  }
  return placed;
}
