import { describe, expect, it } from 'vitest';
import { CHART_STATES } from '../../src/lib/charts/registry.ts';
import { SUMMARY_STATE, summaryFigures } from '../../src/lib/summary-figures.ts';
import { loadContent } from '../../src/loaders/read-content.ts';

const step = (id: string, chart: string, state: string, highlight?: string[]) => ({ id, chart, state, highlight });

describe('summary figures (one per chart block, for the plain article and print)', () => {
  it('gives a block its chart’s everything-at-once state the first time, the block’s last view after', () => {
    const figures = summaryFigures([
      step('a', 'timeline', 'overview'),
      step('b', 'timeline', 'warnings', ['x']),
      step('c', 'exports', 'march-drop'),
      step('d', 'timeline', 'causes', ['y']),
      step('e', 'timeline', 'aftermath', ['z']),
    ]);
    expect([...figures.keys()]).toEqual(['a', 'c', 'd']);
    expect(figures.get('a')).toEqual({ chart: 'timeline', view: { state: 'all' } });
    expect(figures.get('c')).toEqual({ chart: 'exports', view: { state: 'all' } });
    expect(figures.get('d')).toEqual({ chart: 'timeline', view: { state: 'aftermath', highlight: ['z'] } });
  });

  it('names states the charts have, and the story gets about six figures, every chart among them', () => {
    for (const [chart, state] of Object.entries(SUMMARY_STATE))
      expect(CHART_STATES[chart as keyof typeof CHART_STATES] as readonly string[]).toContain(state);
    const steps = loadContent().sections.flatMap((s) => s.steps);
    const figures = [...summaryFigures(steps).values()];
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures.length).toBeLessThanOrEqual(8);
    expect(new Set(figures.map((f) => f.chart))).toEqual(new Set(steps.map((s) => s.chart)));
  });
});
