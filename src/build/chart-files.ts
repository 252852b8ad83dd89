/**
 * Step figures as standalone SVG files (built by src/pages/charts/[chart]/[figure].svg.ts): only readers
 * without JavaScript, article mode and print see them, so the page links them as lazy <img> instead of
 * carrying their markup. The sticky graphic stays inline and animated.
 */
import type { ChartName } from './charts/registry.ts';
import type { LayoutName } from '../shared/chart-types.ts';

/** A file-name-safe view key (see viewKey): "overview@a+b" becomes "overview--a--b". */
export function chartFileName(viewKey: string, layout: LayoutName): string {
  return `${viewKey.replace(/[@+]/g, '--')}-${layout}`;
}

/** The figure's URL under the site's base. */
export function chartFileUrl(base: string, chart: ChartName, viewKey: string, layout: LayoutName): string {
  return `${base.endsWith('/') ? base : `${base}/`}charts/${chart}/${chartFileName(viewKey, layout)}.svg`;
}
