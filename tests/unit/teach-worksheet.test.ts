import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/build/charts/render-svg.ts';
import { MONTHS, worksheetRows, worksheetScene } from '../../src/build/teach/worksheet.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const { series, teach, ui } = loadContent();
const WORKSHEET_YEARS = teach!.activity.worksheet.years;

describe('the story: the worksheet for the data activity', () => {
  const scene = worksheetScene(series, WORKSHEET_YEARS, 'A blank chart', ui);
  const labels = scene.marks.filter((m) => m.tag === 'text').map((m) => m.text ?? '');

  it('is empty axes: months across, $bn up from zero, and no data drawn', () => {
    expect(labels.filter((l) => (MONTHS as readonly string[]).includes(l))).toEqual([...MONTHS]);
    expect(labels).toContain('$0');
    expect(scene.marks.filter((m) => m.layer === 'data' || m.layer === 'annotation')).toEqual([]);
    expect(scene.marks.some((m) => m.tag === 'path' || m.tag === 'circle' || m.tag === 'rect')).toBe(false);
  });

  it('has room for every value students plot, with a labelled line every $1bn', () => {
    const plotted = series.filter((p) => WORKSHEET_YEARS.some((y) => p.date.startsWith(y)));
    const top = Math.max(...labels.filter((l) => /^\$\d+bn$/.test(l)).map((l) => Number(l.slice(1, -2))));
    expect(top * 1e9).toBeGreaterThanOrEqual(Math.max(...plotted.map((p) => p.value)));
    const dollarLabels = labels.filter((l) => /^\$\d+(bn)?$/.test(l));
    expect(dollarLabels).toHaveLength(top + 1);
  });

  it('renders as an image with a text alternative', () => {
    const svg = renderSvg(scene, { id: 'ws' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<desc id="ws-desc">Empty axes for students to plot on');
  });

  it('lists the values to plot, from the CSV, in $bn to two decimals', () => {
    const rows = worksheetRows(series, WORKSHEET_YEARS);
    expect(rows.map((r) => r.month)).toEqual([...MONTHS]);
    for (const p of series.filter((q) => WORKSHEET_YEARS.some((y) => q.date.startsWith(y)))) {
      const month = Number(p.date.slice(5, 7)) - 1;
      const year = WORKSHEET_YEARS.indexOf(p.date.slice(0, 4));
      expect(rows[month]!.values[year], p.date).toBe((p.value / 1e9).toFixed(2));
    }
  });
});
