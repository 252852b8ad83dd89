import type { Content } from '../content/check-content.ts';
import { smartQuotes } from '../format/typography.ts';
import { rankedBarsScene } from './categories.ts';
import { divergingBarsScene } from './comparison.ts';
import { seriesScene } from './exports.ts';
import { chartConfig, chartStates, type ChartName } from './registry.ts';
import { timelineScene } from './timeline.ts';
import { LAYOUTS, viewKey, type ChartData, type LayoutName, type Scene, type View } from '../../shared/chart-types.ts';

/** The data a chart draws from: only the slices of the content it needs. */
export type ChartContent = Pick<Content, 'charts' | 'events' | 'series' | 'categories' | 'yearOnYear' | 'ui'>;

/** One chart, one view, one layout: the single entry point for build-time rendering. */
export function sceneFor(chart: ChartName, content: ChartContent, view: View, layout: LayoutName): Scene {
  return typeset(drawScene(chart, content, view, layout));
}

/** The chart's kind, from charts.yaml, picks the engine's scene function. */
function drawScene(chart: ChartName, content: ChartContent, view: View, layout: LayoutName): Scene {
  const config = chartConfig(content.charts, chart);
  switch (config.kind) {
    case 'timeline':
      return timelineScene(content.events, view, layout, config, chart, content.ui);
    case 'series':
      return seriesScene(content.series, view.state, layout, content.events, config, chart, content.ui);
    case 'ranked-bars':
      return rankedBarsScene(content.categories, view.state, layout, config, chart);
    case 'diverging-bars':
      return divergingBarsScene(content.yearOnYear, view.state, layout, config, chart, content.ui);
  }
}

/** Curly quotes and apostrophes in every word the chart shows or says, like the prose around it. */
function typeset(scene: Scene): Scene {
  return {
    ...scene,
    title: smartQuotes(scene.title),
    subtitle: smartQuotes(scene.subtitle),
    description: smartQuotes(scene.description),
    marks: scene.marks.map((m) => (m.text === undefined ? m : { ...m, text: smartQuotes(m.text) })),
  };
}

/** Every named state of the chart plus every view the story's steps ask of it, in both layouts. */
export function buildChartData(
  chart: ChartName,
  content: ChartContent,
  views: readonly View[] = [],
  { namedStates = true }: { namedStates?: boolean } = {},
): ChartData {
  const states = chartStates(content.charts, chart);
  const all: View[] = [...(namedStates ? states.map((state) => ({ state })) : []), ...views];
  const scenes = { narrow: {}, wide: {} } as ChartData['scenes'];
  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    for (const view of all) scenes[layout][viewKey(view)] = sceneFor(chart, content, view, layout);
  }
  return { chart, states, scenes };
}

/** The views the story's steps ask of a chart. */
export function stepViews(content: Pick<Content, 'sections'>, chart: ChartName): View[] {
  return content.sections
    .flatMap((s) => s.steps)
    .filter((s) => s.chart === chart)
    .map((s) => ({ state: s.state, highlight: s.highlight }));
}
