import { describe, expect, it } from 'vitest';
import { buildChartData, stepViews } from '../../src/build/charts/build.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
import { packChartData, unpackChartData } from '../../src/shared/chart-pack.ts';

describe('chart data is shipped with each distinct mark once', () => {
  const content = loadContent();
  const data = buildChartData('timeline', content, stepViews(content, 'timeline'), { namedStates: false });

  it('unpacks to exactly the scenes the build computed', () => {
    const shipped = JSON.parse(JSON.stringify(packChartData(data)));
    expect(unpackChartData(shipped)).toEqual(data);
  });

  it('keeps the story timeline file under a third of its unpacked size', () => {
    const packed = JSON.stringify(packChartData(data)).length;
    expect(packed).toBeLessThan(JSON.stringify(data).length / 3);
  });

  it('names the chart and scene when a scene points at a missing mark', () => {
    const shipped = packChartData(data);
    shipped.marks.pop();
    expect(() => unpackChartData(shipped)).toThrow(/chart data timeline: scene .* names mark \d+, which is missing/);
  });
});
