/**
 * The teaching page's content: the answer key against the data, the lesson plans' minutes, the plain
 * summary's reading level, the glossary against the story, the title's verbs, and every quotation and
 * figure on the page against the registries.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/build/content/check-content.ts';
import { parseMonthlySeries, type MonthlyPoint } from '../../src/build/content/csv.ts';
import { figureDisplays, figureSchema, unmatchedFigures, type Figure } from '../../src/build/content/figures.ts';
import { readability } from '../../src/build/content/readability.ts';
import type { Teach } from '../../src/build/content/teach-schema.ts';
import { describeActivityFigure, formatActivityFigure } from '../../src/build/teach/activity-figures.ts';
import { stepTimes, teachTitle } from '../../src/build/teach/text.ts';
import { loadContent, readRawContent } from '../../src/build/content/read-content.ts';
import { UNSUPPORTED_VERBS } from '../story-rules.ts';

const content = loadContent();
const teach = content.teach!;
const FILE = 'content/teach.md';
const facts = readFileSync('content/reference/facts.md', 'utf8');
const registry: Figure[] = (parse(readFileSync('content/figures.yaml', 'utf8')) as unknown[]).map((f) =>
  figureSchema.parse(f),
);

/** Every answer that states computed figures, with the field it lives in. */
function keyedAnswers(t: Teach = teach) {
  return [
    ...t.activity.steps.map((s, i) => ({ field: `activity.steps.${i}`, answer: s.answer, figures: s.figures })),
    { field: 'activity.stretch', answer: t.activity.stretch.answer, figures: t.activity.stretch.figures },
  ];
}

/** Figures the answer key states that the data no longer give: one message each, naming the field. */
function staleKeyFigures(series: readonly MonthlyPoint[], t: Teach = teach): string[] {
  return keyedAnswers(t).flatMap(({ field, answer, figures }) =>
    figures.flatMap((f, j) => {
      const now = formatActivityFigure(f, series);
      return answer.includes(now)
        ? []
        : [
            `${FILE}, field "${field}.figures.${j}" (${describeActivityFigure(f)}): the data give ${now}, which ${field}.answer does not state`,
          ];
    }),
  );
}

