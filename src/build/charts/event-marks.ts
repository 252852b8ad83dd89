/**
 * One timeline event's marks: its marker at its place, and for an event that lasted days a thin bar from the
 * marker's edge to its last day, capped there (so a marker and its bar never read as one blob). Always the
 * same marks for an event that has an end, the bar hidden where it would be too short to see: marks tween
 * between states by key.
 */
import type { Box } from './boxes.ts';
import { markerExtent, markerPath, type MarkerShape } from './marker-shapes.ts';
import { path, r1, rect } from './marks.ts';
import type { Mark } from '../../shared/chart-types.ts';

export const BAR_HEIGHT = 2;
export const BAR_CAP = 8;

export function eventMarks(
  id: string,
  o: {
    x: number;
    y: number;
    shape: MarkerShape;
    tone: string;
    size: number;
    scale: number;
    opacity: number;
    hollow: boolean;
    lit: boolean;
    /** An event with an end: where its bar ends, if it shows (undefined: too short to show). */
    bar?: { until: number | undefined };
  },
): { marks: Mark[]; boxes: Box[] } {
  const ext = markerExtent(o.shape, o.size * o.scale);
  const marks: Mark[] = [];
  const boxes: Box[] = [{ x: o.x - ext.half, y: o.y - ext.up, width: ext.half * 2, height: ext.up + ext.down }];
  if (o.bar) {
    const { until } = o.bar;
    const from = o.x + ext.half;
    const opacity = until === undefined ? 0 : o.opacity;
    marks.push(
      rect(`event-span-${id}`, 'data', {
        class: `event-span ${o.tone}`,
        x: from,
        y: o.y - BAR_HEIGHT / 2,
        width: until === undefined ? 0 : until - from,
        height: BAR_HEIGHT,
        opacity,
      }),
      rect(`span-end-${id}`, 'data', {
        class: `event-span ${o.tone}`,
        x: (until ?? from) - 2,
        y: o.y - BAR_CAP / 2,
        width: 2,
        height: BAR_CAP,
        opacity,
      }),
    );
    if (until !== undefined) boxes.push({ x: from, y: o.y - BAR_CAP / 2, width: until - from, height: BAR_CAP });
  }
  marks.push(
    path(`event-${id}`, 'data', {
      class: `marker ${o.tone}${o.hollow ? ' is-hollow' : ''}${o.lit ? ' is-highlighted' : ''}`,
      d: markerPath(o.shape, o.size),
      transform: `translate(${r1(o.x)},${r1(o.y)}) scale(${o.scale})`,
      opacity: o.opacity,
    }),
  );
  return { marks, boxes };
}
