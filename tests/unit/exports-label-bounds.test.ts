/**
 * The exports chart's words stay over the plot: no label (the focus label, the peak's, the grey line's, the
 * rule's and the band's) runs past the plot's right end into the margin, or left of the axis into the tick
 * labels' column. The tick labels and the footnote under the axis are the frame's own and stand outside it.
 */
import { describe, expect, it } from 'vitest';
import { sceneFor } from '../../src/build/charts/build.ts';
import { textBox } from '../../src/build/charts/boxes.ts';
import { chartStates } from '../../src/build/charts/registry.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
import { LAYOUTS, type LayoutName, type Scene } from '../../src/shared/chart-types.ts';

const content = loadContent();
const FRAME_TEXT = /^(ytick-|xlabel-|combined-note-)/;

/** The plot's x range: where its axis line (the zero gridline) starts and ends. */
function plotRange(scene: Scene): [number, number] {
  const axis = scene.marks.find((m) => m.key === 'grid-0');
  if (!axis) throw new Error(`${scene.state} ${scene.layout}: no axis line`);
  return [Number(axis.attrs['x1']), Number(axis.attrs['x2'])];
}

describe('the story: the exports chart keeps its labels over the plot', () => {
  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    it(`every label's box stands between the plot's left and right ends, every state: ${layout}`, () => {
      const problems: string[] = [];
      for (const state of chartStates(content.charts, 'exports')) {
        const scene = sceneFor('exports', content, { state }, layout);
        const [left, right] = plotRange(scene);
        for (const m of scene.marks) {
          if (m.tag !== 'text' || !m.text || FRAME_TEXT.test(m.key) || Number(m.attrs['opacity'] ?? 1) <= 0) continue;
          const box = textBox(
            m.text,
            Number(m.attrs['font-size']),
            Number(m.attrs['x']),
            Number(m.attrs['y']),
            (m.attrs['text-anchor'] ?? 'start') as 'start' | 'middle' | 'end',
          );
          if (box.x < left - 0.5 || box.x + box.width > right + 0.5) {
            problems.push(
              `${state}: "${m.text}" (${m.key}) spans ${box.x.toFixed(1)}–${(box.x + box.width).toFixed(1)}, plot ${left}–${right}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
