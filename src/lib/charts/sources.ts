import type { Content } from '../content/check-content.ts';
import type { ChartName } from './registry.ts';

/**
 * The sources a chart's source line cites: the monthly series for the exports line, each category's
 * sources for the bars, each year-on-year row's for the comparison. The timeline cites none itself: each event carries its own.
 */
export function chartSourceIds(chart: ChartName, content: Pick<Content, 'categories' | 'yearOnYear'>): string[] {
  switch (chart) {
    case 'exports':
      return ['D1'];
    case 'categories':
      return [...new Set(content.categories.flatMap((c) => c.sources))];
    case 'comparison': {
      // Reports first, all destinations before Russia; shipped datasets (D1) last.
      const ids = [...new Set(content.yearOnYear.flatMap((c) => c.sources))];
      const rank = (id: string) =>
        id.startsWith('D')
          ? 2
          : content.yearOnYear.some((c) => c.series === 'russia' && c.sources.includes(id))
            ? 1
            : 0;
      return ids.sort((a, b) => rank(a) - rank(b));
    }
    default:
      return [];
  }
}
