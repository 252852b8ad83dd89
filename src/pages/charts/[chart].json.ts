/** Each chart's scenes for the story's steps, emitted as static JSON the page fetches once idle. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildChartData, stepViews } from '../../build/charts/build.ts';
import { chartNames, type ChartName } from '../../build/charts/registry.ts';
import { packChartData } from '../../shared/chart-pack.ts';
import { loadContent } from '../../build/content/read-content.ts';

export const getStaticPaths = (() =>
  chartNames(loadContent().charts).map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const content = loadContent();
  const chart = params['chart'] as ChartName;
  // The story needs only the views its steps use; embeds build their own with every named state.
  const data = buildChartData(chart, content, stepViews(content, chart), { namedStates: false });
  return new Response(JSON.stringify(packChartData(data)), { headers: { 'Content-Type': 'application/json' } });
};
