/**
 * The timeline that labels every event (the print and plain-article summary, a state with labelAll): its
 * labels read in time order, top to bottom and left to right within a row, across the labels above the lanes
 * and those under the axis.
 */
import { describe, expect, it } from 'vitest';
import { sceneFor } from '../../src/build/charts/build.ts';
import type { TimelineChart } from '../../src/build/content/charts-schema.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
import { LAYOUTS, type LayoutName } from '../../src/shared/chart-types.ts';

const content = loadContent();
const config = content.charts.charts['timeline'] as TimelineChart;
const labelAllStates = Object.entries(config.states)
  .filter(([, s]) => s.labelAll)
  .map(([name]) => name);
const dateOf = new Map(content.events.map((e) => [e.id, e.date]));

describe('the story: the timeline that labels every event reads in time order', () => {
  it('has a state that labels every event', () => {
    expect(labelAllStates.length).toBeGreaterThan(0);
  });

  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    it(`its labels, by row then left to right, run in the events' date order: ${layout}`, () => {
      const problems: string[] = [];
      for (const state of labelAllStates) {
        const boxes = new Map<string, { x: number; y: number }>();
        for (const m of sceneFor('timeline', content, { state }, layout).marks) {
          const id = m.attrs['data-label'];
          if (!m.key.startsWith('label-') || !id || boxes.has(String(id))) continue;
          const [x, y] = String(m.attrs['data-box']).split(' ').map(Number) as [number, number];
          boxes.set(String(id), { x, y });
        }
        const read = [...boxes].sort(([, a], [, b]) => a.y - b.y || a.x - b.x).map(([id]) => id);
        expect(read.length, `${state}: every event labelled`).toBeGreaterThan(10);
        read.forEach((id, i) => {
          const before = read[i - 1];
          if (before && dateOf.get(before)! > dateOf.get(id)!)
            problems.push(`${state}: "${before}" (${dateOf.get(before)}) reads before "${id}" (${dateOf.get(id)})`);
        });
      }
      expect(problems).toEqual([]);
    });

    it(`no leader passes another event's label on its way to its own: ${layout}`, () => {
      const problems: string[] = [];
      for (const state of labelAllStates) {
        const scene = sceneFor('timeline', content, { state }, layout);
        const boxes = new Map<string, number[]>();
        for (const m of scene.marks) {
          const id = m.attrs['data-label'];
          if (m.key.startsWith('label-') && id)
            boxes.set(String(id), String(m.attrs['data-box']).split(' ').map(Number));
        }
        for (const m of scene.marks.filter((k) => k.key.startsWith('leader-'))) {
          const id = m.key.slice('leader-'.length);
          const runs = [...String(m.attrs['d']).matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)].map((g) =>
            g.slice(1).map(Number),
          );
          if (runs.length === 0) continue;
          // The whole run from marker to label, gaps included: a leader cut around a label still passes it.
          const x = runs[0]![0]!;
          const ys = runs.flatMap(([, y1, y2]) => [y1!, y2!]);
          const [from, to] = [Math.min(...ys), Math.max(...ys)];
          for (const [other, [bx, by, bw, bh]] of boxes) {
            if (other !== id && x > bx! - 1 && x < bx! + bw! + 1 && from < by! + bh! && to > by!)
              problems.push(`${state}: the leader of "${id}" passes the label of "${other}"`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
