/**
 * Word count, reading time and reading level of markdown prose: one definition for the story test
 * (which holds the text to a level a 16-year-old can read) and the teaching page (which reports it).
 */
import { sentences } from './figures.ts';

/** Markdown without link targets, emphasis marks, headings or comments. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[[\]_*#]/g, '');
}

export function words(text: string): string[] {
  return text.match(/[A-Za-z0-9$%][A-Za-z0-9$%.,'’-]*/g) ?? [];
}

/** Syllables of an English word, estimated the usual way (vowel groups, silent endings). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '')
    .match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

export interface Readability {
  words: number;
  sentences: number;
  wordsPerSentence: number;
  /** Flesch-Kincaid grade level: US school grade (add 5 for a reader's age). */
  grade: number;
  /** At 200 words a minute, rounded up. */
  minutes: number;
}

export function readability(markdown: string): Readability {
  const plain = plainText(markdown);
  const total = words(plain).length;
  const all = sentences(plain).filter((s) => words(s).length > 0);
  const w = all.flatMap(words);
  const perSentence = w.length / Math.max(1, all.length);
  const perWord = w.map(syllables).reduce((a, b) => a + b, 0) / Math.max(1, w.length);
  return {
    words: total,
    sentences: all.length,
    wordsPerSentence: perSentence,
    grade: 0.39 * perSentence + 11.8 * perWord - 15.59,
    minutes: Math.ceil(total / 200),
  };
}

/** All the story's prose, in reading order, as markdown. */
export function storyMarkdown(sections: readonly { intro: string; steps: readonly { markdown: string }[] }[]): string {
  return sections.flatMap((s) => [s.intro, ...s.steps.map((st) => st.markdown)]).join('\n\n');
}
