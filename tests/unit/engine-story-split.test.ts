/**
 * Engine test: the engine (src/) holds no word of this story. Its proper nouns and the words of its
 * charts live in content/; src/ may not name them, not even in a comment.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { filesUnder } from '../../tools/lib/files-under.ts';

/** This story's proper nouns, and the words a story-bound engine tends to carry. */
const PROPER_NOUNS = [
  'Lenovo',
  'Xiaomi',
  'Huawei',
  'DJI',
  'Raimondo',
  'Psaki',
  'Yellen',
  'Shanghai',
  'Shenzhen',
  'customs',
  'Russia',
  'China',
  'Chinese',
  'Ukraine',
  'Beijing',
  'Washington',
  'Apricitas',
  'Reuters',
  'Bloomberg',
  'Quiet Exit',
  'quiet-exit',
  'invasion',
  'march-drop',
  'all-exports',
];

/** The fields of content/charts.yaml that hold a chart's own words: titles, labels, captions. */
const WORDED = new Set([
  'title',
  'label',
  'subtitle',
  'describe',
  'caption',
  'summary',
  'source',
  'note',
  'description',
]);

/** Every titled or captioned phrase of four words or more in content/charts.yaml ({placeholders} break phrases). */
function chartWords(): string[] {
  const found: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (!WORDED.has(key)) return;
      for (const part of v.split(/\{[^}]*\}/)) {
        const words = part.trim().replace(/^[,:.]\s*|[,:.]$/g, '');
        if (words.split(/\s+/).length >= 4) found.push(words);
      }
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(parse(readFileSync('content/charts.yaml', 'utf8')));
  return [...new Set(found)];
}

/** Every phrase of three words or more of content/ui.yaml, the interface's words ({placeholders} break phrases). */
function interfaceWords(): string[] {
  const ui = parse(readFileSync('content/ui.yaml', 'utf8')) as Record<string, string>;
  const phrases = Object.values(ui).flatMap((v) =>
    v.split(/\{[^}]*\}/).map((part) => part.trim().replace(/^[(,:.]\s*|[),:.]$/g, '')),
  );
  return [...new Set(phrases.filter((p) => p.split(/\s+/).length >= 3))];
}

/** The story words a text holds. */
export function storyWordsIn(text: string, words: readonly string[]): string[] {
  const lower = text.toLowerCase().replace(/[‘’]/g, "'");
  return words.filter((w) => {
    const needle = w.toLowerCase().replace(/[‘’]/g, "'");
    // Proper nouns as whole words; chart phrases anywhere.
    return /^[\w-]+$/.test(needle)
      ? new RegExp(`(^|[^a-z0-9])${needle}([^a-z0-9]|$)`).test(lower)
      : lower.includes(needle);
  });
}

describe('engine: no word of this story under src/', () => {
  const words = [...PROPER_NOUNS, ...chartWords()];

  it('finds the words it looks for', () => {
    expect(storyWordsIn('// Lenovo cut shipments', words)).toEqual(['Lenovo']);
    expect(storyWordsIn("title: 'Washington warned again and again'", words)).toContain(
      'Washington warned again and again',
    );
    expect(storyWordsIn('.chart .side-china { fill: var(--china); }', words)).toEqual(['China']);
    expect(chartWords().length).toBeGreaterThan(20);
  });

  it('src/ holds none of the interface phrases of content/ui.yaml either', () => {
    const phrases = interfaceWords();
    expect(phrases).toContain('Skip to the story');
    // As written (a comment may say "the updates and corrections"; a heading may not be spelled out).
    const found = filesUnder('src').flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/[‘’]/g, "'");
      return phrases.filter((p) => text.includes(p.replace(/[‘’]/g, "'"))).map((p) => `${file}: ${p}`);
    });
    expect(found).toEqual([]);
  });

  it('src/ names none of them', () => {
    const found = filesUnder('src').flatMap((file) =>
      storyWordsIn(readFileSync(file, 'utf8'), words).map((w) => `${file}: ${w}`),
    );
    expect(found).toEqual([]);
  });
});
