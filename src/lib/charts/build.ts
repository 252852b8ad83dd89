import type { Content } from '../content/check-content.ts';
import { smartQuotes } from '../format/typography.ts';
import { categoriesScene } from './categories.ts';
import { comparisonScene } from './comparison.ts';
import { exportsScene } from './exports.ts';
import { CHART_STATES, type ChartName } from './registry.ts';
import { timelineScene } from './timeline.ts';
import { LAYOUTS, viewKey, type ChartData, type LayoutName, type Scene, type View } from './types.ts';

/** The data a chart draws from: only the slices of the content it needs. */
export type ChartContent = Pick<Content, 'events' | 'series' | 'categories' | 'yearOnYear'>;

/** One chart, one view, one layout: the single entry point for build-time rendering. */
export function sceneFor(chart: ChartName, content: ChartContent, view: View, layout: LayoutName): Scene {
  return typeset(drawScene(chart, content, view, layout));
}

function drawScene(chart: ChartName, content: ChartContent, view: View, layout: LayoutName): Scene {
  switch (chart) {
    case 'timeline':
      return timelineScene(content.events, view, layout);
    case 'exports':
      return exportsScene(content.series, view.state, layout, content.events);
    case 'categories':
      return categoriesScene(content.categories, view.state, layout);
    case 'comparison':
      return comparisonScene(content.yearOnYear, view.state, layout);
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
  const all: View[] = [...(namedStates ? CHART_STATES[chart].map((state) => ({ state })) : []), ...views];
  const scenes = { narrow: {}, wide: {} } as ChartData['scenes'];
  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    for (const view of all) scenes[layout][viewKey(view)] = sceneFor(chart, content, view, layout);
  }
  return { chart, states: [...CHART_STATES[chart]], scenes };
}

/** The views the story's steps ask of a chart. */
export function stepViews(content: Pick<Content, 'sections'>, chart: ChartName): View[] {
  return content.sections
    .flatMap((s) => s.steps)
    .filter((s) => s.chart === chart)
    .map((s) => ({ state: s.state, highlight: s.highlight }));
}
