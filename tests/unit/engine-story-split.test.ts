/**
 * Engine test: the engine (src/) holds no word of this story. Its proper nouns and the words of its
 * charts live in content/; src/ may not name them, not even in a comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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

/**
 * Allowed, and why. Each is an identifier made from one of this story's content ids, not text a reader sees:
 * - the lane and series colours (`.side-china`, `--china`, `.bar-russia`) are keyed by this story's ids in
 *   the CSS until colours get one source for CSS and charts (issue 17, section 4);
 * - the reading-mode key in localStorage (`quiet-exit:mode`): renaming it would forget every reader's choice.
 */
const EXCEPTIONS: { file: RegExp; text: RegExp }[] = [
  { file: /^src\/styles\/(tokens|charts)\.css$/, text: /(--|\.side-|\.bar-|var\(--)(china|russia)\b/gi },
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name).replace(/\\/g, '/')],
  );
}

/** The story words a text holds, once its exceptions are taken out. */
export function storyWordsIn(file: string, text: string, words: readonly string[]): string[] {
  const rest = EXCEPTIONS.filter((e) => e.file.test(file)).reduce((t, e) => t.replace(e.text, ''), text);
  const lower = rest.toLowerCase().replace(/[‘’]/g, "'");
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
    expect(storyWordsIn('src/x.ts', '// Lenovo cut shipments', words)).toEqual(['Lenovo']);
    expect(storyWordsIn('src/x.ts', "title: 'Washington warned again and again'", words)).toContain(
      'Washington warned again and again',
    );
    expect(storyWordsIn('src/styles/charts.css', '.chart .side-china { fill: var(--china); }', words)).toEqual([]);
    expect(storyWordsIn('src/build/x.ts', '.side-china', words)).toEqual(['China']);
    expect(chartWords().length).toBeGreaterThan(20);
  });

  it('src/ names none of them', () => {
    const found = filesUnder('src').flatMap((file) =>
      storyWordsIn(file, readFileSync(file, 'utf8'), words).map((w) => `${file}: ${w}`),
    );
    expect(found).toEqual([]);
  });
});
