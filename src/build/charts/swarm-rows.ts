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

export interface SwarmOptions {
  gap: number;
  barGap: number;
  /** The rows a lane has room for, in order of preference (default: as many as it takes, 0, -1, 1, -2, …). */
  rows?: readonly number[];
  /** Where no row is free, how far a marker may move along its row (it stays within its own bounds). */
  bounds?: (index: number) => { min: number; max: number };
}

/** Row of each item, and its x (its date's, unless no row had room for it there), in the order given. */
export function swarmRows(items: readonly SwarmItem[], o: SwarmOptions): { row: number; x: number }[] {
  const placed: { item: SwarmItem; row: number }[] = [];
  const clash = (a: SwarmItem, b: SwarmItem) =>
    Math.abs(a.x - b.x) < a.half + b.half + o.gap ||
    (b.barEnd !== undefined && a.x + a.half + o.barGap > b.x + b.half && a.x - a.half - o.barGap < b.barEnd) ||
    (a.barEnd !== undefined && b.x + b.half + o.barGap > a.x + a.half && b.x - b.half - o.barGap < a.barEnd);
  const free = (item: SwarmItem, row: number) => placed.every((p) => p.row !== row || !clash(item, p.item));
  const rowAt = (k: number) => (o.rows ? o.rows[k] : k === 0 ? 0 : k % 2 === 1 ? -(k + 1) / 2 : k / 2);
  // Earliest first, so within a crowd the earliest keeps the line.
  const order = items.map((_, i) => i).sort((i, j) => items[i]!.x - items[j]!.x);
  const out = items.map((it) => ({ row: 0, x: it.x }));
  for (const i of order) {
    const item = items[i]!;
    let at: { row: number; x: number } | undefined;
    for (let k = 0; at === undefined && rowAt(k) !== undefined; k++) {
      if (free(item, rowAt(k)!)) at = { row: rowAt(k)!, x: item.x };
    }
    // No row free at its date: the least move along a row that has room (the lane is full there).
    const bounds = o.bounds?.(i) ?? { min: -Infinity, max: Infinity };
    for (let shift = 0.5; at === undefined && shift < 200; shift += 0.5) {
      for (const x of [item.x + shift, item.x - shift]) {
        if (at || x - item.half < bounds.min || x + item.half > bounds.max) continue;
        const moved = { ...item, x, ...(item.barEnd !== undefined ? { barEnd: item.barEnd + x - item.x } : {}) };
        const row = (o.rows ?? [0]).find((r) => free(moved, r));
        if (row !== undefined) at = { row, x };
      }
    }
    at ??= { row: rowAt(0) ?? 0, x: item.x };
    out[i] = at;
    placed.push({ item: { ...item, x: at.x }, row: at.row });
  }
  return out;
}
