import { describe, expect, it } from 'vitest';
import { chartStates } from '../../src/build/charts/registry.ts';
import { summaryFigures } from '../../src/build/summary-figures.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const step = (id: string, chart: string, state: string, highlight?: string[]) => ({ id, chart, state, highlight });

describe('summary figures (one per chart block, for the plain article and print)', () => {
  const statesOf = (chart: string) => (chart === 'bars' ? ['one', 'both'] : ['overview', 'all']);

  it('gives a chart’s first block its all state (or the view the story ends it on), later blocks their last view', () => {
    const figures = summaryFigures(
      [
        step('a', 'timeline', 'overview'),
        step('b', 'timeline', 'warnings', ['x']),
        step('c', 'bars', 'one'),
        step('d', 'bars', 'both'),
        step('e', 'timeline', 'causes', ['y']),
        step('f', 'timeline', 'aftermath', ['z']),
      ],
      statesOf,
    );
    expect([...figures.keys()]).toEqual(['a', 'c', 'e']);
    expect(figures.get('a')).toEqual({ chart: 'timeline', view: { state: 'all' } });
    expect(figures.get('c')).toEqual({ chart: 'bars', view: { state: 'both' } });
    expect(figures.get('e')).toEqual({ chart: 'timeline', view: { state: 'aftermath', highlight: ['z'] } });
  });

  it('gives the story about six figures, every chart among them, each in a state its chart has', () => {
    const content = loadContent();
    const steps = content.sections.flatMap((s) => s.steps);
    const figures = [...summaryFigures(steps, (c) => chartStates(content.charts, c)).values()];
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures.length).toBeLessThanOrEqual(8);
    expect(new Set(figures.map((f) => f.chart))).toEqual(new Set(steps.map((s) => s.chart)));
    for (const f of figures) expect(chartStates(content.charts, f.chart)).toContain(f.view.state);
  });
});
