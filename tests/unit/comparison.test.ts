import { describe, expect, it } from 'vitest';
import { sceneFor } from '../../src/build/charts/build.ts';
import { chartSourceIds } from '../../src/build/charts/sources.ts';
import { describeDivergingBars, FAINT_OPACITY, litMonths } from '../../src/build/charts/comparison.ts';
import type { DivergingBarsChart } from '../../src/build/content/charts-schema.ts';
import { estimateTextWidth } from '../../src/build/charts/marks.ts';
import { ASCENT, DESCENT } from '../../src/build/charts/boxes.ts';
import type { Mark, Scene } from '../../src/shared/chart-types.ts';
import { percentChange } from '../../src/build/format/numbers.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const content = loadContent();
const comparison = content.charts.charts['comparison'] as DivergingBarsChart;
const scene = (state: string, layout: 'narrow' | 'wide' = 'narrow') =>
  sceneFor('comparison', content, { state }, layout);
const mark = (s: Scene, key: string): Mark => {
  const m = s.marks.find((x) => x.key === key);
  if (!m) throw new Error(`no mark ${key} in ${s.state} ${s.layout}`);
  return m;
};
const num = (m: Mark, attr: string) => Number(m.attrs[attr]);

describe('the story: the year-on-year data', () => {
  it('has March and April 2022, each for all destinations and for Russia, as facts.md gives them (F5, F7, F16, F17)', () => {
    expect(content.yearOnYear.map((c) => `${c.month} ${c.series} ${c.changePct}`)).toEqual([
      '2022-03 all-destinations 14.7',
      '2022-03 russia -7.7',
      '2022-04 all-destinations 3.9',
      '2022-04 russia -25.9',
    ]);
  });

  it('gives for Russia what the monthly series gives, year on year, rounded to one decimal', () => {
    const byDate = new Map(content.series.map((p) => [p.date, p.value]));
    const wrong = content.yearOnYear
      .filter((c) => c.series === 'russia')
      .flatMap((c) => {
        const now = byDate.get(`${c.month}-01`);
        const then = byDate.get(`${Number(c.month.slice(0, 4)) - 1}${c.month.slice(4)}-01`);
        const computed = now && then ? Number(percentChange(then, now).toFixed(1)) : NaN;
        return computed === c.changePct
          ? []
          : [`year-on-year-exports.csv, ${c.month} russia: says ${c.changePct}, the monthly series gives ${computed}`];
      });
    expect(wrong).toEqual([]);
  });
});

describe('the story: litMonths(changes, comparison, state)', () => {
  it('lights March alone in the march state and both months in the april state', () => {
    expect(litMonths(content.yearOnYear, comparison, 'march')).toEqual(['2022-03']);
    expect(litMonths(content.yearOnYear, comparison, 'april')).toEqual(['2022-03', '2022-04']);
  });
  it('throws on a state named after no month in the data', () => {
    expect(() => litMonths(content.yearOnYear, comparison, 'may')).toThrow(/no state "may"/);
  });
});

