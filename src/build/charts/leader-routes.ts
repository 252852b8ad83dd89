/**
 * A timeline leader's way down through the lanes, from under its marker to the axis. A leader stopping a unit
 * short of a marker or a word it passes still reads, on a phone, as running through it; so a leader keeps
 * `clearance` from every other marker, bar, key and leader, stepping sideways (at most three times, each at
 * a gap between rows) to the nearest x with a clear way down. Where no such way exists it keeps less room,
 * and at the last runs straight down (cut around what it passes, as before).
 */
import { crossesVertical, cutVertical, type Box } from './boxes.ts';
import { r1 } from './marks.ts';

export interface LeaderStart {
  id: string;
  x: number;
  /** Just under its marker. */
  fromY: number;
  /** Its marker's centre height and half-width: where blocked below, it may leave the marker from its side. */
  centreY: number;
  half: number;
  /** Its own marker, then its bar if any: the only things it may start beside. */
  own: readonly Box[];
  /**
   * A marker on the rule (an event of the rule's own day): the rule is its way down, and its leader only
   * runs on from under the axis's dates at this x (a leader of its own would run beside the rule as a
   * second line, or wind round the markers right of it).
   */
  alongRule?: number;
}

export interface LeaderRoute {
  /** The x it reaches the axis at (its label is set by it). */
  x: number;
  /** Where the rest of it runs straight down from, at `x`. */
  restY: number;
  /** The part before that, as M x,y V y / M x,y H x pieces (empty if it runs straight down). */
  path: string;
  /** Its pieces as thin boxes, for the leaders routed after it. */
  pieces: Box[];
  /** The rule is its leader: its label hangs under the dates with no line of its own (a speck, there). */
  alongRule?: true;
}

/** How far sideways a leader may step, in all. */
const REACH = 30;
const SOFT_REACH = 18;
const MAX_JOGS = 3;
/** How much further apart than `clearance` two leaders' runs keep. */
const LEADERS_APART = 6;

