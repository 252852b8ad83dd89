/**
 * Chart data as shipped to the browser. Most marks repeat unchanged from one step's scene to the next
 * (the timeline's 38 scenes hold 2,272 marks, of which 382 differ), so the JSON lists every distinct mark
 * once and each scene names its marks by index: the story's timeline file goes from 463 KB to about
 * 100 KB, which the browser parses, allocates and collects while the reader is on the first screen.
 */
import type { ChartData, ChartName, LayoutName, Mark, Scene } from './chart-types.ts';

export type PackedScene = Omit<Scene, 'marks'> & { marks: number[] };

export interface PackedChartData {
  chart: ChartName;
  states: string[];
  /** Every distinct mark, once. */
  marks: Mark[];
  scenes: Record<LayoutName, Record<string, PackedScene>>;
}

export function packChartData(data: ChartData): PackedChartData {
  const marks: Mark[] = [];
  const index = new Map<string, number>();
  const indexOf = (mark: Mark): number => {
    const id = JSON.stringify(mark);
    let i = index.get(id);
    if (i === undefined) {
      i = marks.push(mark) - 1;
      index.set(id, i);
    }
    return i;
  };
  const packLayout = (scenes: Record<string, Scene>) =>
    Object.fromEntries(
      Object.entries(scenes).map(([key, scene]) => [key, { ...scene, marks: scene.marks.map(indexOf) }]),
    );
  return {
    chart: data.chart,
    states: data.states,
    marks,
    scenes: { narrow: packLayout(data.scenes.narrow), wide: packLayout(data.scenes.wide) },
  };
}

/** Scenes share their mark objects: the scene player only reads them. */
export function unpackChartData(packed: PackedChartData): ChartData {
  const unpackLayout = (scenes: Record<string, PackedScene>) =>
    Object.fromEntries(
      Object.entries(scenes).map(([key, scene]) => [
        key,
        {
          ...scene,
          marks: scene.marks.map((i) => {
            const mark = packed.marks[i];
            if (!mark) throw new Error(`chart data ${packed.chart}: scene ${key} names mark ${i}, which is missing`);
            return mark;
          }),
        },
      ]),
    );
  return {
    chart: packed.chart,
    states: packed.states,
    scenes: { narrow: unpackLayout(packed.scenes.narrow), wide: unpackLayout(packed.scenes.wide) },
  };
}
