import { z } from 'zod';
import { template } from './charts-schema.ts';
import { fill } from '../../shared/fill.ts';

/**
 * content/ui.yaml: every word of the interface a reader sees (headings, buttons, labels, the sentences of
 * the charts' text alternatives), by key. The engine holds none of them, so a translated edition is a
 * content folder. Each key says what it is and which {placeholders} the engine fills there.
 */
const KEYS = {
  'skip.story': ['the skip link to the story', []],
  'skip.timeline': ['the skip link on the timeline page', []],
  'skip.teach': ['the skip link on the teaching page', []],
  contents: ['the contents menu’s name', []],
  'modes.label': ['the name of the group of view buttons', []],
  'modes.scroll.name': ['the animated view’s button', []],
  'modes.scroll.hint': ['what the animated view does', []],
  'modes.steps.name': ['the tap-through view’s button', []],
  'modes.steps.hint': ['what the tap-through view does', []],
  'modes.article.name': ['the plain article view’s button', []],
  'modes.article.hint': ['what the plain article view does', []],
  'modes.announce': ['what screen readers hear when the view changes', ['mode']],
  'stepper.label': ['the name of the step-through bar', []],
  'stepper.back': ['the step-through bar’s back button', []],
  'stepper.next': ['the step-through bar’s next button', []],
  'stepper.count': ['the step counter', ['step', 'total']],
  'step.label': ['each step card’s name for screen readers', ['step', 'total']],
  'announce.step': ['what screen readers hear on a new step in the tap-through view', ['step', 'total']],
  'announce.chart': ['what screen readers hear when the chart changes', ['title']],
  'header.published': ['the byline’s publication date', ['date']],
  'header.updated': ['the byline’s link to the updates', []],
  'header.teachPrompt': ['the question before the teaching links', []],
  'header.teachLink': ['the link to the teaching page', []],
  'header.useLink': ['the link to “use this story”', []],
  'timeline.heading': ['the timeline section’s heading', []],
  'timeline.teaser': ['the timeline section’s sentence', ['count', 'from', 'to', 'link']],
  'timeline.teaserLink': ['its link to the timeline page', []],
  'sources.heading': ['the source list’s heading', []],
  'sources.one': ['the word before one source', []],
  'sources.many': ['the word before several sources', []],
  'sources.alsoAt': ['a second copy of a source', ['link']],
  'sources.download': ['the link to a source’s data file', ['file']],
  'figure.timelineSources': ['where a timeline chart’s sources are', ['link']],
  'figure.timelineSourcesLink': ['its link to the timeline page', []],
  'figure.dataTable': ['the link to a chart’s data table', []],
  'figure.download': ['the link to a chart’s CSV file', []],
  'figure.foldOne': ['the phone’s disclosure of a pinned chart’s source', []],
  'figure.foldMany': ['the same, for several sources', []],
  'figure.spanKey': ['a timeline’s key to a marker with a bar after it: an event lasting days', []],
  'data.heading': ['the data tables’ heading', []],
  'updates.heading': ['the updates log’s heading', []],
  'updates.update': ['the label of an update', []],
  'updates.correction': ['the label of a correction', []],
  'use.heading': ['the “use this story” heading', []],
  'use.teachPrompt': ['the question before the teaching page link', []],
  'use.teach': ['the sentence about the teaching page', ['link']],
  'use.teachLink': ['its link', []],
  'use.dataHeading': ['the downloads’ heading', []],
  'use.embedHeading': ['the embed codes’ heading', []],
  'use.embedIntro': ['the sentence about embedding', []],
  'use.embedChart': ['after an embeddable chart’s title', ['name']],
  'use.embedPreview': ['the link to an embed', []],
  'use.copyPym': ['the button that copies the pym.js code', []],
  'use.copyIframe': ['the button that copies the iframe code', []],
  'cite.heading': ['the citations’ heading', []],
  'cite.copy': ['the button that copies a citation', ['style']],
  'copy.done': ['what a copy button says once it has copied', []],
  'copy.failed': ['what it says when it could not copy', []],
  'share.alt': ['the share card’s text alternative', ['headline', 'title']],
  'page.title': ['a page’s title in the browser tab', ['title', 'publication']],
  'event.dates': ['an event that lasts from one date to another', ['from', 'to']],
  'event.medium': ['how sure the reporting is: medium', []],
  'event.low': ['how sure the reporting is: low', []],
  'timelinePage.title': ['the timeline page’s title', ['headline']],
  'timelinePage.description': ['the timeline page’s description', ['headline', 'count']],
  'timelinePage.kicker': ['the timeline page’s kicker', []],
  'timelinePage.heading': ['the timeline page’s heading', ['headline']],
  'timelinePage.dek': ['the sentence under it', ['count', 'from', 'to', 'link']],
  'timelinePage.storyLink': ['its link to the story', []],
  'table.label': ['the timeline table’s name for screen readers', []],
  'table.caption': ['the timeline table’s caption', []],
  'table.date': ['its date column', []],
  'table.who': ['its actor column', []],
  'table.what': ['its event column', []],
  'table.sources': ['its sources column', []],
  'embed.states': ['the name of an embed’s state buttons', []],
  'embed.credit': ['the credit under an embed: the story’s headline (a link) and who made it', ['link', 'byline']],
  'teach.kicker': ['the teaching page’s kicker', []],
  'teach.about': ['the name of the facts about the story', []],
  'teach.story': ['the fact naming the story', ['link']],
  'teach.readingTime': ['the reading time', ['minutes', 'words']],
  'teach.readingLevel': ['the reading level', ['grade', 'age']],
  'teach.updated': ['the date of the latest update', ['date']],
  'teach.onThisPage': ['the name of the page’s contents', []],
  'teach.plans': ['the lesson plans’ heading', []],
  'teach.handout': ['the timeline handout’s heading', []],
  'teach.questionsLink': ['the contents link to the questions', []],
  'teach.activityLink': ['the contents link to the data activity', []],
  'teach.worksheetLink': ['the contents link to the worksheet', []],
  'teach.key': ['the answer key’s heading', []],
  'teach.rubric': ['the rubric’s heading', []],
  'teach.rubricLink': ['the contents link to the rubric', []],
  'teach.summary': ['the summary’s heading', []],
  'teach.simple': ['the plain-words summary’s heading', []],
  'teach.simpleNote': ['the note on the plain-words summary', ['grade', 'words']],
  'teach.objectives': ['the learning objectives’ heading', []],
  'teach.objectivesIntro': ['the sentence before the objectives', []],
  'teach.lesson': ['a lesson’s caption', ['title', 'minutes']],
  'teach.minutes': ['the plan’s minutes column', []],
  'teach.what': ['the plan’s activity column', []],
  'teach.handoutIntro': ['the sentence about the handout', []],
  'teach.glossary': ['the glossary’s heading', []],
  'teach.questions': ['the discussion questions’ heading', []],
  'teach.activity': ['the data activity’s heading', ['title', 'minutes']],
  'teach.help': ['the spreadsheet help’s title', []],
  'teach.stretch': ['the stretch task’s heading', []],
  'teach.data': ['the data section’s heading', []],
  'teach.name': ['the worksheet’s name line', []],
  'teach.caption': ['the worksheet’s caption lines', []],
  'teach.year': ['the worksheet table’s year column', []],
  'teach.keyNote': ['the note on the answer key', []],
  'teach.keyActivity': ['the answer key’s data activity heading', []],
  'teach.rubricLabel': ['the rubric table’s name for screen readers', []],
  'teach.criterion': ['the rubric’s criterion column', []],
  'teach.standards': ['the standards’ heading', []],
  'describe.timeline': ['a timeline’s text alternative: what it shows', ['count', 'from', 'to', 'lanes']],
  'describe.lane': ['a lane and its count in that sentence', ['lane', 'count']],
  'describe.rule': ['the text alternative: the line that marks an event', ['date', 'label']],
  'describe.verticalRule': ['the text alternative: the vertical line that marks an event', ['date', 'label']],
  'describe.band': ['the text alternative: the shaded span', ['label', 'from', 'to']],
  'describe.hollow': ['the text alternative: the hollow markers', ['legend', 'events']],
  'describe.spans': ['the text alternative: events drawn with a bar, lasting days', ['events']],
  'describe.labelled': ['the text alternative: every event labelled', ['events']],
  'describe.highlighted': ['the text alternative: what is highlighted', ['items']],
  'describe.dated': ['an event with its date in those lists', ['date', 'label']],
  'describe.series': ['a series’ text alternative: what it shows', ['what', 'from', 'value', 'to']],
  'describe.monthOnMonth': ['the text alternative: the change on the month before', ['change']],
  'describe.yearOnYear': ['the text alternative: the change on a year earlier', ['change']],
  'describe.annotation': ['the text alternative: the annotation', ['label']],
  'describe.yearBefore': ['the text alternative: the line a year earlier', []],
  'describe.peak': ['the text alternative: the peak', ['month', 'value']],
  'describe.faded': ['the text alternative: months drawn faded', ['months']],
  'list.and': ['the word joining two items', []],
  'worksheet.yTitle': ['the worksheet’s vertical axis', []],
  'worksheet.xTitle': ['the worksheet’s horizontal axis', []],
  'worksheet.subtitle': ['the worksheet chart’s subtitle', []],
  'worksheet.describe': ['the worksheet chart’s text alternative', ['top']],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

/** The edition's language: the pages' lang attribute and search engines' inLanguage, and the share tags' locale. */
const LANGUAGE = {
  'page.lang': z
    .string({ error: 'the language of the pages, a BCP 47 tag such as en, ru or zh-Hans' })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'the language of the pages, a BCP 47 tag such as en, ru or zh-Hans' }),
  'page.ogLocale': z
    .string({ error: 'the share tags’ locale, such as en_GB, ru_RU or zh_CN' })
    .regex(/^[a-z]{2,3}_[A-Z]{2}$/, { error: 'the share tags’ locale, such as en_GB, ru_RU or zh_CN' }),
};

