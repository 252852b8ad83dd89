import { z } from 'zod';
import { isoDate } from './schemas.ts';
import { SCALES } from '../format/numbers.ts';

/**
 * content/charts.yaml: the story's charts. Each names one of the engine's kinds and carries every word,
 * window and rule the kind needs; the engine holds none of them. A state name belongs to its chart.
 */

const slug = z
  .string({ error: 'an id of lower-case letters, digits and hyphens' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'an id of lower-case letters, digits and hyphens' });
const words = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

/** Text with {placeholders}: only the ones the engine fills there are allowed. */
export function template(what: string, allowed: readonly string[]) {
  return words(what).refine(
    (s) => [...s.matchAll(/\{([^}]*)\}/g)].every((m) => allowed.includes(m[1] ?? '')),
    { error: allowed.length ? `${what}; placeholders allowed: ${allowed.map((a) => `{${a}}`).join(', ')}` : `${what}, without {placeholders}` },
  );
}

/** Fills {name} placeholders (the schema has checked they are known). */
export { fill } from '../../shared/fill.ts';

const dataFile = z.string({ error: 'a path under data/' }).regex(/^data\/[\w.-]+\.csv$/, { error: 'a CSV path under data/' });
const monthStart = isoDate.refine((d) => d.endsWith('-01'), { error: 'the first day of a month (YYYY-MM-01)' });

/** The chart's data as a table under the story ("The data"): its words. */
const table = z
  .object({
    /** {from} and {to}: the first and last month of a series; {comparison}: ranked bars' comparison. */
    summary: template('the table’s summary line', ['from', 'to', 'comparison']),
    /** Names the scrolling region for screen readers. */
    label: words('a name for the table'),
    caption: words('the caption: units and caveats'),
    /** Column headings (a diverging-bars table adds one per series). */
    columns: z.array(words('a column heading')).min(1),
    link: words('the words of the download link'),
  })
  .strict();

/** What every chart has: what it shows (embed titles, lists), and how a reader gets its data. */
const chartBase = {
  label: words('what the chart shows, for embed titles and lists'),
  /** The file behind the chart’s download link, relative to the site root. */
  download: z.string().regex(/^data\/[\w.-]+$/, { error: 'a path under data/' }).optional(),
  table: table.optional(),
};

/** Which events a rule picks: all conditions must hold. */
const eventRule = z
  .object({
    side: slug.optional(),
    kind: slug.optional(),
    /** Dated inside this window (from its start to its `through`). */
    within: slug.optional(),
    /** Dated after this window's `through`. */
    after: slug.optional(),
  })
  .strict();
export type EventRule = z.infer<typeof eventRule>;

const tick = z
  .object({
    date: isoDate,
    label: words('a tick label'),
    /** On phones, where the dates stand closer: the first date may drop its year (the subtitle gives it). */
    short: words('the tick label on phones').optional(),
  })
  .strict();

export const MARKERS = ['circle', 'diamond', 'triangle', 'square'] as const;
/** The palette's colours (src/styles/tokens.css) a lane or series may take; the CSS keys on these, not on ids. */
export const TONES = ['blue', 'red', 'amber', 'data', 'quiet', 'highlight'] as const;
const tone = z.enum(TONES, { error: `one of the palette's colours: ${TONES.join(', ')}` });

