import { parse as parseYaml } from 'yaml';
import type { ChartsConfig } from './charts-schema.ts';
import { chartOfKind, checkCharts } from './check-charts.ts';
import { parseCategoryDrops, parseMonthlySeries, type CategoryDrop, type MonthlyPoint } from './csv.ts';
import { checkCitations } from './check-citations.ts';
import { ContentError, show, type ContentProblem } from './errors.ts';
import {
  articleSchema,
  eventSchema,
  sectionSchema,
  sourceSchema,
  teachSchema,
  updateSchema,
  type Article,
  type Event,
  type SectionMeta,
  type Source,
  type StepMeta,
  type Teach,
  type Update,
} from './schemas.ts';
import { unsafeMarkdown } from './markdown-safety.ts';
import { matchStepBlocks, splitSection } from './story-markdown.ts';
import { makeUi, uiSchema, type Ui } from './ui-schema.ts';
import { validateEntry, validateList } from './validate.ts';
import { parseYearOnYear, type YearOnYearChange } from './year-on-year.ts';

/** A content file as read from disk: its path relative to the project, and its text. */
export interface RawFile {
  file: string;
  text: string;
}

export interface RawContent {
  article: RawFile;
  updates: RawFile;
  sources: RawFile;
  events: RawFile;
  /** content/charts.yaml: the charts, their kinds, words and states. */
  charts: RawFile;
  /** content/ui.yaml: the interface's words, by key. */
  ui: RawFile;
  sections: RawFile[];
  /** Every CSV file in content/data/; charts.yaml says which chart reads which. */
  data: RawFile[];
  /** The teaching page, if the story has one. */
  teach?: RawFile | undefined;
}

export interface Step extends StepMeta {
  /** The section the step belongs to. */
  section: string;
  /** The step's text, as markdown. */
  markdown: string;
}

export interface Section extends Omit<SectionMeta, 'steps'> {
  id: string;
  file: string;
  order: number;
  /** Prose before the first step, as markdown. */
  intro: string;
  steps: Step[];
}

export interface Content {
  article: Article & { updated: string };
  updates: Update[];
  sources: Source[];
  events: Event[];
  sections: Section[];
  /** The charts as content/charts.yaml declares them. */
  charts: ChartsConfig;
  /** The data of the story's series chart (empty without one). */
  series: MonthlyPoint[];
  /** The data of its ranked-bars chart. */
  categories: CategoryDrop[];
  /** The data of its diverging-bars chart: each series' change on a year earlier, by month. */
  yearOnYear: YearOnYearChange[];
  /** The teaching page, if the story has one: its frontmatter, and the activity as markdown. */
  teach?: (Teach & { activityMarkdown: string }) | undefined;
  /** The interface's words (content/ui.yaml): `ui(key, vars)`. */
  ui: Ui;
}

/** The file name of a section gives its order and id: `03-the-warnings.md` is section 3, "the-warnings". */
const SECTION_FILE = /(?:^|\/)(\d{2})-([a-z0-9-]+)\.md$/;

