/**
 * The plain article and print show one full-width figure per chart block (issue 14), not one per step: the
 * state that carries all of a chart's annotations at once. A chart's later blocks show where that block
 * ends (their last step's view), which the first figure does not cover.
 */
import type { ChartName } from './charts/registry.ts';
import type { View } from './charts/types.ts';

/** For each chart, the state that shows everything at once. */
export const SUMMARY_STATE: Record<ChartName, string> = {
  timeline: 'all',
  exports: 'all',
  categories: 'all-exports',
  comparison: 'april',
};

interface StepLike {
  id: string;
  chart: string;
  state: string;
  highlight?: readonly string[] | undefined;
}

/** The summary figure each block gets, keyed by the id of the block's first step. */
export function summaryFigures(steps: readonly StepLike[]): Map<string, { chart: ChartName; view: View }> {
  const figures = new Map<string, { chart: ChartName; view: View }>();
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    if (i > 0 && steps[i - 1]?.chart === step.chart) return;
    const chart = step.chart as ChartName;
    let last = i;
    while (steps[last + 1]?.chart === chart) last++;
    const end = steps[last] ?? step;
    const view = seen.has(chart) ? { state: end.state, highlight: end.highlight } : { state: SUMMARY_STATE[chart] };
    seen.add(chart);
    figures.set(step.id, { chart, view });
  });
  return figures;
}
