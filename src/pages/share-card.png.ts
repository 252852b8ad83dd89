/** The share card, rasterised at build from the story's own headline and key chart (no network). */
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import chartCss from '../styles/charts.css?raw';
import globalCss from '../styles/global.css?raw';
import { sceneFor } from '../lib/charts/build.ts';
import { CARD_CHART, shareCardSvg, themeTokens } from '../lib/share/card.ts';
import { loadContent } from '../loaders/read-content.ts';

export const GET: APIRoute = () => {
  const content = loadContent();
  const scene = sceneFor(CARD_CHART.chart, content, { state: CARD_CHART.state }, 'wide');
  const svg = shareCardSvg(content.article, scene, chartCss, themeTokens(globalCss));
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: 1200 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
