import { scaleBand, scaleLinear } from 'd3-scale';
import { fill, type RankedBarsChart } from '../content/charts-schema.ts';
import type { CategoryDrop } from '../content/csv.ts';
import { frame } from './frame.ts';
import { estimateTextWidth, line, path, rect, text } from './marks.ts';
import type { LayoutName, Mark, Scene } from '../../shared/chart-types.ts';

/** How many categories a state shows: each state adds its own bar to the ones before it. */
export function shownCount(drops: readonly CategoryDrop[], state: string): number {
  const i = drops.findIndex((d) => d.id === state);
  if (i < 0) throw new Error(`ranked-bars chart has no state "${state}"`);
  return i + 1;
}

/** The CSV's wording as the chart says it: each `replace` of charts.yaml, with the space before it. */
function plain(wording: string, config: RankedBarsChart): string {
  return config.replace.reduce((w, r) => w.replace(` ${r.from}`, ` ${r.to}`).replace(r.from, r.to), wording);
}

/** Horizontal bars of how far each category fell; bars grow in state by state. */
export function rankedBarsScene(
  rawDrops: readonly CategoryDrop[],
  state: string,
  layout: LayoutName,
  config: RankedBarsChart,
  chart: string,
): Scene {
  const drops = rawDrops.map((d) => ({ ...d, wording: plain(d.wording, config) }));
  const shown = shownCount(drops, state);
  const narrow = layout === 'narrow';
  // Labels sit above each bar on phones, beside it on wider screens.
  const f = frame(
    layout,
    narrow ? { left: 12, right: 18, top: 16, bottom: 34 } : { left: 190, right: 40, top: 20, bottom: 38 },
  );
  const x = scaleLinear()
    .domain([0, 100])
    .range([f.left, f.width - f.right]);
  const band = scaleBand()
    .domain(drops.map((d) => d.id))
    .range([f.top, f.height - f.bottom])
    .paddingInner(narrow ? 0.25 : 0.35)
    .paddingOuter(0.1);
  const marks: Mark[] = [];

  for (const tick of [0, 25, 50, 75, 100]) {
    marks.push(
      line(`grid-${tick}`, 'grid', {
        class: tick === 0 ? 'axis-line' : 'grid-line',
        x1: x(tick),
        x2: x(tick),
        y1: f.top,
        y2: f.height - f.bottom,
      }),
    );
    // Phones: every other label only, so −75% and −100% never touch.
    if (narrow && tick % 50 !== 0) continue;
    marks.push(
      text(`xtick-${tick}`, 'grid', tick === 0 ? '0%' : `\u2212${tick}%`, {
        class: 'tick-label',
        x: x(tick),
        y: f.height - f.bottom + f.small + 6,
        'text-anchor': tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle',
        'font-size': f.small,
      }),
    );
  }

  drops.forEach((d, i) => {
    const visible = i < shown;
    const top = band(d.id) ?? 0;
    const h = band.bandwidth();
    const barTop = narrow ? top + h * 0.45 : top;
    const barH = narrow ? h * 0.55 : h;
    const size = Math.min(100, Math.abs(d.change));
    const current = i === shown - 1;
    marks.push(
      rect(`bar-${d.id}`, 'data', {
        class: `bar${current ? ' bar-current' : ''}${d.id === config.total ? ' bar-total' : ''}`,
        x: x(0),
        y: barTop,
        width: visible ? x(size) - x(0) : 0,
        height: barH,
      }),
    );
    const labelY = narrow ? top + h * 0.45 - 5 : top + h / 2 + f.font * 0.35;
    marks.push(
      text(`name-${d.id}`, 'label', d.label, {
        class: 'category-label',
        // Phones: above its bar, clear of the 0% line it would otherwise start on.
        x: narrow ? f.left + 5 : f.left - 10,
        y: labelY,
        'text-anchor': narrow ? 'start' : 'end',
        'font-size': f.font,
        // A row's name comes in with its bar: a name over an empty row reads as a bar that failed to draw.
        opacity: visible ? 1 : 0,
      }),
    );
    if (visible) {
      const end = x(size);
      const valueY = barTop + barH / 2 + f.font * 0.35;
      // "More than 40%": an open end shows the bar is a floor, not the exact figure.
      if (d.qualifier === 'more than') {
        const tip = Math.min(end + 12, f.width - f.right + 8);
        marks.push(
          path(`open-end-${d.id}`, 'annotation', {
            class: 'open-end',
            d: `M${end},${barTop}L${tip},${barTop + barH / 2}L${end},${barTop + barH}`,
          }),
        );
      }
      const inside = end - x(0) > estimateTextWidth(d.wording, f.font) + 16;
      marks.push(
        text(`value-${d.id}`, 'label', d.wording, {
          class: inside ? 'value-label value-inside' : 'value-label',
          x: inside ? end - 8 : end + (d.qualifier === 'more than' ? 18 : 8),
          y: valueY,
          'text-anchor': inside ? 'end' : 'start',
          'font-size': f.font,
        }),
      );
    }
  });

  const current = drops[shown - 1]!;
  return {
    chart,
    state,
    layout,
    width: f.width,
    height: f.height,
    title: fill(config.title, { label: current.label, wording: current.wording, comparison: current.comparison }),
    subtitle: fill(config.subtitle, { comparison: current.comparison }),
    description: describeRankedBars(rawDrops, state, config),
    marks,
  };
}

export function describeRankedBars(rawDrops: readonly CategoryDrop[], state: string, config: RankedBarsChart): string {
  const drops = rawDrops.map((d) => ({ ...d, wording: plain(d.wording, config) }));
  const shown = drops.slice(0, shownCount(drops, state));
  const items = shown.map((d) => `${d.label}: ${d.wording}`).join('; ');
  return `${fill(config.describe, { comparison: shown[0]?.comparison ?? '' })} ${items}.`;
}
