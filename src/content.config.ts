/**
 * The story's content collections. Every file under content/ is read and checked once by the pure
 * checkContent (zod schemas in src/lib/content/schemas.ts, plus the references between files);
 * any problem stops the build with one message naming the file, the entry and the field.
 */
import { defineCollection } from 'astro:content';
import type { LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import type { Content } from './lib/content/check-content.ts';
import { articleSchema, eventSchema, sourceSchema, teachSchema, updateSchema } from './lib/content/schemas.ts';
import { loadContent } from './loaders/read-content.ts';

/** A loader that stores one slice of the checked content, one entry per item. */
function contentLoader(name: string, pick: (c: Content) => { id: string; data: object }[]) {
  return {
    name: `quiet-exit:${name}`,
    load: async ({ store, parseData }: LoaderContext) => {
      store.clear();
      for (const { id, data } of pick(loadContent())) {
        store.set({ id, data: await parseData({ id, data: { ...data } }) });
      }
    },
  };
}

const withId = <T extends { id: string }>(items: T[]) => items.map((data) => ({ id: data.id, data }));

const article = defineCollection({
  loader: contentLoader('article', (c) => [{ id: 'article', data: c.article }]),
  schema: articleSchema.extend({ updated: z.string() }),
});

const updates = defineCollection({
  loader: contentLoader('updates', (c) => c.updates.map((data, i) => ({ id: String(i + 1), data }))),
  schema: updateSchema,
});

const sources = defineCollection({
  loader: contentLoader('sources', (c) => withId(c.sources)),
  schema: sourceSchema,
});

const events = defineCollection({
  loader: contentLoader('events', (c) => withId(c.events)),
  schema: eventSchema,
});

const exports = defineCollection({
  loader: contentLoader('exports', (c) => c.series.map((p) => ({ id: p.date, data: p }))),
  schema: z.object({ date: z.string(), value: z.number() }),
});

const categories = defineCollection({
  loader: contentLoader('categories', (c) => withId(c.categories)),
  schema: z.object({
    id: z.string(),
    label: z.string(),
    change: z.number(),
    qualifier: z.enum(['', 'more than', 'almost']),
    wording: z.string(),
    comparison: z.string(),
    sources: z.array(z.string()),
  }),
});

const stepData = z.object({
  id: z.string(),
  section: z.string(),
  chart: z.string(),
  state: z.string(),
  highlight: z.array(z.string()).optional(),
  markdown: z.string(),
  html: z.string(),
});

/** Story sections, in order, with their intro and each step's text rendered to HTML at build. */
const story = defineCollection({
  loader: {
    name: 'quiet-exit:story',
    load: async ({ store, parseData, renderMarkdown }: LoaderContext) => {
      store.clear();
      for (const s of loadContent().sections) {
        const intro = (await renderMarkdown(s.intro)).html;
        const steps = [];
        for (const step of s.steps) steps.push({ ...step, html: (await renderMarkdown(step.markdown)).html });
        const data = { ...s, introHtml: intro, steps };
        store.set({ id: s.id, data: await parseData({ id: s.id, data }) });
      }
    },
  },
  schema: z.object({
    id: z.string(),
    file: z.string(),
    order: z.number(),
    title: z.string(),
    short: z.string().optional(),
    intro: z.string(),
    introHtml: z.string(),
    steps: z.array(stepData),
  }),
});

/** The teaching page: its frontmatter, and the data activity rendered to HTML. */
const teach = defineCollection({
  loader: {
    name: 'quiet-exit:teach',
    load: async ({ store, parseData, renderMarkdown }: LoaderContext) => {
      store.clear();
      const t = loadContent().teach;
      const data = { ...t, activityHtml: (await renderMarkdown(t.activityMarkdown)).html };
      store.set({ id: 'teach', data: await parseData({ id: 'teach', data }) });
    },
  },
  schema: teachSchema.extend({ activityMarkdown: z.string(), activityHtml: z.string() }),
});

export const collections = { article, updates, sources, events, exports, categories, story, teach };
