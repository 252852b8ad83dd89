/**
 * The share card (Open Graph / Twitter, 1200x630) as SVG: the story's headline and dek beside its key
 * chart, drawn by the same renderer as the page. Pure: the page endpoint rasterises it to PNG at build.
 */
import { estimateTextWidth, wrapLabel } from '../charts/marks.ts';
import { escapeXml, renderSvg } from '../charts/render-svg.ts';
import type { Scene } from '../../shared/chart-types.ts';
import { resolveTokens } from '../theme-tokens.ts';

export const CARD = { width: 1200, height: 630 } as const;

export interface CardText {
  kicker?: string | undefined;
  headline: string;
  /** One or two sentences under the headline (the story's description: shorter than its dek). */
  description: string;
  publication: string;
  /** The source line under the chart (charts.yaml's `share.source`). */
  source: string;
}

/** Lines of at most `width` units at `size`, by the same width estimate the charts use. */
function fit(text: string, size: number, width: number): string[] {
  const perChar = estimateTextWidth('abcdefghij klmnopqrs', size) / 20;
  return wrapLabel(text, Math.floor(width / perChar));
}

const SERIF = "'Liberation Serif', 'DejaVu Serif', Georgia, serif";
const SANS = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

export function shareCardSvg(text: CardText, chart: Scene, chartCss: string, tokens: Record<string, string>): string {
  const bg = tokens['bg'] ?? '#ffffff';
  const ink = tokens['text'] ?? '#000000';
  const muted = tokens['muted'] ?? '#555555';
  const accent = tokens['highlight'] ?? '#0a7a5c';
  const left = 64;
  const columnWidth = 470;
  const headlineSize = text.headline.length > 24 ? 64 : 84;
  const headline = fit(text.headline, headlineSize, columnWidth);
  const dekTop = 150 + headline.length * headlineSize * 1.05 + 24;
  // As many lines as fit above the footer; a longer text ends with an ellipsis rather than running over it.
  const maxLines = Math.floor((CARD.height - 80 - dekTop) / (27 * 1.35));
  const lines = fit(text.description, 27, columnWidth);
  const dek = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1] ?? ''}…`] : lines;
  const tspans = (lines: string[], x: number, lineHeight: number) =>
    lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(l)}</tspan>`).join('');
  const chartX = 580;
  const chartWidth = CARD.width - chartX - 48;
  const chartHeight = (chartWidth * chart.height) / chart.width;
  const chartY = 120;
  const chartSvg = renderSvg(chart, {
    id: 'card-chart',
    rootAttrs: { x: chartX, y: chartY + 40, width: chartWidth, height: chartHeight },
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">`,
    `<style>${resolveTokens(chartCss, tokens)} .chart text { font-family: ${SANS}; }</style>`,
    `<rect width="100%" height="100%" fill="${bg}"/>`,
    `<rect x="0" y="0" width="${CARD.width}" height="10" fill="${accent}"/>`,
    text.kicker
      ? `<text x="${left}" y="96" font-family="${SANS}" font-size="24" font-weight="700" fill="${muted}">${escapeXml(text.kicker.split('·')[0]?.trim() ?? '')}</text>`
      : '',
    `<text x="${left}" y="${150 + headlineSize * 0.8}" font-family="${SERIF}" font-size="${headlineSize}" font-weight="700" fill="${ink}">${tspans(headline, left, headlineSize * 1.05)}</text>`,
    `<text x="${left}" y="${dekTop + 27}" font-family="${SERIF}" font-size="27" fill="${ink}">${tspans(dek, left, 27 * 1.35)}</text>`,
    `<text x="${chartX}" y="${chartY + 10}" font-family="${SANS}" font-size="26" font-weight="700" fill="${ink}">${escapeXml(chart.title)}</text>`,
    chartSvg,
    `<text x="${left}" y="${CARD.height - 40}" font-family="${SANS}" font-size="24" font-weight="700" fill="${accent}">${escapeXml(text.publication)}</text>`,
    `<text x="${CARD.width - 48}" y="${CARD.height - 40}" text-anchor="end" font-family="${SANS}" font-size="20" fill="${muted}">${escapeXml(text.source)}</text>`,
    '</svg>',
  ].join('');
}