/** Every string in the teaching page's content, with its field, walked from the frontmatter. */
function allTexts(value: unknown = teach, path = ''): { field: string; text: string }[] {
  if (typeof value === 'string') return [{ field: path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => allTexts(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => allTexts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** The CSV's line number for each month: what a student sees as the spreadsheet's row. */
function csvRows(): Map<string, number> {
  const lines = readFileSync('content/data/china-exports-to-russia-monthly.csv', 'utf8').split(/\r?\n/);
  return new Map(lines.map((l, i) => [l.slice(0, 7), i + 1]));
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('the answer key', () => {
  it('states every figure of the data activity as the CSV gives it now', () => {
    expect(keyedAnswers().flatMap((a) => a.figures).length).toBeGreaterThanOrEqual(10);
    expect(staleKeyFigures(content.series)).toEqual([]);
  });

  it('names the field that goes wrong when a CSV value changes', () => {
    const raw = readRawContent('content').data.find((f) => f.file.endsWith('china-exports-to-russia-monthly.csv'))!;
    const edited = raw.text.replace(/^2022-03-01,[\d.]+$/m, '2022-03-01,4500000000.00');
    expect(edited).not.toBe(raw.text);
    const stale = staleKeyFigures(parseMonthlySeries(raw.file, edited).points);
    // March 2022 is in steps 1 and 2: its value, its fall on February and on March 2021.
    expect(stale).toContainEqual(
      expect.stringContaining('field "activity.steps.0.figures.1" (value 2022-03): the data give $4.50bn'),
    );
    expect(stale).toContainEqual(
      expect.stringContaining('field "activity.steps.0.figures.2" (month-on-month 2022-03)'),
    );
    expect(stale).toContainEqual(expect.stringContaining('field "activity.steps.1.figures.1" (year-on-year 2022-03)'));
  });

  it('has a model answer for every discussion question', () => {
    for (const [i, q] of teach.questions.entries())
      expect(q.answer.length, `questions.${i}.answer`).toBeGreaterThan(100);
  });

  it('sends students to the rows of the spreadsheet where each month is', () => {
    const rows = csvRows();
    const refs = allTexts().flatMap(({ field, text }) =>
      [...text.matchAll(new RegExp(`\\b(${MONTH_NAMES.join('|')}) (\\d{4})\\D{0,12}?\\brow (\\d+)`, 'g'))].map((m) => ({
        field,
        month: `${m[2]}-${String(MONTH_NAMES.indexOf(m[1]!) + 1).padStart(2, '0')}`,
        row: Number(m[3]),
      })),
    );
    expect(refs.length).toBeGreaterThanOrEqual(10);
    const wrong = refs
      .filter((r) => rows.get(r.month) !== r.row)
      .map(
        (r) => `${FILE}, field "${r.field}": ${r.month} is in row ${rows.get(r.month) ?? '(none)'}, not row ${r.row}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe('figures and quotations on the teaching page', () => {
  it('every figure matches content/figures.yaml or the answer key’s computed figures', () => {
    const displays = figureDisplays(registry, content.series, content.yearOnYear);
    for (const { figures } of keyedAnswers())
      for (const f of figures) displays.set(formatActivityFigure(f, content.series), 'key');
    const texts = [...allTexts(), { field: '(body)', text: teach.activityMarkdown }];
    const wrong = texts.flatMap(({ field, text }) =>
      unmatchedFigures(text, displays).map((u) => `${FILE}, field "${field}": "${u.sentence}" states ${u.figure}`),
    );
    expect(wrong).toEqual([]);
  });

  it('quotes only words facts.md puts in quotation marks, exactly', () => {
    const quoted = allTexts().flatMap(({ field, text }) =>
      [...text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((m) => ({
        field,
        quote: (m[1] ?? m[2] ?? '').replace(/[,.]$/, ''),
      })),
    );
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    // The title puts the story's headline in quotation marks: a name, not a quotation.
    expect(quoted.filter((q) => q.quote !== '{headline}' && !facts.includes(q.quote))).toEqual([]);
  });
});

describe('the lesson plans', () => {
  const lessons = teach.plans.flatMap((p) => p.lessons.map((l) => ({ plan: p.name, ...l })));

  it('offer one 45–50 minute lesson and a two-lesson variant', () => {
    expect(teach.plans.map((p) => p.lessons.length).sort()).toEqual([1, 2]);
    for (const l of lessons) {
      expect(l.minutes, l.title).toBeGreaterThanOrEqual(45);
      expect(l.minutes, l.title).toBeLessThanOrEqual(50);
    }
  });

  it('have steps whose minutes sum to the lesson’s length, and times that end on the bell', () => {
    for (const l of lessons) {
      const minutes = l.steps.map((s) => s.minutes);
      expect(
        minutes.reduce((a, b) => a + b, 0),
        l.title,
      ).toBe(l.minutes);
      expect(stepTimes(minutes).at(-1), l.title).toBe(`${l.minutes - minutes.at(-1)!}–${l.minutes}`);
    }
  });

  it('refuse a lesson whose steps do not add up, naming the field', () => {
    const raw = readRawContent('content');
    const broken = raw.teach!.text.replace(/(\n {10}- minutes: )5\n/, '$16\n');
    expect(broken).not.toBe(raw.teach!.text);
    expect(() => checkContent({ ...raw, teach: { ...raw.teach!, text: broken } })).toThrow(
      /content\/teach\.md, entry "teach", field "plans\.0\.lessons\.0\.minutes": expected the sum of its steps' minutes \(6 \+ 15/,
    );
  });

  it('refuse a rubric row without a descriptor for each level, naming the field', () => {
    const raw = readRawContent('content');
    const broken = raw.teach!.text.replace(/\n {8}- Copies figures from the story[^\n]*/, '');
    expect(broken).not.toBe(raw.teach!.text);
    expect(() => checkContent({ ...raw, teach: { ...raw.teach!, text: broken } })).toThrow(
      /field "rubric\.criteria\.0\.descriptors": expected one descriptor for each of the 4 levels/,
    );
  });

  it('point only at questions and activity steps that exist', () => {
    const texts = allTexts().filter((t) => t.field.startsWith('plans') || t.field.startsWith('standards'));
    const refs = texts.flatMap(({ field, text }) =>
      [...text.matchAll(/\b(questions?|steps?) ((?:\d+(?:, | and | to )?)+)/g)].flatMap((m) =>
        [...m[2]!.matchAll(/\d+/g)].map((n) => ({ field, kind: m[1]!.replace(/s$/, ''), n: Number(n[0]) })),
      ),
    );
    expect(refs.length).toBeGreaterThanOrEqual(10);
    const max = { question: teach.questions.length, step: teach.activity.steps.length };
    expect(refs.filter((r) => r.n < 1 || r.n > max[r.kind as keyof typeof max])).toEqual([]);
  });
});

describe('support for every reader', () => {
  it('has a plain summary well below the story’s reading level (Flesch-Kincaid grade at most 6)', () => {
    const level = readability(teach.simpleSummary);
    expect(level.grade).toBeLessThanOrEqual(6);
    expect(level.wordsPerSentence).toBeLessThanOrEqual(12);
  });

  it('gives spreadsheet help for each step that needs the file, and a stretch task with its answer', () => {
    const withHelp = teach.activity.steps.filter((s) => s.help.length > 0);
    expect(withHelp.length).toBeGreaterThanOrEqual(teach.activity.steps.length - 1);
    expect(teach.activity.stretch.task.length).toBeGreaterThan(100);
  });
});

describe('words the teaching page shares with the story', () => {
  const story = readdirSync('content/story')
    .filter((n) => n.endsWith('.md'))
    .map((n) => readFileSync(join('content/story', n), 'utf8'))
    .join('\n')
    .toLowerCase()
    .replace(/-/g, ' ');
  /** "Parallel imports" is used if the story says "parallel import", "Curtail" if it says "curtailing". */
  const stem = (term: string) => term.toLowerCase().replace(/-/g, ' ').replace(/s$/, '');

  it('glossary: every term is one the story uses', () => {
    expect(teach.glossary.map((g) => g.term).filter((t) => !new RegExp(`\\b${stem(t)}`).test(story))).toEqual([]);
  });

  it('title: says what the firms did, with no verb the facts do not support', () => {
    const title = teachTitle(teach.title, content.article.headline);
    expect(title).toContain(content.article.headline);
    expect(title).not.toContain('{');
    expect(title).not.toMatch(UNSUPPORTED_VERBS);
    for (const { field, text } of allTexts().filter((t) => /title|name/.test(t.field))) {
      expect(text, field).not.toMatch(UNSUPPORTED_VERBS);
    }
  });
});

describe('curriculum standards', () => {
  it('are each listed once, from one framework, with their text and how the lesson serves them', () => {
    const codes = teach.standards.items.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(teach.standards.framework).toBe(
      'Common Core State Standards for English Language Arts & Literacy in History/Social Studies, Science, and Technical Subjects',
    );
    for (const s of teach.standards.items) expect(s.text, s.code).toMatch(/^[A-Z].*\.$/);
  });
});
