/**
 * A timeline view's event labels under the axis (and, when every event is labelled, above the lanes too):
 * of the ways to set them, the one that labels most, reads in time order, keeps its labels squat and takes
 * the fewest lines. Labels never overlap and no leader runs through a label (label-rows.ts).
 */
import type { Box } from './boxes.ts';
import { placeLabels, type LabelRequest, type PlacedLabel, type RowOptions } from './label-rows.ts';

export interface LabelledEvent {
  id: string;
  date: string;
  /** The marker's centre, and how far below (or above) it a leader starts. */
  x: number;
  fromBelow: number;
  fromAbove: number;
  content: string;
}

export function timelineLabels(
  /** Latest first. */
  labelled: readonly LabelledEvent[],
  o: {
    showsAll: boolean;
    /** A step names its events: they are labelled whatever it takes (leaders stop short of labels). */
    explicit: boolean;
    rows: Omit<RowOptions, 'top' | 'bottom'>;
    top: number;
    bottom: number;
    taken: readonly Box[];
    /** Where a leader may jog sideways (under the axis's dates, above the labels). */
    jogY: number;
    /** Where the labels above the lanes must end (the `all` state). */
    aboveBottom: number;
    mid: number;
  },
): { below: PlacedLabel[]; above: PlacedLabel[] } {
  const request = (e: LabelledEvent, up = false, side?: 'left' | 'right'): LabelRequest => ({
    id: e.id,
    anchorX: e.x,
    fromY: up ? e.fromAbove : e.fromBelow,
    content: e.content,
    ...(side ? { side } : {}),
  });
  if (o.showsAll) return everyLabel(labelled, o, request);
  const date = new Map(labelled.map((e) => [e.id, e.date]));
  const below = labelled;
  const belowOptions: RowOptions = { ...o.rows, top: o.top, bottom: o.bottom, taken: o.taken, jogY: o.jogY };
  const sides = [undefined, 'right', 'left'] as const;
  // Earliest first, so time reads top down: each label keeps clear of the leaders of the later labels below it.
  const inTimeOrder = (requests: LabelRequest[]) =>
    requests.map((r, i) => ({ ...r, keepClearOf: requests.slice(i + 1).map((q) => q.footX ?? q.anchorX) }));
  const candidates = sides.flatMap((side) => {
    const requests = below.map((e) => request(e, false, side));
    return [inTimeOrder([...requests].reverse()), requests, [...requests].reverse()];
  });
  // A step's two or three labels may also sit side by side, earliest on the left: each its own side of its leader.
  if (below.length <= 3) {
    const combos = below.reduce<(typeof sides)[number][][]>(
      (acc) => acc.flatMap((c) => sides.map((s) => [...c, s])),
      [[]],
    );
    const earliestFirst = [...below].reverse();
    for (const combo of combos) candidates.push(inTimeOrder(earliestFirst.map((e, i) => request(e, false, combo[i]))));
    // Where an earlier label has no room before a later leader, that leader may jog right, under the dates,
    // to leave it room: earliest label on top, the later ones below, each leader still meeting its label.
    for (const room of [70, 100, 130, 160, 190]) {
      const feet: number[] = [];
      for (const e of earliestFirst) feet.push(feet.length === 0 ? e.x : Math.max(e.x, feet.at(-1)! + room));
      const jogs = earliestFirst.map((e, i) => ({ from: e.x, to: feet[i]! }));
      const crossing = jogs.some((j, i) => earliestFirst.some((e, k) => k !== i && e.x > j.from && e.x < j.to));
      if (crossing || feet.at(-1)! > o.rows.right - 60 || feet.every((f, i) => f === earliestFirst[i]!.x)) continue;
      candidates.push(
        inTimeOrder(
          earliestFirst.map((e, i) => ({
            ...request(e, false),
            ...(feet[i] !== e.x ? { footX: feet[i]! } : {}),
          })),
        ),
      );
    }
  }
  /** Whether the labels read earliest first, top down (left to right within a row). */
  const readsInTime = (placed: PlacedLabel[]) =>
    placed
      .slice()
      .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
      .every((p, i, all) => i === 0 || date.get(all[i - 1]!.id)! <= date.get(p.id)!);
  const lines = (placed: PlacedLabel[]) => placed.reduce((n, p) => n + p.lines.length, 0);
  /** No label squeezed into a column of more than four lines. */
  const squat = (placed: PlacedLabel[]) => !placed.some((p) => p.lines.length > 4);
  // Most labels, then squat (no column of more than four lines), then time order, then fewest jogging
  // leaders, then fewest lines: the first difference decides.
  // A state that lights a crowd (not a step's own events) labels what fits squat rather than more in columns.
  const score = (placed: PlacedLabel[], order: LabelRequest[]) => [
    ...(o.explicit ? [placed.length, Number(squat(placed))] : [Number(squat(placed)), placed.length]),
    Number(readsInTime(placed)),
    -order.filter((r) => r.footX !== undefined).length,
    -lines(placed),
  ];
  // Each order as it comes, and the earliest-first ones also strictly in turn (each label no higher than the
  // one before, nor left of it in its row): where a leader had to step past a later marker's, only that reads in time.
  const earliestFirstOrder = (order: LabelRequest[]) =>
    order.every((r, i) => i === 0 || date.get(order[i - 1]!.id)! <= date.get(r.id)!);
  const strictBest = candidates
    .flatMap((order) => [
      { order, placed: placeLabels(order, belowOptions) },
      ...(earliestFirstOrder(order) ? [{ order, placed: placeLabels(order, { ...belowOptions, inOrder: true }) }] : []),
    ])
    .reduce((best, next) => {
      const [a, b] = [score(best.placed, best.order), score(next.placed, next.order)];
      const k = a.findIndex((v, i) => v !== b[i]);
      return k >= 0 && b[k]! > a[k]! ? next : best;
    });
  const placed =
    strictBest.placed.length < below.length && o.explicit
      ? placeLabels(strictBest.order, { ...belowOptions, crowd: true })
      : strictBest.placed;
  return { below: placed, above: [] };
}