const timelineChart = z
  .object({
    kind: z.literal('timeline'),
    ...chartBase,
    lanes: z
      .array(
        z
          .object({
            id: slug,
            label: words('the lane’s name'),
            /** On phones the names stand in a narrow gutter beside their lanes, where leaders never run. */
            short: words('the lane’s name on phones, a word or two').optional(),
            marker: z.enum(MARKERS, { error: `one of ${MARKERS.join(', ')}` }),
            colour: tone,
          })
          .strict(),
      )
      .min(1, { error: 'at least one lane' }),
    /** The event kinds events.yaml may use. */
    kinds: z.array(slug).min(1, { error: 'at least one event kind' }),
    /** Events of this kind are drawn hollow, with a legend beside this lane's name. */
    hollow: z.object({ kind: slug, legend: words('the legend of the hollow marker'), lane: slug }).strict().optional(),
    /** Event ids drawn across the chart: a day as a rule, a span as a band (on this chart and on series charts). */
    rule: slug.optional(),
    /** The rule's label on phones, before its date (it must end at its rule, clear of the band's label). */
    ruleShort: words('the rule’s label on phones').optional(),
    band: slug.optional(),
    windows: z.record(
      slug,
      z
        .object({
          from: isoDate,
          to: isoDate,
          /** The last day that counts as inside the window for rules (defaults to `to`). */
          through: isoDate.optional(),
          subtitle: template('the subtitle', ['from', 'to']),
          ticks: z.array(tick).min(1, { error: 'at least one tick' }),
        })
        .strict(),
    ),
    states: z.record(
      slug,
      z
        .object({
          label: words('a short name for the embed’s button'),
          title: words('the chart’s title in this state, written like a headline'),
          /** Defaults to the first window. */
          window: slug.optional(),
          /** The events highlighted when the step names none. */
          highlight: eventRule.optional(),
          /** Events left off this state unless a step highlights them (a long window's crowd of earlier events). */
          omit: eventRule.optional(),
          /** Every event in the window labelled (print, the article without JavaScript). */
          labelAll: z.boolean().optional(),
          /** A shaded span from the first event matching `from` (after the first matching `fromAfter`) to the last matching `to`. */
          span: z
            .object({
              from: eventRule,
              fromAfter: eventRule.optional(),
              to: eventRule,
              label: template('the span’s label', ['from', 'to', 'days']),
              description: template('the span in the text alternative', ['from', 'to', 'days']),
            })
            .strict()
            .optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Where a series state points: a month, or one the data decides. */
const seriesFocus = z.union(
  [
    monthStart,
    z.literal('last'),
    z.literal('peak'),
    z.object({ lowest: z.tuple([monthStart, monthStart]) }).strict(),
    z.object({ firstYearOnYearRise: monthStart, otherwise: monthStart }).strict(),
  ],
  { error: 'a month (YYYY-MM-01), last, peak, {lowest: [from, to]} or {firstYearOnYearRise: from, otherwise: month}' },
);
export type SeriesFocus = z.infer<typeof seriesFocus>;

const FIGURES = ['value', 'month', 'monthYear', 'shortMonth', 'monthOnMonth', 'monthOnMonthSize', 'yearOnYear', 'yearOnYearExact', 'previousMonth'];

const seriesChart = z
  .object({
    kind: z.literal('series'),
    ...chartBase,
    data: dataFile,
    /** Source ids the chart's source line cites. */
    sources: z.array(z.string()).min(1, { error: 'at least one source id' }),
    window: z.object({ from: monthStart, to: monthStart }).strict(),
    /** How values read on the axis and in labels: {currency: USD, scale: billions} gives "$3.8bn". */
    values: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/, { error: 'an ISO 4217 currency code, e.g. USD' }).optional(),
        scale: z.enum(Object.keys(SCALES) as [keyof typeof SCALES], { error: `one of ${Object.keys(SCALES).join(', ')}` }),
      })
      .strict(),
    subtitle: words('the subtitle: units and what the axis shows'),
    /** The text alternative's first words, before "from <first month> (<value>) to <last month>". */
    describe: words('what the line shows, for the text alternative'),
    /** Months (MM) the source reports as one combined figure: the line is dotted into and out of them. */
    combined: z
      .object({
        months: z.array(z.string().regex(/^(0[1-9]|1[0-2])$/, { error: 'a month number MM' })).min(1),
        note: words('the note under the axis'),
        description: words('the sentence in the text alternative'),
      })
      .strict()
      .optional(),
    /** Event ids drawn across the plot: a rule for a day, a band for a span (shown in states with `band: true`). */
    rule: slug.optional(),
    band: slug.optional(),
    /** The months the same-months-a-year-earlier line can run over. */
    yearBefore: z.object({ months: z.array(monthStart).min(1), label: words('its label') }).strict().optional(),
    peak: z.object({ label: template('the peak’s label', FIGURES), short: template('its short label on phones', FIGURES) }).strict(),
    /** The opening chart under the headline: the big number's note, line by line. */
    bigNumber: z.object({ of: slug, note: z.array(template('a line of the note', FIGURES)).min(1) }).strict().optional(),
    states: z.record(
      slug,
      z
        .object({
          label: words('a short name for the embed’s button'),
          title: template('the chart’s title in this state', FIGURES),
          /** The last month drawn. */
          through: seriesFocus,
          focus: seriesFocus,
          annotation: template('the label at the focus month', FIGURES),
          /** A second, smaller line under the annotation, saying the change on a year earlier. */
          secondLine: template('the second line', FIGURES).optional(),
          /** Marks the fall from the previous month with a dot and a bracket. */
          bracket: z.boolean().optional(),
          /** Draws the same months a year earlier in grey. */
          yearBefore: z.boolean().optional(),
          /** Shows the band event. */
          band: z.boolean().optional(),
          /** Labels the peak (on wide layouts). */
          peak: z.boolean().optional(),
          /** The text alternative gives the change on the month before. */
          monthOnMonth: z.boolean().optional(),
          /** The opening chart: larger type, the big number, no note. */
          opening: z.boolean().optional(),
        })
        .strict(),
    ),
  })
  .strict();

const rankedBarsChart = z
  .object({
    kind: z.literal('ranked-bars'),
    ...chartBase,
    data: dataFile,
    /** The bar drawn as the total. */
    total: slug.optional(),
    /** Wording in the CSV said otherwise on the chart, e.g. "(value)" as "in dollars". */
    replace: z.array(z.object({ from: words('the words to replace'), to: words('what the chart says') }).strict()).default([]),
    title: template('the title', ['label', 'wording', 'comparison']),
    subtitle: template('the subtitle', ['comparison']),
    describe: template('the text alternative’s first sentence', ['comparison']),
    /** A state per bar, named by the bar's id: each adds its bar to those before. */
    states: z.record(slug, z.object({ label: words('a short name for the embed’s button') }).strict()),
  })
  .strict();

const divergingBarsChart = z
  .object({
    kind: z.literal('diverging-bars'),
    ...chartBase,
    data: dataFile,
    /** The bars of each month, in order. */
    series: z
      .array(
        z
          .object({
            id: slug,
            label: words('the series’ name'),
            inText: words('the name within a sentence'),
            colour: tone,
          })
          .strict(),
      )
      .min(1),
    /** The series whose rows must equal the series chart's year-on-year change, to one decimal. */
    matches: z.object({ series: slug, chart: slug }).strict().optional(),
    /** 1 and 2: the first two series; join: `same` when their verbs agree, else `different`. */
    title: template('the title', ['month', 'verb1', 'change1', 'join', 'verb2', 'change2']),
    rose: words('the verb for a rise'),
    fell: words('the verb for a fall'),
    same: words('the word joining two rises or two falls'),
    different: words('the word joining a rise and a fall'),
    subtitle: words('the subtitle'),
    describe: words('the text alternative’s first sentence'),
    /** A state per month: it lights that month and the ones before. */
    states: z.record(slug, z.object({ label: words('a short name for the embed’s button'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month YYYY-MM' }) }).strict()),
  })
  .strict();

export const CHART_KINDS = ['timeline', 'series', 'ranked-bars', 'diverging-bars'] as const;

export const chartSchema = z.discriminatedUnion('kind', [timelineChart, seriesChart, rankedBarsChart, divergingBarsChart], {
  error: `a chart whose kind is one of ${CHART_KINDS.join(', ')}`,
});

const view = z.object({ chart: slug, state: slug }).strict();

export const chartsFileSchema = z
  .object({
    charts: z.record(slug, z.unknown()),
    /** The chart under the headline. */
    opening: view.optional(),
    /** The share card: its chart and source line. */
    share: view.extend({ source: words('the card’s source line') }).strict(),
    /** The start of the element id in each chart's embed code (`<prefix>-<chart>`). */
    embedIdPrefix: slug.default('story'),
    /** The files readers can download, in order, with what each holds. */
    downloads: z.array(z.object({ file: z.string().regex(/^[\w.-]+$/, { error: 'a file name' }), label: words('what the file holds') }).strict()),
  })
  .strict();

export type TimelineChart = z.infer<typeof timelineChart>;
export type SeriesChart = z.infer<typeof seriesChart>;
export type RankedBarsChart = z.infer<typeof rankedBarsChart>;
export type DivergingBarsChart = z.infer<typeof divergingBarsChart>;
export type ChartConfig = z.infer<typeof chartSchema>;
export type ChartKind = ChartConfig['kind'];

export interface ChartsConfig {
  charts: Record<string, ChartConfig>;
  opening?: { chart: string; state: string } | undefined;
  share: { chart: string; state: string; source: string };
  embedIdPrefix: string;
  downloads: { file: string; label: string }[];
}