function idsIn(list: unknown): Set<string> {
  if (!Array.isArray(list)) return new Set();
  return new Set(list.map((item: unknown) => (item as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string'));
}

function parseYamlFile(f: RawFile, problems: ContentProblem[]): unknown {
  try {
    return parseYaml(f.text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    problems.push({ file: f.file, entry: '(file)', field: '(YAML)', expected: 'valid YAML', got: show(why) });
    return undefined;
  }
}

/**
 * Validates every content file and the references between them, and returns the story's content,
 * or throws one ContentError listing every problem found (file, entry, field, what was expected).
 */
export function checkContent(raw: RawContent): Content {
  const problems: ContentProblem[] = [];

  const articleRaw = parseYamlFile(raw.article, problems);
  const article = validateEntry(articleSchema, raw.article.file, 'article', articleRaw);
  problems.push(...article.problems);

  const updatesRaw = parseYamlFile(raw.updates, problems);
  const updates: Update[] = [];
  if (updatesRaw !== undefined) {
    if (!Array.isArray(updatesRaw)) {
      problems.push({
        file: raw.updates.file,
        entry: '(file)',
        field: '(top level)',
        expected: 'a list of updates',
        got: show(updatesRaw),
      });
    } else {
      updatesRaw.forEach((u: unknown, i) => {
        const r = validateEntry(updateSchema, raw.updates.file, `#${i + 1}`, u);
        problems.push(...r.problems);
        if (r.data) updates.push(r.data);
      });
    }
  }

  const sourcesRaw = parseYamlFile(raw.sources, problems) ?? [];
  const sources = validateList(sourceSchema, raw.sources.file, sourcesRaw);
  problems.push(...sources.problems);
  // References are checked against every id present, valid entry or not: one fault, one message.
  const sourceIds = idsIn(sourcesRaw);
  const knownSource = (file: string, entry: string, field: string, id: string) => {
    if (!sourceIds.has(id)) {
      problems.push({ file, entry, field, expected: `a source id listed in ${raw.sources.file}`, got: show(id) });
    }
  };

  const chartsRaw = parseYamlFile(raw.charts, problems);
  const chartsChecked =
    chartsRaw === undefined ? { declared: [], problems: [] } : checkCharts(raw.charts.file, chartsRaw);
  problems.push(...chartsChecked.problems);
  const charts = chartsChecked.charts;
  const timeline = charts && chartOfKind(charts, 'timeline');

  const eventsRaw = parseYamlFile(raw.events, problems) ?? [];
  const events = validateList(eventSchema, raw.events.file, eventsRaw);
  problems.push(...events.problems);
  for (const e of events.data) {
    if (timeline) {
      const lanes = timeline[1].lanes.map((l) => l.id);
      if (!lanes.includes(e.side)) {
        problems.push({
          file: raw.events.file,
          entry: e.id,
          field: 'side',
          expected: `one of ${lanes.join(', ')} (the lanes of the timeline in ${raw.charts.file})`,
          got: show(e.side),
        });
      }
      if (!timeline[1].kinds.includes(e.kind)) {
        problems.push({
          file: raw.events.file,
          entry: e.id,
          field: 'kind',
          expected: `one of ${timeline[1].kinds.join(', ')} (the kinds of the timeline in ${raw.charts.file})`,
          got: show(e.kind),
        });
      }
    }
    e.sources.forEach((id, i) => knownSource(raw.events.file, e.id, `sources.${i}`, id));
    if (e.end !== undefined && e.end < e.date) {
      problems.push({
        file: raw.events.file,
        entry: e.id,
        field: 'end',
        expected: `a date on or after ${e.date}`,
        got: show(e.end),
      });
    }
  }
  const eventIds = idsIn(eventsRaw);
  for (const [chartId, chart] of Object.entries(charts?.charts ?? {})) {
    if (chart.kind !== 'timeline' && chart.kind !== 'series') continue;
    for (const key of ['rule', 'band'] as const) {
      const id = chart[key];
      if (id !== undefined && !eventIds.has(id)) {
        problems.push({
          file: raw.charts.file,
          entry: chartId,
          field: key,
          expected: `an event id listed in ${raw.events.file}`,
          got: show(id),
        });
      }
    }
  }

  /** The CSV a chart reads, by its path under the content folder (data/name.csv). */
  const dataOf = (chartId: string, path: string): RawFile | undefined => {
    const found = raw.data.find((f) => f.file.replace(/\\/g, '/').endsWith(`/${path}`) || f.file === path);
    if (!found) {
      problems.push({
        file: raw.charts.file,
        entry: chartId,
        field: 'data',
        expected: 'a CSV file in the data/ folder of the content',
        got: show(path),
      });
    }
    return found;
  };
  const seriesChart = charts && chartOfKind(charts, 'series');
  const seriesFile = seriesChart && dataOf(seriesChart[0], seriesChart[1].data);
  const series = seriesFile ? parseMonthlySeries(seriesFile.file, seriesFile.text) : { points: [], problems: [] };
  problems.push(...series.problems);

  const barsChart = charts && chartOfKind(charts, 'ranked-bars');
  const barsFile = barsChart && dataOf(barsChart[0], barsChart[1].data);
  const categories = barsFile ? parseCategoryDrops(barsFile.file, barsFile.text) : { drops: [], problems: [] };
  problems.push(...categories.problems);
  for (const c of categories.drops) {
    c.sources.forEach((id, i) => knownSource(barsFile!.file, c.id, `sources.${i}`, id));
  }
  if (barsChart && categories.problems.length === 0) {
    for (const state of Object.keys(barsChart[1].states)) {
      if (!categories.drops.some((d) => d.id === state)) {
        problems.push({
          file: raw.charts.file,
          entry: barsChart[0],
          field: `states.${state}`,
          expected: `a bar's id in ${barsFile!.file}: ${categories.drops.map((d) => d.id).join(', ')}`,
          got: show(state),
        });
      }
    }
  }

  const divergingChart = charts && chartOfKind(charts, 'diverging-bars');
  const divergingFile = divergingChart && dataOf(divergingChart[0], divergingChart[1].data);
  const yearOnYear = divergingFile
    ? parseYearOnYear(divergingFile.file, divergingFile.text, {
        seriesIds: divergingChart[1].series.map((s) => s.id),
        matches: divergingChart[1].matches?.series,
        series: series.problems.length === 0 && seriesFile ? series.points : undefined,
        seriesFile: seriesFile?.file ?? raw.charts.file,
        sourceIds,
        sourcesFile: raw.sources.file,
      })
    : { changes: [], problems: [] };
  problems.push(...yearOnYear.problems);

  const sections: Section[] = [];
  const stepIds = new Map<string, string>();
  for (const f of raw.sections) {
    const name = SECTION_FILE.exec(f.file);
    if (!name) {
      problems.push({
        file: f.file,
        entry: '(file)',
        field: '(file name)',
        expected: 'NN-some-name.md, e.g. 03-the-warnings.md',
      });
      continue;
    }
    const id = name[2] ?? '';
    const split = splitSection(f.file, id, f.text);
    problems.push(...split.problems);
    if (!split.section) continue;
    const meta = validateEntry(sectionSchema, f.file, id, split.section.frontmatter);
    problems.push(...meta.problems);
    if (!meta.data) continue;
    const { steps: stepMetas, ...rest } = meta.data;
    stepMetas.forEach((s, i) => {
      const field = (k: string) => `steps.${i}.${k}`;
      const owner = stepIds.get(s.id);
      if (owner !== undefined) {
        problems.push({
          file: f.file,
          entry: id,
          field: field('id'),
          expected: `a step id not used elsewhere (already in ${owner})`,
          got: show(s.id),
        });
      }
      stepIds.set(s.id, f.file);
      const stepChart = charts?.charts[s.chart];
      if (charts && !chartsChecked.declared.includes(s.chart)) {
        problems.push({
          file: f.file,
          entry: id,
          field: field('chart'),
          expected: `one of ${chartsChecked.declared.join(', ')} (the charts in ${raw.charts.file})`,
          got: show(s.chart),
        });
      } else if (stepChart && !Object.hasOwn(stepChart.states, s.state)) {
        problems.push({
          file: f.file,
          entry: id,
          field: field('state'),
          expected: `a state of the ${s.chart} chart: ${Object.keys(stepChart.states).join(', ')}`,
          got: show(s.state),
        });
      }
      s.highlight?.forEach((ev, j) => {
        if (!eventIds.has(ev)) {
          problems.push({
            file: f.file,
            entry: id,
            field: `${field('highlight')}.${j}`,
            expected: `an event id listed in ${raw.events.file}`,
            got: show(ev),
          });
        }
      });
    });
    problems.push(
      ...matchStepBlocks(
        f.file,
        id,
        stepMetas.map((s) => s.id),
        split.section.blocks,
      ),
    );
    problems.push(...unsafeMarkdown(f.file, id, f.text));
    const bodies = new Map(split.section.blocks.map((b) => [b.id, b.body]));
    problems.push(
      ...checkCitations(
        f.file,
        id,
        [
          { field: '(intro)', markdown: split.section.intro, mustCite: false },
          ...split.section.blocks.map((b) => ({ field: `<!-- step: ${b.id} -->`, markdown: b.body, mustCite: true })),
        ],
        sourceIds,
      ),
    );
    sections.push({
      ...rest,
      id,
      file: f.file,
      order: Number(name[1]),
      intro: split.section.intro,
      steps: stepMetas.map((s) => ({ ...s, section: id, markdown: bodies.get(s.id) ?? '' })),
    });
  }
  if (raw.sections.length === 0) {
    problems.push({
      file: 'content/story/',
      entry: '(folder)',
      field: '(files)',
      expected: 'at least one section file NN-name.md',
      got: 'none',
    });
  }

  const teach = raw.teach && checkTeach(raw.teach, problems);
  const ui = validateEntry(uiSchema, raw.ui.file, 'ui', parseYamlFile(raw.ui, problems));
  problems.push(...ui.problems);

  if (problems.length > 0 || !article.data || (raw.teach && !teach) || !charts || !ui.data) throw new ContentError(problems);

  const published = article.data.published;
  const updated = updates.map((u) => u.date).reduce((a, b) => (b > a ? b : a), published);
  return {
    article: { ...article.data, updated },
    updates: [...updates].sort((a, b) => a.date.localeCompare(b.date)),
    sources: sources.data,
    events: [...events.data].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    sections: sections.sort((a, b) => a.order - b.order),
    charts,
    series: series.points,
    categories: categories.drops,
    yearOnYear: yearOnYear.changes,
    ...(teach ? { teach } : {}),
    ui: makeUi(ui.data),
  };
}

/** The teaching page: its frontmatter checked, and the data activity (its body) as markdown. */
function checkTeach(raw: RawFile, problems: ContentProblem[]): (Teach & { activityMarkdown: string }) | undefined {
  const split = splitSection(raw.file, 'teach', raw.text);
  problems.push(...split.problems);
  if (!split.section) return undefined;
  problems.push(...unsafeMarkdown(raw.file, 'teach', raw.text));
  const teach = validateEntry(teachSchema, raw.file, 'teach', split.section.frontmatter);
  problems.push(...teach.problems);
  if (!split.section.intro) {
    problems.push({ file: raw.file, entry: 'teach', field: '(body)', expected: 'the data activity, in markdown' });
  }
  return teach.data && { ...teach.data, activityMarkdown: split.section.intro };
}