export type UiKey = keyof typeof KEYS | keyof typeof LANGUAGE;

/** Placeholders the page puts markup at (a link, a <time>): a string without them would lose it. */
const REQUIRED: Partial<Record<keyof typeof KEYS, readonly string[]>> = {
  'header.published': ['date'],
  'teach.updated': ['date'],
  'event.dates': ['from', 'to'],
};
const required = (key: keyof typeof KEYS, allowed: readonly string[]) =>
  REQUIRED[key] ?? allowed.filter((a) => a === 'link');

const shape = Object.fromEntries(
  (Object.entries(KEYS) as [keyof typeof KEYS, (typeof KEYS)[keyof typeof KEYS]][]).map(([key, [what, allowed]]) => {
    const needs = required(key, allowed);
    const rule = template(what, allowed);
    return [
      key,
      needs.length === 0
        ? rule
        : rule.refine((s) => needs.every((n) => s.includes(`{${n}}`)), {
            error: `${what}, with ${needs.map((n) => `{${n}}`).join(' and ')}`,
          }),
    ];
  }),
);
export const uiSchema = z
  .object({ ...(shape as { [K in keyof typeof KEYS]: ReturnType<typeof template> }), ...LANGUAGE })
  .strict();
export type UiStrings = Record<UiKey, string>;

/** Fills a string of the interface: `ui('stepper.count', { step: 4, total: 27 })` is "4 of 27" in English. */
export type Ui = (key: UiKey, vars?: Record<string, string | number>) => string;

export function makeUi(strings: UiStrings): Ui {
  return (key, vars = {}) => fill(strings[key], vars);
}

/** A string around one placeholder, as the text before and after it: for markup such as a link in a sentence. */
export function around(text: string, placeholder: string): [string, string] {
  const at = text.indexOf(`{${placeholder}}`);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + placeholder.length + 2)];
}
