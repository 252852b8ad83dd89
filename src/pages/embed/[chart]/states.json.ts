/** An embed's chart data: every named state in both layouts (the story ships only the views it uses). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildChartData } from '../../../lib/charts/build.ts';
import { chartNames, type ChartName } from '../../../lib/charts/registry.ts';
import { loadContent } from '../../../loaders/read-content.ts';

export const getStaticPaths = (() =>
  chartNames(loadContent().charts).map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const data = buildChartData(params['chart'] as ChartName, loadContent());
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
