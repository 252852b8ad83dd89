import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { firstYearOnYearRise } from '../../src/build/charts/exports.ts';
import { parseMonthlySeries } from '../../src/build/content/csv.ts';
import { figureDisplays, figureSchema, unmatchedFigures, type Figure } from '../../src/build/content/figures.ts';
import { readRawContent, loadContent } from '../../src/build/content/read-content.ts';

const content = loadContent();
const figures: Figure[] = (parse(readFileSync('content/figures.yaml', 'utf8')) as unknown[]).map((f) =>
  figureSchema.parse(f),
);

/** Every text of the story that can state a figure, with where it lives. */
function storyTexts(c = content): { where: string; markdown: string }[] {
  return [
    ...c.sections.flatMap((s) => [
      { where: `${s.file} (intro)`, markdown: s.intro },
      ...s.steps.map((st) => ({ where: `${s.file} (step ${st.id})`, markdown: st.markdown })),
    ]),
    ...c.events.map((e) => ({
      where: `content/events.yaml (${e.id})`,
      markdown: `${e.headline}. ${e.label}. ${e.summary}`,
    })),
    { where: 'content/article.yaml', markdown: `${c.article.dek} ${c.article.description}` },
    // The teaching page restates the story's figures: hold it to the same registry.
    { where: 'content/teach.md (summary)', markdown: c.teach!.summary },
    ...c.teach!.objectives.map((o, i) => ({ where: `content/teach.md (objectives.${i})`, markdown: o })),
    ...c.teach!.glossary.map((g) => ({ where: `content/teach.md (glossary: ${g.term})`, markdown: g.definition })),
    ...c.teach!.questions.map((q, i) => ({ where: `content/teach.md (questions.${i})`, markdown: q.question })),
    { where: 'content/teach.md (activity)', markdown: c.teach!.activityMarkdown },
  ];
}

function wrongFigures(series = content.series) {
  const displays = figureDisplays(figures, series, content.yearOnYear);
  return storyTexts().flatMap(({ where, markdown }) =>
    unmatchedFigures(markdown, displays).map(
      (u) => `${where}: "${u.sentence}" states ${u.figure}, which no figure in content/figures.yaml or the data says`,
    ),
  );
}

describe('figures in the story', () => {
  it('every registry figure cites listed sources', () => {
    const ids = new Set(content.sources.map((s) => s.id));
    for (const f of figures) for (const s of f.sources) expect(ids.has(s), `${f.id} cites ${s}`).toBe(true);
  });

  it('every figure in the prose matches the data or the facts registry', () => {
    expect(wrongFigures()).toEqual([]);
  });

  it('names the sentence that goes wrong when a CSV value changes', () => {
    const raw = readRawContent('content').data.find((f) => f.file.endsWith('china-exports-to-russia-monthly.csv'))!;
    const edited = raw.text.replace(/^2022-03-01,[\d.]+$/m, '2022-03-01,4500000000.00');
    expect(edited).not.toBe(raw.text);
    const { points } = parseMonthlySeries(raw.file, edited);
    const wrong = wrongFigures(points);
    expect(
      wrong.some((w) => w.includes('step collapse-march') && w.includes('27%') && w.includes('down 27% on February')),
    ).toBe(true);
  });

  it('the data supports what the prose says about it', () => {
    // "From July 2022, every month's exports were higher than in the same month a year earlier."
    expect(firstYearOnYearRise(content.series, '2022-04-01')).toBe('2022-07-01');
    const byDate = new Map(content.series.map((p) => [p.date, p.value]));
    for (const p of content.series.filter((q) => q.date >= '2022-07-01')) {
      const yearBefore = `${Number(p.date.slice(0, 4)) - 1}${p.date.slice(4)}`;
      expect(p.value, p.date).toBeGreaterThan(byDate.get(yearBefore) ?? Infinity);
    }
    // "The highest month in our data was April 2023" and December 2021 beat every month since 2018.
    const peak = content.series.reduce((a, b) => (b.value > a.value ? b : a));
    expect(peak.date).toBe('2023-04-01');
    const before2022 = content.series.filter((p) => p.date < '2022-01-01');
    expect(before2022.reduce((a, b) => (b.value > a.value ? b : a)).date).toBe('2021-12-01');
    // April 2022 was the low point of the spring.
    const spring = content.series.filter((p) => p.date >= '2022-03-01' && p.date <= '2022-06-01');
    expect(spring.reduce((a, b) => (b.value < a.value ? b : a)).date).toBe('2022-04-01');
  });
});