/**
 * Every label at once (print), reading in time order top to bottom: the earlier events above the lanes,
 * each label right of its leader, the earliest in the top row; the later ones under the axis, each label left
 * of its leader, the earliest in the top row. Set so, a leader passes only labels that stand clear of it:
 * above the lanes, those of later events (right of their own leaders, so right of it); under the axis, those
 * of earlier events (left of theirs). Only events at one spot (a day apart, or side by side in two lanes)
 * leave a leader beside another's label: it is set in its turn all the same, the leader stopping short.
 */
function everyLabel(
  labelled: readonly LabelledEvent[],
  o: Parameters<typeof timelineLabels>[1],
  request: (e: LabelledEvent, up?: boolean, side?: 'left' | 'right') => LabelRequest,
): { below: PlacedLabel[]; above: PlacedLabel[] } {
  const earliestFirst = [...labelled].reverse();
  // As many above as have their markers in the chart's left half: their labels run right, into the room there.
  const early = labelled.filter((e) => e.x < o.mid).length;
  const rows = { ...o.rows, inOrder: true, crowd: true };
  // Above, rows stack up from the lanes: the latest of the earlier events first, nearest the lanes.
  const above = placeLabels(
    earliestFirst
      .slice(0, early)
      .reverse()
      .map((e) => request(e, true, 'right')),
    { ...rows, top: -Infinity, bottom: o.aboveBottom, direction: 'up' },
  );
  const below = placeLabels(
    earliestFirst.slice(early).map((e) => request(e, false, 'left')),
    { ...rows, top: o.top, bottom: Infinity, taken: o.taken, jogY: o.jogY },
  );
  return { below, above };
}
