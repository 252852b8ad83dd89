import { describe, expect, it } from 'vitest';
import { buildChartData, sceneFor, stepViews } from '../../src/lib/charts/build.ts';
import { shownCount } from '../../src/lib/charts/categories.ts';
import { exportsFigures, exportsStateSpecs, firstYearOnYearRise } from '../../src/lib/charts/exports.ts';
import { estimateTextWidth, polylinePath, wrapLabel } from '../../src/lib/charts/marks.ts';
import { CHART_NAMES, CHART_STATES, STATE_LABELS } from '../../src/lib/charts/registry.ts';
import { collapseSpan, highlightedBy, windowOf } from '../../src/lib/charts/timeline.ts';
import { LAYOUTS, type LayoutName, type Scene } from '../../src/lib/charts/types.ts';
import type { MonthlyPoint } from '../../src/lib/content/csv.ts';
import { loadContent } from '../../src/loaders/read-content.ts';

const content = loadContent();
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];

describe('exportsStateSpecs(series)', () => {
  const specs = exportsStateSpecs(content.series);
  it('finds the April low and the July rebound from the data', () => {
    expect(specs['april-low']?.focus).toBe('2022-04-01');
    expect(specs['rebound']?.focus).toBe('2022-07-01');
    expect(specs['march-drop']?.focus).toBe('2022-03-01');
  });
  it('follows the data when it changes: a lower May becomes the low', () => {
    const series = content.series.map((p) => (p.date === '2022-05-01' ? { ...p, value: 1 } : p));
    expect(exportsStateSpecs(series)['april-low']?.focus).toBe('2022-05-01');
  });
});

describe('exportsFigures(series, state)', () => {
  it('gives the March drop month on month (about -27%) and year on year (about -7.7%)', () => {
    const march = exportsFigures(content.series, 'march-drop');
    expect(march.monthOnMonth).toBeCloseTo(-26.75, 1);
    expect(march.yearOnYear).toBeLessThan(-7);
    expect(march.yearOnYear).toBeGreaterThan(-9);
  });
  it('throws on a state the chart does not have', () => {
    expect(() => exportsFigures(content.series, 'nope')).toThrow(/no state "nope"/);
  });
});

describe('firstYearOnYearRise(series, from)', () => {
  const series: MonthlyPoint[] = [
    { date: '2021-01-01', value: 10 },
    { date: '2021-02-01', value: 10 },
    { date: '2022-01-01', value: 9 },
    { date: '2022-02-01', value: 11 },
  ];
  it('returns the first month above the same month a year before', () => {
    expect(firstYearOnYearRise(series, '2022-01-01')).toBe('2022-02-01');
  });
  it('returns undefined when no month qualifies', () => {
    expect(firstYearOnYearRise(series.slice(0, 3), '2022-01-01')).toBeUndefined();
  });
});

describe('shownCount(drops, state)', () => {
  it('adds one bar a state, in the CSV order', () => {
    expect(content.categories.map((d) => shownCount(content.categories, d.id))).toEqual([1, 2, 3, 4]);
  });
});

describe('highlightedBy(state, events) and collapseSpan(events)', () => {
  it('highlights the sanctions of 24 February in the sanctions state', () => {
    expect(highlightedBy('sanctions', content.events).map((e) => e.date)).toContain('2022-02-24');
  });
  it('highlights only US warnings in the warnings state', () => {
    const warned = highlightedBy('warnings', content.events);
    expect(warned.length).toBeGreaterThanOrEqual(3);
    expect(warned.every((e) => e.side === 'us' && e.kind === 'warning')).toBe(true);
  });
  it('spans from a US warning to the last spring data point', () => {
    const span = collapseSpan(content.events);
    expect(span?.from.side).toBe('us');
    expect(span?.to.kind).toBe('data');
    expect(span!.to.date > span!.from.date).toBe(true);
  });
  it('shows a later window for the aftermath', () => {
    expect(windowOf('aftermath')[1] > windowOf('collapse')[1]).toBe(true);
  });
});

describe('marks', () => {
  it('polylinePath writes every point the same way, rounded to 0.1', () => {
    expect(
      polylinePath([
        [0, 0],
        [1.234, 5.678],
      ]),
    ).toBe('M0,0L1.2,5.7');
  });
  it('wrapLabel breaks at spaces within the limit', () => {
    expect(wrapLabel('Ministry of Commerce warns firms', 12)).toEqual(['Ministry of', 'Commerce', 'warns firms']);
  });
  it('estimateTextWidth grows with the text', () => {
    expect(estimateTextWidth('-98%', 12)).toBeGreaterThan(estimateTextWidth('-9', 12));
  });
});

/** Label boxes, from the marks alone (no DOM): x, y, width, height in viewBox units. */
function labelBoxes(scene: Scene) {
  return scene.marks
    .filter((m) => m.tag === 'text' && Number(m.attrs['opacity'] ?? 1) > 0 && m.text)
    .map((m) => {
      const size = Number(m.attrs['font-size'] ?? 12);
      const width = estimateTextWidth(m.text ?? '', size);
      const anchor = m.attrs['text-anchor'] ?? 'start';
      const x0 = Number(m.attrs['x'] ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
      return { key: m.key, x: x0, y: Number(m.attrs['y'] ?? 0) - size * 0.8, width, height: size };
    });
}

describe('every state of every chart, in both layouts', () => {
  for (const chart of CHART_NAMES) {
    for (const state of CHART_STATES[chart]) {
      for (const layout of LAYOUT_NAMES) {
        const scene = sceneFor(chart, content, { state }, layout);
        it(`${chart} ${state} ${layout}: has a title, a description from the data and unique keys`, () => {
          expect(scene.title.length).toBeGreaterThan(10);
          expect(scene.description.length).toBeGreaterThan(40);
          const keys = scene.marks.map((m) => m.key);
          expect(new Set(keys).size).toBe(keys.length);
        });
        it(`${chart} ${state} ${layout}: no two labels overlap`, () => {
          const boxes = labelBoxes(scene);
          const clash = boxes.flatMap((a, i) =>
            boxes
              .slice(i + 1)
              .filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
              .map((b) => `${a.key} / ${b.key}`),
          );
          expect(clash).toEqual([]);
        });
        it(`${chart} ${state} ${layout}: keeps every label inside the chart`, () => {
          for (const box of labelBoxes(scene)) {
            expect(box.x, box.key).toBeGreaterThanOrEqual(-1);
            expect(box.x + box.width, box.key).toBeLessThanOrEqual(scene.width + 1);
          }
        });
      }
    }
  }
});

describe('buildChartData(chart, content, views)', () => {
  it('ships every named state and every step view in both layouts', () => {
    const data = buildChartData('timeline', content, stepViews(content, 'timeline'));
    for (const layout of LAYOUT_NAMES) {
      for (const state of CHART_STATES.timeline) expect(data.scenes[layout][state]).toBeDefined();
    }
    expect(Object.keys(data.scenes.wide).length).toBeGreaterThan(CHART_STATES.timeline.length);
  });
  it('can leave out the named states the story does not use', () => {
    const data = buildChartData('exports', content, [], { namedStates: false });
    expect(Object.keys(data.scenes.wide)).toEqual([]);
  });
});

describe('STATE_LABELS', () => {
  it('names every state of every chart', () => {
    for (const chart of CHART_NAMES) for (const state of CHART_STATES[chart]) expect(STATE_LABELS[state]).toBeTruthy();
  });
});
