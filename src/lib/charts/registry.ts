/**
 * The charts the story can show and the named states each can be in.
 * A story step names one chart and one state; the content check rejects any other.
 * Each state is computed at build time by the chart's state function in this folder.
 */
export const CHART_STATES = {
  timeline: ['overview', 'sanctions', 'warnings', 'beijing', 'companies', 'collapse', 'causes', 'aftermath', 'all'],
  exports: ['context', 'feb-level', 'march-drop', 'april-low', 'rebound', 'record-2023', 'all', 'shape'],
  categories: ['laptops', 'smartphones', 'base-stations', 'all-exports'],
  comparison: ['march', 'april'],
} as const;

/** What each chart shows, for embed titles and lists. */
export const CHART_LABELS = {
  timeline: 'Timeline of spring 2022: sanctions, warnings, silence',
  exports: 'China’s monthly exports to Russia',
  categories: 'Falls in shipments by product, March against February 2022',
  comparison: 'China’s exports to Russia and to all destinations, change on a year earlier',
} as const satisfies Record<keyof typeof CHART_STATES, string>;

/** Short names of the states, for the buttons of an embed. */
export const STATE_LABELS: Record<string, string> = {
  overview: 'Overview',
  sanctions: 'Sanctions',
  warnings: 'US warnings',
  beijing: 'Beijing',
  companies: 'Companies',
  collapse: 'Collapse',
  causes: 'Other pressures',
  aftermath: 'Afterwards',
  context: 'Before the war',
  'feb-level': 'February 2022',
  'march-drop': 'March drop',
  'april-low': 'April low',
  rebound: 'Rebound',
  'record-2023': '2023 record',
  laptops: 'Laptops',
  smartphones: 'Smartphones',
  'base-stations': 'Base stations',
  'all-exports': 'All exports',
  march: 'March 2022',
  april: 'April 2022',
  all: 'Everything at once',
  shape: 'The whole story',
};

export type ChartName = keyof typeof CHART_STATES;
export type ChartState<C extends ChartName = ChartName> = (typeof CHART_STATES)[C][number];

export const CHART_NAMES = Object.keys(CHART_STATES) as ChartName[];

export function isChartName(name: string): name is ChartName {
  return Object.hasOwn(CHART_STATES, name);
}

export function isChartState(chart: ChartName, state: string): boolean {
  return (CHART_STATES[chart] as readonly string[]).includes(state);
}
