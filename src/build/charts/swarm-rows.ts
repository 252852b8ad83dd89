/**
 * A lane's markers kept at their exact dates: where two would touch, the later one steps into a row above or
 * below the lane's line (a beeswarm in rows, like Observable Plot's dodgeY). Pure: x positions in, rows out.
 */
export interface SwarmItem {
  /** The marker's centre: its date on the scale. */
  x: number;
  /** Half its width, stroke included. */
  half: number;
  /** Where its span bar ends (an event lasting days), if it draws one: the bar runs from its right edge. */
  barEnd?: number | undefined;
}

/** Row of each item, in the order given: 0 on the lane's line, then -1 (above), 1 (below), -2, 2, … */
export function swarmRows(items: readonly SwarmItem[], o: { gap: number; barGap: number }): number[] {
  const placed: { item: SwarmItem; row: number }[] = [];
  const clash = (a: SwarmItem, b: SwarmItem) =>
    Math.abs(a.x - b.x) < a.half + b.half + o.gap ||
    (b.barEnd !== undefined && a.x + a.half + o.barGap > b.x + b.half && a.x - a.half - o.barGap < b.barEnd) ||
    (a.barEnd !== undefined && b.x + b.half + o.barGap > a.x + a.half && b.x - b.half - o.barGap < a.barEnd);
  // Earliest first, so within a crowd the earliest keeps the line.
  const order = items.map((_, i) => i).sort((i, j) => items[i]!.x - items[j]!.x);
  const rows: number[] = items.map(() => 0);
  for (const i of order) {
    const item = items[i]!;
    for (let k = 0; ; k++) {
      const row = k === 0 ? 0 : k % 2 === 1 ? -(k + 1) / 2 : k / 2;
      if (placed.every((p) => p.row !== row || !clash(item, p.item))) {
        rows[i] = row;
        placed.push({ item, row });
        break;
      }
    }
  }
  return rows;
}
