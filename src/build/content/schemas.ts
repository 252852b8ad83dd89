import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (rejects 2022-02-30). */
export const isoDate = z
  .string({ error: 'an ISO date (YYYY-MM-DD)' })
  .refine(isRealDate, { error: 'an ISO date (YYYY-MM-DD) that exists on the calendar' });

/** A source's date may be a day or, where that is all the registry has, a month or a year. */
export const isoDayOrMonth = z
  .string({ error: 'an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)' })
  .refine((s) => isRealDate(s) || isRealDate(`${s}-01`) || isRealDate(`${s}-01-01`), {
    error: 'an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)',
  });

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const slug = z
  .string({ error: 'an id of lower-case letters, digits and hyphens' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'an id of lower-case letters, digits and hyphens' });

const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

const httpsUrl = z
  .string({ error: 'an https:// URL' })
  .regex(/^https:\/\/[^\s/$.?#].[^\s]*$/, { error: 'an https:// URL' });

const webUrl = z
  .string({ error: 'a web address (https://, or http:// where the page has no https address)' })
  .regex(/^https?:\/\/[^\s/$.?#].[^\s]*$/, {
    error: 'a web address (https://, or http:// where the page has no https address)',
  });

export const sourceSchema = z
  .object({
    id: z.string({ error: 'a source id such as S4' }).regex(/^[A-Z][A-Z0-9-]*$/, {
      error: 'a source id such as S4 (capitals and digits)',
    }),
    publisher: text('the publisher’s name'),
    title: text('the title of the piece'),
    date: isoDayOrMonth,
    /** https, or plain http where the registry saw the page only at an http address. */
    url: webUrl.optional(),
    /** A second address for the same piece (e.g. a free reprint of a paywalled one). */
    altUrl: httpsUrl.optional(),
    /** A dataset shipped with the story, relative to content/ (instead of a URL). */
    file: z
      .string()
      .regex(/^data\/[\w.-]+$/, { error: 'a path under data/' })
      .optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.file !== undefined, {
    error: 'a url (https) or, for a dataset shipped with the story, a file',
    path: ['url'],
  });

/** The longest chart label: the timeline sets it on one line beside its date, never cut. */
export const EVENT_LABEL_MAX = 40;
export const CONFIDENCE = ['high', 'medium', 'low'] as const;

export const quoteSchema = z
  .object({
    text: text('the exact words quoted, as facts.md gives them'),
    speaker: text('who said it'),
    role: text('the speaker’s role'),
    date: isoDate,
  })
  .strict();

export const eventSchema = z
  .object({
    id: slug,
    date: isoDate,
    /** For events that run over days: the last day. */
    end: isoDate.optional(),
    actor: text('who acted'),
    /** Whose action it is: a lane of the timeline in charts.yaml (colour and marker shape together). */
    side: slug,
    /** One of the timeline's kinds in charts.yaml. */
    kind: slug,
    headline: text('a short headline'),
    /** The event on the chart, written for it: the chart shows it in full beside the short date. */
    label: text(`a chart label of at most ${EVENT_LABEL_MAX} characters`).max(EVENT_LABEL_MAX, {
      error: `a chart label of at most ${EVENT_LABEL_MAX} characters, written for the chart`,
    }),
    summary: text('a summary in a sentence or two'),
    quotes: z.array(quoteSchema).optional(),
    confidence: z.enum(CONFIDENCE, { error: `one of ${CONFIDENCE.join(', ')}` }).default('high'),
    sources: z.array(z.string(), { error: 'a list of source ids' }).min(1, { error: 'at least one source id' }),
  })
  .strict();

export const stepSchema = z
  .object({
    id: slug,
    chart: z.string({ error: 'a chart name' }),
    state: z.string({ error: 'a chart state' }),
    /** Timeline steps: the event ids to highlight and label. */
    highlight: z.array(z.string()).optional(),
  })
  .strict();

export const sectionSchema = z
  .object({
    title: text('a section title'),
    /** Short label for the contents menu. */
    short: z.string().optional(),
    steps: z.array(stepSchema).default([]),
  })
  .strict();

export const articleSchema = z
  .object({
    kicker: z.string().optional(),
    headline: text('the headline'),
    /** The page's <title> for search results and tabs, when the headline alone says too little. */
    pageTitle: text('a page title').max(60, { error: 'a page title of at most 60 characters' }).optional(),
    /** The publication's name, as citations and share cards give it. */
    publication: text('the publication’s name'),
    dek: text('the dek, one or two sentences'),
    description: text('a description for search and sharing').max(160, {
      error: 'a description of at most 160 characters',
    }),
    published: isoDate,
    /** Who stands behind the piece. Never a made-up person. */
    credit: text('the credit line'),
  })
  .strict();

export const updateSchema = z
  .object({
    date: isoDate,
    kind: z.enum(['update', 'correction'], { error: 'update or correction' }),
    note: text('what changed'),
  })
  .strict();

/** The teaching page's schema lives in its own file. */
export { teachSchema, type Teach } from './teach-schema.ts';

export type Source = z.infer<typeof sourceSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type StepMeta = z.infer<typeof stepSchema>;
export type SectionMeta = z.infer<typeof sectionSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Update = z.infer<typeof updateSchema>;
