/**
 * The timeline's lanes, top to bottom: only those with an event in the view, each as tall as its markers'
 * rows need. Every marker stands at its exact date; where two would touch, one steps into a row above or
 * below its lane's line (swarm-rows.ts), and the lane grows to hold the rows.
 */
import type { TimelineChart } from '../content/charts-schema.ts';
import type { Event } from '../content/schemas.ts';
import { markerExtent } from './marker-shapes.ts';
import { swarmRows } from './swarm-rows.ts';

/** The gap every two markers of a row keep, and a marker keeps from the end of another event's bar. */
export const MARKER_GAP = 2;
export const BAR_GAP = 5;

export interface Lane {
  side: string;
  /** The lane's line. */
  y: number;
  /** How far its markers reach above and below the line (every row, at the largest marker size). */
  up: number;
  down: number;
}

export interface LaneStack {
  lanes: Lane[];
  /** Each shown event's offset from its lane's line. */
  dy: Map<string, number>;
  /** Each shown event's x: its date's, unless its lane had no room there (a lane with a row limit). */
  x: Map<string, number>;
}

/**
 * Rows are worked out at the highlighted size for every marker, so a step that lights a marker moves none:
 * the rows, and so the lanes, are the same in every state of a window.
 */
export function stackLanes(
  lanes: TimelineChart['lanes'],
  shown: readonly Event[],
  o: {
    /** The size a marker is given room for. */
    size: (e: Event) => number;
    /** The gap two markers of a lane keep (default MARKER_GAP). */
    gap?: number;
    /** The rows a lane has room for (default: as many as it needs). */
    rows?: readonly number[];
    /** How far a marker may move along its row where no row has room (never across the rule). */
    bounds?: (e: Event) => { min: number; max: number };
    xOf: (e: Event) => number;
    /** Where an event's bar ends, if it draws one. */
    barEnd: (e: Event) => number | undefined;
    /** Where a lane's line goes, given the lane above (if any) and how far this lane reaches up. */
    lineY: (above: Lane | undefined, up: number) => number;
  },
): LaneStack {
  const dy = new Map<string, number>();
  const xs = new Map<string, number>();
  const out: Lane[] = [];
  for (const lane of lanes) {
    const inLane = shown.filter((e) => e.side === lane.id);
    if (inLane.length === 0) continue;
    const extents = inLane.map((e) => markerExtent(lane.marker, o.size(e)));
    const gap = o.gap ?? MARKER_GAP;
    const pitch = Math.max(...extents.map((x) => x.up + x.down)) + gap;
    const items = inLane.map((e, i) => ({ x: o.xOf(e), half: extents[i]!.half, barEnd: o.barEnd(e) }));
    const swarm = (rows: readonly number[] | undefined) =>
      swarmRows(items, {
        gap,
        barGap: BAR_GAP,
        ...(rows ? { rows } : {}),
        ...(o.bounds ? { bounds: (i: number) => o.bounds!(inLane[i]!) } : {}),
      });
    // A lane takes the fewest of its rows in which every marker stands at its date (all of them if none do).
    const tries = o.rows ? o.rows.map((_, k) => o.rows!.slice(0, k + 1)) : [undefined];
    const attempts = tries.map((rows) => ({ rows, placed: swarm(rows) }));
    const { rows: laneRows, placed } =
      attempts.find((a) => a.placed.every((p, i) => p.x === items[i]!.x)) ?? attempts.at(-1)!;
    inLane.forEach((e, i) => {
      dy.set(e.id, placed[i]!.row * pitch);
      xs.set(e.id, placed[i]!.x);
    });
    const rows = [...(laneRows ?? []), ...placed.map((p) => p.row)];
    const up = Math.max(...extents.map((x) => x.up)) + Math.max(0, ...rows.map((r) => -r)) * pitch;
    const down = Math.max(...extents.map((x) => x.down)) + Math.max(0, ...rows) * pitch;
    out.push({ side: lane.id, y: o.lineY(out.at(-1), up), up, down });
  }
  return { lanes: out, dy, x: xs };
}