export function routeLeaders(
  starts: readonly LeaderStart[],
  o: {
    toY: number;
    left: number;
    right: number;
    /** What every leader keeps clear of; `soft` only where a clear way exists (lane names, the rule). */
    obstacles: readonly Box[];
    soft: readonly Box[];
    /** Horizontal lines a sideways step must not run along (the lanes' lines). */
    lines: readonly number[];
    /** No sideways step below this (the axis: a step between it and the dates ran over their tops). */
    stepAbove?: number;
    clearance: number;
  },
): Map<string, LeaderRoute> {
  const routes = new Map<string, LeaderRoute>();
  const routed: Box[] = [];
  for (const s of starts) {
    if (s.alongRule !== undefined) {
      routes.set(s.id, { x: s.alongRule, restY: o.toY + o.clearance - 1, path: '', pieces: [], alongRule: true });
      continue;
    }
    // Leaders reach the axis in the order of their markers, so their labels can read in time order uncrossed.
    const done = starts.filter((t) => routes.has(t.id));
    const lo = Math.max(o.left, ...done.filter((t) => t.x <= s.x).map((t) => routes.get(t.id)!.x + o.clearance));
    const hi = Math.min(o.right, ...done.filter((t) => t.x > s.x).map((t) => routes.get(t.id)!.x - o.clearance));
    // Step aside away from the leaders still to come (they reach the axis right of an earlier marker's).
    const prefer = starts.some((t) => !routes.has(t.id) && t.id !== s.id && t.x >= s.x) ? -1 : 1;
    const find = (
      room: number,
      withSoft: boolean,
      reach: number,
      spread = LEADERS_APART,
      jogs = MAX_JOGS,
    ): Box[] | undefined => {
      // Everything to keep clear of, grown by the room to keep.
      // Another leader is kept further off: two dotted lines a few units apart read as one.
      const apart = (b: Box) => ({
        x: b.x - spread,
        y: b.y,
        width: b.width + 2 * spread,
        height: b.height,
      });
      const grown = (b: Box, by: number) => ({
        x0: b.x - by,
        x1: b.x + b.width + by,
        y0: b.y - by,
        y1: b.y + b.height + by,
      });
      const others = [...o.obstacles, ...routed.map(apart), ...(withSoft ? o.soft : [])]
        .filter((b) => !s.own.includes(b))
        .map((b) => grown(b, room));
      // Its own marker and bar: it starts beside them, but never runs back across them.
      // (Its start, just under the marker, is never inside them.)
      const ownZones = s.own.map((b) => ({ ...grown(b, 0.5), y1: Math.min(b.y + b.height + 0.5, s.fromY - 0.01) }));
      const zones = [...others, ...ownZones];
      /** Out of the marker's side: clear of all but the marker itself (its bar, if any, included). */
      const besideMarker = [...others, ...ownZones.slice(1)];
      /** How far down from y a leader at x runs clear (y itself if it is blocked there). */
      const clearTo = (x: number, y: number) =>
        zones.reduce((low, z) => (x > z.x0 && x < z.x1 && z.y1 > y ? Math.min(low, Math.max(y, z.y0)) : low), o.toY);
      const sideClear = (xa: number, xb: number, y: number, among = zones) =>
        !among.some((z) => y > z.y0 && y < z.y1 && Math.max(xa, xb) > z.x0 && Math.min(xa, xb) < z.x1);
      const down = (x: number, y0: number, y1: number): Box => ({ x, y: y0, width: 0, height: y1 - y0 });
      const walk = (x: number, y: number, jogs: number): Box[] | undefined => {
        const low = clearTo(x, y);
        if (low >= o.toY && x >= lo && x <= hi) return [down(x, y, o.toY)];
        if (jogs === 0) return undefined;
        // A sideways step at the top of the run, or just under something it passes.
        const ys = [y + 1, ...zones.map((z) => z.y1 + 0.5)]
          .filter(
            (jy) =>
              jy >= y &&
              jy <= Math.max(y + 1, low) &&
              jy < Math.min(o.toY - room, o.stepAbove ?? Infinity) &&
              !o.lines.some((l) => Math.abs(l - jy) < 2),
          )
          .sort((a, b) => a - b);
        const progress: { x: number; y: number }[] = [];
        for (let k = 1; k <= reach * 2; k++) {
          const nx = x + (k % 2 ? prefer : -prefer) * Math.ceil(k / 2);
          if (nx < o.left || nx > o.right || Math.abs(nx - s.x) > reach) continue;
          for (const jy of ys) {
            if (!sideClear(x, nx, jy)) continue;
            const reach = clearTo(nx, jy);
            if (reach >= o.toY && nx >= lo && nx <= hi)
              return [
                down(x, y, jy),
                { x: Math.min(x, nx), y: jy, width: Math.abs(nx - x), height: 0 },
                down(nx, jy, o.toY),
              ];
            if (reach > low + 2) progress.push({ x: nx, y: jy });
          }
        }
        for (const p of progress.slice(0, 4 * jogs)) {
          const rest = walk(p.x, p.y, jogs - 1);
          if (rest)
            return [down(x, y, p.y), { x: Math.min(x, p.x), y: p.y, width: Math.abs(p.x - x), height: 0 }, ...rest];
        }
        return undefined;
      };
      const below = walk(s.x, s.fromY, jogs);
      if (below) return below;
      // Blocked right under its marker: out of the marker's side, then down.
      for (let k = 1; k <= reach; k++) {
        for (const dir of [prefer, -prefer]) {
          const edge = s.x + dir * (s.half + 1);
          const nx = edge + dir * k;
          if (nx < o.left || nx > o.right || !sideClear(edge, nx, s.centreY, besideMarker)) continue;
          const rest = walk(nx, s.centreY, jogs - 1);
          if (rest) return [{ x: Math.min(edge, nx), y: s.centreY, width: Math.abs(nx - edge), height: 0 }, ...rest];
        }
      }
      return undefined;
    };
    // Full room within a short step, then within a longer one, then less room.
    const tries = [
      // Clear of the soft things too (the axis's dates) only by a short step: a long hook reads worse than a
      // date hidden for one step.
      [o.clearance, true, SOFT_REACH],
      [o.clearance, false, REACH],
      [o.clearance, false, REACH * 2],
      [o.clearance, false, REACH * 4],
      [o.clearance, false, REACH * 4, 0],
      [o.clearance - 1, false, REACH * 2],
      [o.clearance - 2, false, REACH * 2],
    ] as const;
    const pieces = tries.reduce<Box[] | undefined>(
      (r, [room, soft, reach, spread]) => r ?? find(room, soft, reach, spread),
      undefined,
    ) ?? [{ x: s.x, y: s.fromY, width: 0, height: o.toY - s.fromY }];
    const last = pieces.at(-1)!;
    const path = pieces
      .slice(0, -1)
      .filter((p) => p.width + p.height > 0)
      // A run past a lane name or key it could not avoid stops short of the words.
      .map((p) =>
        p.width > 0
          ? `M${r1(p.x)},${r1(p.y)}H${r1(p.x + p.width)}`
          : o.soft.some((b) => crossesVertical(p.x, p.y, p.y + p.height, b, 1))
            ? cutVertical(p.x, p.y, p.y + p.height, o.soft).replace(/M-?[\d.]+,(-?[\d.]+)V\1(?![\d.])/g, '')
            : `M${r1(p.x)},${r1(p.y)}V${r1(p.y + p.height)}`,
      )
      .join('');
    routes.set(s.id, { x: last.x, restY: last.y, path, pieces });
    routed.push(...pieces);
  }
  return routes;
}
