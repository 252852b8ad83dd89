/**
 * The plain article and print show one full-width figure per chart block (issue 14), not one per step.
 * A chart's first block shows everything at once: its `all` state if content/charts.yaml names one, or
 * else the view the story ends that chart on (which there carries every annotation: all the categories,
 * both months). A chart's later blocks show where that block ends, which the first figure does not cover.
 */
import type { View } from '../shared/chart-types.ts';

interface StepLike {
  id: string;
  chart: string;
  state: string;
  highlight?: readonly string[] | undefined;
}

/** The state that shows all of a chart at once, when the chart has one. */
export const ALL_STATE = 'all';

const viewOf = (s: StepLike): View => (s.highlight ? { state: s.state, highlight: s.highlight } : { state: s.state });

/** The summary figure each block gets, keyed by the id of the block's first step. */
export function summaryFigures(
  steps: readonly StepLike[],
  statesOf: (chart: string) => readonly string[],
): Map<string, { chart: string; view: View }> {
  const figures = new Map<string, { chart: string; view: View }>();
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    if (i > 0 && steps[i - 1]?.chart === step.chart) return;
    const { chart } = step;
    let last = i;
    while (steps[last + 1]?.chart === chart) last++;
    const blockEnd = steps[last] ?? step;
    const storyEnd = steps.findLast((s) => s.chart === chart) ?? step;
    const view = seen.has(chart)
      ? viewOf(blockEnd)
      : statesOf(chart).includes(ALL_STATE)
        ? { state: ALL_STATE }
        : viewOf(storyEnd);
    seen.add(chart);
    figures.set(step.id, { chart, view });
  });
  return figures;
}
