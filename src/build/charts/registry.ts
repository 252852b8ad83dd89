import type { ChartName } from '../../shared/chart-types.ts';
import type { ChartConfig, ChartsConfig } from '../content/charts-schema.ts';

export type { ChartName };

/**
 * The story's charts and the named states each can be in, as content/charts.yaml declares them.
 * A story step names one chart and one of its states; the content check rejects any other.
 */
export function chartNames(config: Pick<ChartsConfig, 'charts'>): ChartName[] {
  return Object.keys(config.charts);
}

export function chartConfig(config: Pick<ChartsConfig, 'charts'>, chart: ChartName): ChartConfig {
  const found = config.charts[chart];
  if (!found) throw new Error(`no chart "${chart}" in charts.yaml`);
  return found;
}

/** The named states of a chart, in order. */
export function chartStates(config: Pick<ChartsConfig, 'charts'>, chart: ChartName): string[] {
  return Object.keys(chartConfig(config, chart).states);
}

/** The short name of a state, for the buttons of an embed. */
export function stateLabel(config: Pick<ChartsConfig, 'charts'>, chart: ChartName, state: string): string {
  const states = chartConfig(config, chart).states as Record<string, { label: string }>;
  return states[state]?.label ?? state;
}
