/**
 * One timeline event's marks: its marker at its place, and for an event that lasted days a thin bar from the
 * marker's edge to its last day, capped there (so a marker and its bar never read as one blob). Where the bar
 * would be too short to see it is left out, not drawn hidden (the page's element budget counts every node):
 * the scene player fades a mark in or out where one state has it and the next has not.
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
    /** It stands on the context band. */
    inBand?: boolean;
    /** An event with an end: where its bar ends, if it shows (undefined: too short to show). */
    bar?: { until: number | undefined };
  },
): { marks: Mark[]; boxes: Box[] } {
  const ext = markerExtent(o.shape, o.size * o.scale);
  const marks: Mark[] = [];
  const boxes: Box[] = [{ x: o.x - ext.half, y: o.y - ext.up, width: ext.half * 2, height: ext.up + ext.down }];
  if (o.bar?.until !== undefined) {
    const { until } = o.bar;
    const from = o.x + ext.half;
    const opacity = o.opacity;
    marks.push(
      rect(`event-span-${id}`, 'data', {
        class: `event-span ${o.tone}`,
        x: from,
        y: o.y - BAR_HEIGHT / 2,
        width: until - from,
        height: BAR_HEIGHT,
        opacity,
      }),
      rect(`span-end-${id}`, 'data', {
        class: `event-span ${o.tone}`,
        x: until - 2,
        y: o.y - BAR_CAP / 2,
        width: 2,
        height: BAR_CAP,
        opacity,
      }),
    );
    boxes.push({ x: from, y: o.y - BAR_CAP / 2, width: until - from, height: BAR_CAP });
  }
  marks.push(
    path(`event-${id}`, 'data', {
      class: `marker ${o.tone}${o.hollow ? ' is-hollow' : ''}${o.lit ? ' is-highlighted' : ''}${o.inBand ? ' in-band' : ''}`,
      d: markerPath(o.shape, o.size),
      transform: `translate(${r1(o.x)},${r1(o.y)}) scale(${o.scale})`,
      opacity: o.opacity,
    }),
  );
  return { marks, boxes };
}
