import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/build/content/errors.ts';
import { computeFigure, figureDisplays, unmatchedFigures, type Figure } from '../../src/build/content/figures.ts';
import { parseYearOnYear } from '../../src/build/content/year-on-year.ts';
import { loadContent, readRawContent } from '../../src/build/content/read-content.ts';

const content = loadContent();
const FILE = 'content/data/year-on-year-exports.csv';
const raw = readRawContent('content').data.find((f) => f.file.endsWith('year-on-year-exports.csv'))!.text;
const checks = {
  seriesIds: ['all-destinations', 'russia'],
  matches: 'russia',
  series: content.series,
  seriesFile: 'content/data/china-exports-to-russia-monthly.csv',
  sourceIds: new Set(content.sources.map((s) => s.id)),
  sourcesFile: 'content/sources.yaml',
};
const problemsIn = (text: string) => parseYearOnYear(FILE, text, checks).problems.map(describeProblem);

describe('parseYearOnYear', () => {
  it('accepts the file as it is', () => {
    expect(problemsIn(raw)).toEqual([]);
  });

  it('rejects a Russia figure the monthly series does not give, naming the line, the field and the right figure', () => {
    expect(problemsIn(raw.replace('2022-04,russia,-25.9', '2022-04,russia,-25.8'))).toEqual([
      `${FILE}, entry "line 5 (2022-04 russia)", field "change_pct": expected -25.9, the change from 2021-04 to 2022-04 in content/data/china-exports-to-russia-monthly.csv, rounded to one decimal, got "-25.8"`,
    ]);
  });

  it('rejects an unknown series, a figure that is not a number and an unlisted source, each by line and field', () => {
    const text = raw
      .replace('2022-03,all-destinations', '2022-03,everywhere')
      .replace('3.9,S54', '3.9%,S54')
      .replace('S23;D1', 'S23;S404');
    const problems = problemsIn(text);
    expect(problems).toContainEqual(expect.stringContaining('entry "line 2 (2022-03 everywhere)", field "series"'));
    expect(problems).toContainEqual(
      expect.stringContaining('entry "line 4 (2022-04 all-destinations)", field "change_pct"'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'entry "line 5 (2022-04 russia)", field "sources.1": expected a source id listed in content/sources.yaml, got "S404"',
      ),
    );
  });

  it('rejects a month given twice for a series, once', () => {
    expect(problemsIn(raw.replace('2022-04,all-destinations', '2022-03,all-destinations'))).toEqual([
      expect.stringContaining(
        'entry "line 4 (2022-03 all-destinations)", field "series": expected one row per month and series (already on line 2)',
      ),
    ]);
  });

  it('rejects a month without both series', () => {
    expect(problemsIn(raw.replace(/2022-04,all-destinations[^\n]*\n/, ''))).toEqual([
      `${FILE}, entry "month 2022-04", field "series": expected a row for all-destinations`,
    ]);
  });

  it('rejects a month written as a date', () => {
    expect(problemsIn(raw.replace('2022-03,russia', '2022-03-01,russia'))).toEqual([
      expect.stringContaining('field "month": expected a month written YYYY-MM, got "2022-03-01"'),
    ]);
  });
});

describe('figures read from the year-on-year data', () => {
  const all = (month: string): Figure => ({
    id: `all-${month}`,
    data: { measure: 'year-on-year-exports', month, series: 'all-destinations' },
    sources: ['S53'],
  });

  it('state the reported figure as prose does', () => {
    expect(computeFigure(all('2022-03').data!, content.series, content.yearOnYear)).toBe('14.7%');
    expect(computeFigure(all('2022-04').data!, content.series, content.yearOnYear)).toBe('3.9%');
  });

  it('name the sentence that goes wrong when the CSV changes', () => {
    const prose = 'In March, China’s exports rose 14.7% on a year earlier.';
    const displays = figureDisplays([all('2022-03')], content.series, content.yearOnYear);
    expect(unmatchedFigures(prose, displays)).toEqual([]);
    const edited = content.yearOnYear.map((c) => (c.series === 'all-destinations' ? { ...c, changePct: 15.7 } : c));
    expect(unmatchedFigures(prose, figureDisplays([all('2022-03')], content.series, edited))).toEqual([
      { sentence: prose, figure: '14.7%' },
    ]);
  });

  it('say which row is missing rather than guess', () => {
    expect(() => computeFigure(all('2022-05').data!, content.series, content.yearOnYear)).toThrow(
      /no all-destinations row for 2022-05/,
    );
  });
});
