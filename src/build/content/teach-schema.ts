import { z } from 'zod';

/** The teaching page (content/teach.md): its frontmatter. The body is the data activity's introduction. */

const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const minutes = z.number({ error: 'a number of minutes' }).int().positive({ error: 'a positive number of minutes' });

/** A figure the answer key computes from the monthly CSV; tests/unit/teach.test.ts recomputes it. */
export const activityFigureSchema = z
  .object({
    measure: z.enum(['value', 'month-on-month', 'year-on-year', 'sum'], {
      error: 'one of value, month-on-month, year-on-year, sum',
    }),
    /** The month the figure is about (value and changes): YYYY-MM. */
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { error: 'a month, YYYY-MM' })
      .optional(),
    /** For a sum: the first and last month, inclusive. */
    from: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { error: 'a month, YYYY-MM' })
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { error: 'a month, YYYY-MM' })
      .optional(),
    /** Decimal places as the answer states it: $bn default 2, percentages default 1. */
    digits: z.number().int().min(0).max(3).optional(),
  })
  .strict()
  .refine((f) => (f.measure === 'sum' ? f.from !== undefined && f.to !== undefined : f.month !== undefined), {
    error: 'a month (or, for a sum, from and to)',
  });

const planStep = z
  .object({ minutes, what: text('what the class does'), detail: z.string().optional() })
  .strict();

const lessonSchema = z
  .object({ title: text('the lesson’s title'), minutes, steps: z.array(planStep).min(1, { error: 'at least one step' }) })
  .strict()
  .superRefine((lesson, ctx) => {
    const sum = lesson.steps.reduce((a, s) => a + s.minutes, 0);
    if (sum !== lesson.minutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['minutes'],
        message: `the sum of its steps' minutes (${lesson.steps.map((s) => s.minutes).join(' + ')} = ${sum})`,
      });
    }
    if (lesson.minutes < 45 || lesson.minutes > 50) {
      ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'a lesson of 45 to 50 minutes' });
    }
  });

const activityStep = z
  .object({
    task: text('what students do'),
    /** Spreadsheet help for this step, one instruction a line. */
    help: z.array(text('a spreadsheet instruction')).default([]),
    answer: text('the model answer'),
    figures: z.array(activityFigureSchema).default([]),
  })
  .strict();

export const teachSchema = z
  .object({
    /** The page's heading; `{headline}` stands for the story's headline from content/article.yaml. */
    title: text('the page title'),
    dek: text('a line saying who the page is for'),
    description: text('a description for search and sharing').max(160, {
      error: 'a description of at most 160 characters',
    }),
    summary: text('a summary of the story').refine((s) => wordCount(s) <= 150, {
      error: 'a summary of at most 150 words',
    }),
    /** The same story in shorter, plainer sentences, for weaker readers. */
    simpleSummary: text('a summary in plain words').refine((s) => wordCount(s) <= 150, {
      error: 'a summary of at most 150 words',
    }),
    objectives: z.array(text('a learning objective')).min(3, { error: 'at least 3 learning objectives' }),
    standards: z
      .object({
        framework: text('the framework’s name, as it writes it'),
        strand: text('the strand, as the framework writes it'),
        items: z
          .array(
            z
              .object({
                code: z.string().regex(/^CCSS\.ELA-LITERACY\.RH\.(?:9-10|11-12)\.\d+$/, {
                  error: 'a code such as CCSS.ELA-LITERACY.RH.9-10.1',
                }),
                text: text('the standard’s words, exactly as the framework writes them'),
                how: text('how the lesson serves it'),
              })
              .strict(),
          )
          .min(1, { error: 'at least one standard' }),
      })
      .strict(),
    plans: z
      .array(
        z
          .object({ name: text('the plan’s name'), lessons: z.array(lessonSchema).min(1, { error: 'at least one lesson' }) })
          .strict(),
      )
      .min(1, { error: 'at least one lesson plan' }),
    glossary: z
      .array(z.object({ term: text('the term'), definition: text('its definition') }).strict())
      .min(5, { error: 'at least 5 glossary terms' }),
    questions: z
      .array(
        z
          .object({ question: text('the question'), focus: text('what it practises'), answer: text('a model answer') })
          .strict(),
      )
      .min(8, { error: 'at least 8 discussion questions' }),
    activity: z
      .object({
        title: text('the activity title'),
        minutes,
        steps: z.array(activityStep).min(3, { error: 'at least 3 steps' }),
        worksheet: z
          .object({
            title: text('the worksheet title'),
            instructions: z.array(text('an instruction')).min(1),
            /** The blank chart's title: what students plot. */
            /** The years students plot, one line each, so that year on year reads as a gap. */
            years: z
              .array(z.string().regex(/^\d{4}$/, { error: 'a year, YYYY' }))
              .min(1, { error: 'at least one year' }),
            chartTitle: text('the blank chart’s title'),
            /** The caption of the table of values to plot: what they are and where they come from. */
            valuesCaption: text('the caption of the values to plot'),
          })
          .strict(),
        stretch: z
          .object({
            task: text('the stretch task'),
            answer: text('its model answer'),
            figures: z.array(activityFigureSchema).default([]),
          })
          .strict(),
      })
      .strict(),
    rubric: z
      .object({
        levels: z.array(text('a level’s name')).min(3, { error: 'at least 3 levels' }),
        criteria: z
          .array(z.object({ criterion: text('what is marked'), descriptors: z.array(text('what this level looks like')) }).strict())
          .min(3, { error: 'at least 3 criteria' }),
      })
      .strict()
      .superRefine((r, ctx) => {
        r.criteria.forEach((c, i) => {
          if (c.descriptors.length !== r.levels.length) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', i, 'descriptors'],
              message: `one descriptor for each of the ${r.levels.length} levels (${r.levels.join(', ')})`,
            });
          }
        });
      }),
  })
  .strict();

export type Teach = z.infer<typeof teachSchema>;
export type ActivityFigure = z.infer<typeof activityFigureSchema>;
