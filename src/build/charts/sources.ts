import type { Content } from '../content/check-content.ts';
import { chartConfig, type ChartName } from './registry.ts';

/**
 * The sources a chart's source line cites: what charts.yaml lists for a series chart, each bar's sources
 * for ranked bars, each row's for diverging bars. A timeline cites none itself: each event carries its own.
 */
export function chartSourceIds(
  chart: ChartName,
  content: Pick<Content, 'charts' | 'categories' | 'yearOnYear' | 'sources'>,
): string[] {
  const config = chartConfig(content.charts, chart);
  switch (config.kind) {
    case 'series':
      return [...config.sources];
    case 'ranked-bars':
      return [...new Set(content.categories.flatMap((c) => c.sources))];
    case 'diverging-bars': {
      // Reports in the order of the series they back (a source backing two counts with the later); the
      // datasets shipped with the story last.
      const ids = [...new Set(content.yearOnYear.flatMap((c) => c.sources))];
      const order = config.series.map((s) => s.id);
      const rank = (id: string) =>
        content.sources.some((s) => s.id === id && s.file !== undefined)
          ? order.length
          : Math.max(
              0,
              ...content.yearOnYear.filter((c) => c.sources.includes(id)).map((c) => order.indexOf(c.series)),
            );
      return ids.sort((a, b) => rank(a) - rank(b));
    }
    default:
      return [];
  }
}