describe('the story: the comparison chart (diverging bars)', () => {
  for (const layout of ['narrow', 'wide'] as const) {
    const april = scene('april', layout);
    const zero = num(mark(april, 'zero-2022-03'), 'x1');

    it(`${layout}: a bar that rose grows right of the zero line, one that fell grows left, in proportion`, () => {
      const px = (key: string) => num(mark(april, `bar-${key}`), 'width');
      for (const c of content.yearOnYear) {
        const bar = mark(april, `bar-${c.month}-${c.series}`);
        if (c.changePct >= 0) expect(num(bar, 'x'), bar.key).toBeCloseTo(zero, 0);
        else expect(num(bar, 'x') + num(bar, 'width'), bar.key).toBeCloseTo(zero, 0);
      }
      // -25.9 against +14.7: the bars' lengths keep the ratio (to the 0.1 px the marks are rounded to).
      expect(px('2022-04-russia') / px('2022-03-all-destinations')).toBeCloseTo(25.9 / 14.7, 1);
    });

    it(`${layout}: labels the figures with their sign and a true minus`, () => {
      const labels = content.yearOnYear.map((c) => mark(april, `value-${c.month}-${c.series}`).text);
      expect(labels).toEqual(['+14.7%', '\u22127.7%', '+3.9%', '\u221225.9%']);
    });

    it(`${layout}: puts each figure beyond its bar's end and each name across the zero line`, () => {
      for (const c of content.yearOnYear) {
        const key = `${c.month}-${c.series}`;
        const bar = mark(april, `bar-${key}`);
        const value = mark(april, `value-${key}`);
        const name = mark(april, `name-${key}`);
        if (c.changePct >= 0) {
          expect(num(value, 'x'), key).toBeGreaterThan(num(bar, 'x') + num(bar, 'width'));
          expect(value.attrs['text-anchor']).toBe('start');
          expect(num(name, 'x'), key).toBeLessThan(zero);
        } else {
          expect(num(value, 'x'), key).toBeLessThan(num(bar, 'x'));
          expect(value.attrs['text-anchor']).toBe('end');
          expect(num(name, 'x'), key).toBeGreaterThan(zero);
        }
      }
    });
  }

  it('keeps every label inside the 360 px chart, with room for bold type in a wide fallback font', () => {
    for (const state of ['march', 'april']) {
      const s = scene(state, 'narrow');
      expect(s.width).toBe(360);
      for (const m of s.marks.filter((x) => x.tag === 'text')) {
        const size = Number(m.attrs['font-size']);
        const width = estimateTextWidth(m.text ?? '', size) * 1.2;
        const anchor = m.attrs['text-anchor'];
        const x0 = num(m, 'x') - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
        expect(x0, `${state} ${m.key}`).toBeGreaterThanOrEqual(0);
        expect(x0 + width, `${state} ${m.key}`).toBeLessThanOrEqual(360);
        expect(num(m, 'y') - size, `${state} ${m.key}`).toBeGreaterThanOrEqual(0);
        expect(num(m, 'y'), `${state} ${m.key}`).toBeLessThanOrEqual(s.height);
      }
    }
  });

  it('lights only March in the march state: April faint, its figures hidden', () => {
    const march = scene('march');
    expect(Number(mark(march, 'bar-2022-03-russia').attrs['opacity'])).toBe(1);
    expect(Number(mark(march, 'value-2022-03-russia').attrs['opacity'])).toBe(1);
    expect(Number(mark(march, 'bar-2022-04-russia').attrs['opacity'])).toBe(FAINT_OPACITY);
    expect(Number(mark(march, 'value-2022-04-russia').attrs['opacity'])).toBe(0);
    expect(Number(mark(march, 'month-2022-04').attrs['opacity'])).toBe(FAINT_OPACITY);
    expect(FAINT_OPACITY).toBeLessThanOrEqual(0.75);
  });

  for (const layout of ['narrow', 'wide'] as const) {
    it(`${layout}: is as tall as its bars and words, with no empty band at its head or foot, one height in every state`, () => {
      const heights = new Set<number>();
      for (const state of ['march', 'april']) {
        const s = scene(state, layout);
        heights.add(s.height);
        const texts = s.marks.filter((m) => m.tag === 'text');
        const top = Math.min(...texts.map((m) => num(m, 'y') - num(m, 'font-size') * ASCENT));
        const bottom = Math.max(
          ...texts.map((m) => num(m, 'y') + num(m, 'font-size') * DESCENT),
          ...s.marks.filter((m) => m.tag === 'rect').map((m) => num(m, 'y') + num(m, 'height')),
        );
        // No more than the frame's margin (16 units at most) and a few units of the type's own room.
        expect(top, `${state} ${layout}: empty above`).toBeLessThanOrEqual(24);
        expect(s.height - bottom, `${state} ${layout}: empty below`).toBeLessThanOrEqual(24);
      }
      expect(heights.size).toBe(1);
    });
  }

  it('keeps the same marks in every state, so the player tweens them by key', () => {
    const keys = (s: Scene) => s.marks.map((m) => m.key).sort();
    expect(keys(scene('march'))).toEqual(keys(scene('april')));
    expect(keys(scene('march', 'wide'))).toEqual(keys(scene('april', 'wide')));
  });

  it('titles each state with its month’s finding, and subtitles it with what the change compares', () => {
    expect(scene('march').title).toBe('March 2022: China’s exports rose 14.7% overall but fell 7.7% to Russia');
    expect(scene('april').title).toBe('April 2022: China’s exports rose 3.9% overall but fell 25.9% to Russia');
    expect(scene('april').subtitle).toBe('Change on the same month a year earlier');
  });

  it('says in its text alternative every figure the state shows, and what it leaves faint', () => {
    const march = describeDivergingBars(content.yearOnYear, comparison, 'march', content.ui);
    expect(march).toContain('March 2022: all destinations +14.7%, Russia \u22127.7%.');
    expect(march).toContain('April 2022: drawn faded, without figures.');
    expect(march).not.toContain('25.9');
    const april = describeDivergingBars(content.yearOnYear, comparison, 'april', content.ui);
    expect(april).toContain('April 2022: all destinations +3.9%, Russia \u221225.9%.');
    expect(april).not.toContain('faded');
  });
});

describe('the story: chartSourceIds(comparison)', () => {
  it('cites the reports for all destinations, then for Russia, then the monthly series', () => {
    expect(chartSourceIds('comparison', content)).toEqual(['S53', 'S54', 'S22', 'S23', 'D1']);
  });
});
