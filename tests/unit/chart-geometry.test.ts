/**
 * The story's charts as a graphics desk reads them, from the geometry the build computes: labels read in
 * time order, leaders run unbroken from mark to label, marks of one lane never touch, and the exports
 * chart's labels stay clear of the rule, the gridlines and the marks.
 */
import { describe, expect, it } from 'vitest';
import { sceneFor, stepViews } from '../../src/build/charts/build.ts';
import { chartStates } from '../../src/build/charts/registry.ts';
import { LAYOUTS, viewKey, type LayoutName, type Mark, type Scene, type View } from '../../src/shared/chart-types.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const content = loadContent();
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];
const eventDate = new Map(content.events.map((e) => [e.id, e.date]));
const timelineViews: View[] = [
  ...chartStates(content.charts, 'timeline').map((state) => ({ state })),
  ...stepViews(content, 'timeline'),
];
const visible = (m: Mark) => Number(m.attrs['opacity'] ?? 1) > 0;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const boxOf = (attr: string | number | undefined): Box => {
  const [x, y, width, height] = String(attr).split(' ').map(Number) as [number, number, number, number];
  return { x, y, width, height };
};

/** Each event label's allotted box, by event id. */
function labelBoxes(scene: Scene): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const m of scene.marks) {
    if (m.key.startsWith('label-') && visible(m) && m.attrs['data-label']) {
      boxes.set(String(m.attrs['data-label']), boxOf(m.attrs['data-box']));
    }
  }
  return boxes;
}

/** The vertical segments of a path written as M x,y V y. */
const segments = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)]
    .map((m) => ({ x: Number(m[1]), y1: Number(m[2]), y2: Number(m[3]) }))
    .filter((s) => Math.abs(s.y2 - s.y1) > 0.5);

describe('the story: timeline labels read in time order', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`a step's labels run earliest first, top to bottom (left to right within a row): ${layout}`, () => {
      const problems: string[] = [];
      for (const view of stepViews(content, 'timeline')) {
        const scene = sceneFor('timeline', content, view, layout);
        const placed = [...labelBoxes(scene)].sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
        const leaderX = (id: string) =>
          segments(String(scene.marks.find((m) => m.key === `leader-${id}`)?.attrs['d'] ?? ''))[0]?.x ?? NaN;
        for (let i = 1; i < placed.length; i++) {
          const [before, after] = [placed[i - 1]!, placed[i]!];
          // Where the earlier event's marker sits close left of the later one's (less than a short label's
          // width from the chart's edge to the later leader), its label cannot go above without that leader
          // running through it: no leader through a label comes first.
          if (leaderX(before[0]) - Math.min(...placed.map(([, b]) => b.x)) < 110) continue;
          if (eventDate.get(before[0])! > eventDate.get(after[0])!) {
            problems.push(`${viewKey(view)}: "${before[0]}" reads before the earlier "${after[0]}"`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the story: timeline leaders', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`each leader runs unbroken past other labels, from its mark to its own label: ${layout}`, () => {
      const problems: string[] = [];
      // Every view a reader scrolls through or an embed shows; not yet the every-label print state (labelAll).
      const timelineConfig = content.charts.charts['timeline'] as { states: Record<string, { labelAll?: boolean }> };
      for (const view of timelineViews.filter((v) => !timelineConfig.states[v.state]?.labelAll)) {
        const scene = sceneFor('timeline', content, view, layout);
        const boxes = labelBoxes(scene);
        for (const m of scene.marks.filter((k) => k.key.startsWith('leader-'))) {
          const id = m.key.slice('leader-'.length);
          const segs = segments(String(m.attrs['d']));
          if (segs.length === 0) continue;
          const x = segs[0]!.x;
          const top = Math.min(...segs.map((s) => Math.min(s.y1, s.y2)));
          const bottom = Math.max(...segs.map((s) => Math.max(s.y1, s.y2)));
          for (const [other, b] of boxes) {
            if (other === id) continue;
            if (x > b.x && x < b.x + b.width && top < b.y + b.height && bottom > b.y) {
              problems.push(`${viewKey(view)}: the leader of "${id}" passes the label of "${other}"`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/** A marker's box: its path's extent, scaled, at its translate. */
function markerBox(m: Mark): Box & { lane: number } {
  const [, tx, ty] = /translate\((-?[\d.]+),(-?[\d.]+)\)/.exec(String(m.attrs['transform']))!.map(Number) as number[];
  const scale = Number(/scale\(([\d.]+)\)/.exec(String(m.attrs['transform']))?.[1] ?? 1);
  const nums = [...String(m.attrs['d']).matchAll(/-?[\d.]+/g)].map((n) => Math.abs(Number(n[0])));
  // Circles are written with arcs: their radius is the first number; other shapes' extent is the largest.
  const half = (String(m.attrs['d']).includes('a') ? nums[0]! : Math.max(...nums)) * scale;
  return { x: tx! - half, y: ty! - half, width: 2 * half, height: 2 * half, lane: ty! };
}

describe('the story: timeline markers', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`no two markers of a lane touch: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const markers = scene.marks
          .filter((m) => m.key.startsWith('event-') && !m.key.startsWith('event-span-') && visible(m))
          .map((m) => ({ key: m.key, ...markerBox(m) }));
        markers.forEach((a, i) => {
          for (const b of markers.slice(i + 1)) {
            const apart =
              a.x + a.width + 1 <= b.x ||
              b.x + b.width + 1 <= a.x ||
              a.y + a.height + 1 <= b.y ||
              b.y + b.height + 1 <= a.y;
            if (!apart) problems.add(`${viewKey(view)}: ${a.key} touches ${b.key}`);
          }
        });
      }
      expect([...problems]).toEqual([]);
    });
  }
});
