/** An embed's chart data: every named state in both layouts (the story ships only the views it uses). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildChartData } from '../../../build/charts/build.ts';
import { chartNames, type ChartName } from '../../../build/charts/registry.ts';
import { packChartData } from '../../../shared/chart-pack.ts';
import { loadContent } from '../../../build/content/read-content.ts';

export const getStaticPaths = (() =>
  chartNames(loadContent().charts).map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const data = buildChartData(params['chart'] as ChartName, loadContent());
  return new Response(JSON.stringify(packChartData(data)), { headers: { 'Content-Type': 'application/json' } });
};
