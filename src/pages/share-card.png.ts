/** The share card, rasterised at build from the story's own headline and key chart (no network). */
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import chartCss from '../styles/charts.css?raw';
import globalCss from '../styles/global.css?raw';
import { sceneFor } from '../build/charts/build.ts';
import { shareCardSvg, themeTokens } from '../build/share/card.ts';
import { loadContent } from '../build/content/read-content.ts';

export const GET: APIRoute = () => {
  const content = loadContent();
  const { share } = content.charts;
  const scene = sceneFor(share.chart, content, { state: share.state }, 'wide');
  const svg = shareCardSvg({ ...content.article, source: share.source }, scene, chartCss, themeTokens(globalCss));
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: 1200 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
