/** The share card, rasterised at build from the story's own headline and key chart (no network). */
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import chartCss from '../styles/charts.css?raw';
import tokensCss from '../styles/tokens.css?raw';
import { sceneFor } from '../build/charts/build.ts';
import { chartMarkRules } from '../build/chart-file-style.ts';
import { shareCardSvg } from '../build/share/card.ts';
import { themeTokens } from '../build/theme-tokens.ts';
import { loadContent } from '../build/content/read-content.ts';

export const GET: APIRoute = () => {
  const content = loadContent();
  const { share } = content.charts;
  const scene = sceneFor(share.chart, content, { state: share.state }, 'wide');
  const svg = shareCardSvg(
    { ...content.article, source: share.source },
    scene,
    chartMarkRules(chartCss).join(''),
    themeTokens(tokensCss).light,
  );
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: 1200 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
