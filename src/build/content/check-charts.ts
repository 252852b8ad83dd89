import { show, type ContentProblem } from './errors.ts';
import { chartSchema, chartsFileSchema, type ChartConfig, type ChartsConfig, type EventRule } from './charts-schema.ts';
import { validateEntry } from './validate.ts';

/**
 * Checks content/charts.yaml on its own: each chart against its kind's schema, and the names it uses inside.
 * `declared` lists every chart id, valid or not, so that a step naming a faulty chart is not reported twice.
 */
export function checkCharts(
  file: string,
  raw: unknown,
): { charts?: ChartsConfig; declared: string[]; problems: ContentProblem[] } {
  const top = validateEntry(chartsFileSchema, file, '(file)', raw);
  if (!top.data) return { declared: [], problems: top.problems };
  const problems: ContentProblem[] = [];
  const charts: Record<string, ChartConfig> = {};
  for (const [id, entry] of Object.entries(top.data.charts)) {
    const r = validateEntry(chartSchema, file, id, entry);
    problems.push(...r.problems);
    if (r.data) charts[id] = r.data;
  }
  const seenKinds = new Map<string, string>();
  for (const [id, chart] of Object.entries(charts)) {
    const problem = (field: string, expected: string, got: unknown) =>
      problems.push({ file, entry: id, field, expected, got: show(got) });
    const other = seenKinds.get(chart.kind);
    if (other) problem('kind', `one chart of each kind (${other} is a ${chart.kind} already)`, chart.kind);
    seenKinds.set(chart.kind, id);
    if (Object.keys(chart.states).length === 0) problem('states', 'at least one state', {});
    if (chart.kind === 'timeline') {
      const windows = Object.keys(chart.windows);
      const lanes = chart.lanes.map((l) => l.id);
      if (windows.length === 0) problem('windows', 'at least one window', {});
      if (chart.hollow && !lanes.includes(chart.hollow.lane)) {
        problem('hollow.lane', `a lane: ${lanes.join(', ')}`, chart.hollow.lane);
      }
      if (chart.hollow && !chart.kinds.includes(chart.hollow.kind)) {
        problem('hollow.kind', `an event kind: ${chart.kinds.join(', ')}`, chart.hollow.kind);
      }
      const checkRule = (rule: EventRule | undefined, field: string) => {
        if (!rule) return;
        if (rule.side !== undefined && !lanes.includes(rule.side)) problem(`${field}.side`, `a lane: ${lanes.join(', ')}`, rule.side);
        if (rule.kind !== undefined && !chart.kinds.includes(rule.kind)) {
          problem(`${field}.kind`, `an event kind: ${chart.kinds.join(', ')}`, rule.kind);
        }
        for (const key of ['within', 'after'] as const) {
          const w = rule[key];
          if (w !== undefined && !windows.includes(w)) problem(`${field}.${key}`, `a window: ${windows.join(', ')}`, w);
        }
      };
      for (const [name, state] of Object.entries(chart.states)) {
        if (state.window !== undefined && !windows.includes(state.window)) {
          problem(`states.${name}.window`, `a window: ${windows.join(', ')}`, state.window);
        }
        checkRule(state.highlight, `states.${name}.highlight`);
        checkRule(state.omit, `states.${name}.omit`);
        checkRule(state.span?.from, `states.${name}.span.from`);
        checkRule(state.span?.fromAfter, `states.${name}.span.fromAfter`);
        checkRule(state.span?.to, `states.${name}.span.to`);
      }
    }
    if (chart.kind === 'series' && chart.bigNumber && !(chart.bigNumber.of in chart.states)) {
      problem('bigNumber.of', `a state of ${id}: ${Object.keys(chart.states).join(', ')}`, chart.bigNumber.of);
    }
    if (chart.kind === 'diverging-bars' && chart.matches) {
      if (!chart.series.some((s) => s.id === chart.matches!.series)) {
        problem('matches.series', `a series: ${chart.series.map((s) => s.id).join(', ')}`, chart.matches.series);
      }
      if (top.data.charts[chart.matches.chart] === undefined) {
        problem('matches.chart', 'a chart in this file', chart.matches.chart);
      }
    }
  }
  for (const key of ['opening', 'share'] as const) {
    const v = top.data[key];
    if (!v) continue;
    const chart = charts[v.chart];
    if (top.data.charts[v.chart] === undefined) {
      problems.push({ file, entry: key, field: 'chart', expected: `a chart: ${Object.keys(top.data.charts).join(', ')}`, got: show(v.chart) });
    } else if (chart && !(v.state in chart.states)) {
      problems.push({
        file,
        entry: key,
        field: 'state',
        expected: `a state of the ${v.chart} chart: ${Object.keys(chart.states).join(', ')}`,
        got: show(v.state),
      });
    }
  }
  return { charts: { ...top.data, charts }, declared: Object.keys(top.data.charts), problems };
}

/** The chart of a kind, if the story has one. */
export function chartOfKind<K extends ChartConfig['kind']>(
  config: Pick<ChartsConfig, 'charts'>,
  kind: K,
): [string, Extract<ChartConfig, { kind: K }>] | undefined {
  const found = Object.entries(config.charts).find(([, c]) => c.kind === kind);
  return found as [string, Extract<ChartConfig, { kind: K }>] | undefined;
}
