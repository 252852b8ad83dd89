/**
 * Every summary figure the story page shows (one per block of steps on a chart), in both layouts, as a standalone SVG
 * for <img> (see src/build/chart-files.ts). An image cannot read the page's CSS, so each file carries the
 * chart styles and the colour tokens of both themes.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import chartsCss from '../../../styles/charts.css?raw';
import tokensCss from '../../../styles/tokens.css?raw';
import { sceneFor } from '../../../build/charts/build.ts';
import { chartStates } from '../../../build/charts/registry.ts';
import { summaryFigures } from '../../../build/summary-figures.ts';
import { LAYOUTS, viewKey, type LayoutName, type View } from '../../../shared/chart-types.ts';
import { renderSvg } from '../../../build/charts/render-svg.ts';
import { chartFileName } from '../../../build/chart-files.ts';
import { loadContent } from '../../../build/content/read-content.ts';
import { svgFileStyle } from '../../../build/chart-file-style.ts';

export const getStaticPaths = (() => {
  const content = loadContent();
  const steps = content.sections.flatMap((s) => s.steps);
  // Only the files a page shows: one summary figure per block of steps (src/build/summary-figures.ts).
  const figures = summaryFigures(steps, (chart) => chartStates(content.charts, chart));
  const views = new Map<string, { chart: string; view: View }>();
  for (const f of figures.values()) views.set(`${f.chart}/${viewKey(f.view)}`, f);
  return [...views.values()].flatMap(({ chart, view }) =>
    (Object.keys(LAYOUTS) as LayoutName[]).map((layout) => ({
      params: { chart, figure: chartFileName(viewKey(view), layout) },
      props: { scene: sceneFor(chart, content, view, layout) },
    })),
  );
}) satisfies GetStaticPaths;

const style = svgFileStyle(tokensCss, chartsCss);

export const GET: APIRoute = ({ props }) => {
  const { scene } = props as { scene: ReturnType<typeof sceneFor> };
  const svg = renderSvg(scene, {
    id: 'chart',
    rootAttrs: { width: scene.width, height: scene.height },
  }).replace(/^(<svg[^>]*>)/, `$1<style>${style}</style>`);
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
