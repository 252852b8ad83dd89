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
}

/**
 * Rows are worked out at the highlighted size for every marker, so a step that lights a marker moves none:
 * the rows, and so the lanes, are the same in every state of a window.
 */
export function stackLanes(
  lanes: TimelineChart['lanes'],
  shown: readonly Event[],
  o: {
    /** The largest size a marker is drawn at (a highlighted one). */
    size: number;
    xOf: (e: Event) => number;
    /** Where an event's bar ends, if it draws one. */
    barEnd: (e: Event) => number | undefined;
    /** Where a lane's line goes, given the lane above (if any) and how far this lane reaches up. */
    lineY: (above: Lane | undefined, up: number) => number;
  },
): LaneStack {
  const dy = new Map<string, number>();
  const out: Lane[] = [];
  for (const lane of lanes) {
    const inLane = shown.filter((e) => e.side === lane.id);
    if (inLane.length === 0) continue;
    const extent = markerExtent(lane.marker, o.size);
    const pitch = extent.up + extent.down + MARKER_GAP;
    const rows = swarmRows(
      inLane.map((e) => ({ x: o.xOf(e), half: extent.half, barEnd: o.barEnd(e) })),
      { gap: MARKER_GAP, barGap: BAR_GAP },
    );
    inLane.forEach((e, i) => dy.set(e.id, rows[i]! * pitch));
    const up = extent.up + Math.max(0, ...rows.map((r) => -r)) * pitch;
    const down = extent.down + Math.max(0, ...rows) * pitch;
    out.push({ side: lane.id, y: o.lineY(out.at(-1), up), up, down });
  }
  return { lanes: out, dy };
}
