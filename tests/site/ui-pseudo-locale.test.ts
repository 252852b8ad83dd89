/**
 * Engine test: no interface word is left in the engine. Each story is built from a copy of its content
 * folder whose ui.yaml is pseudo-localised (every value wrapped, "⟦Contents⟧"); then every text node and
 * every aria-label, alt and title of every built page (and the templates the page hands its scripts) must
 * either be wrapped or come from the story's own content files (markdown, YAML, CSV), apart from numbers and
 * dates, which are formats, not words. A single word that the story itself also uses can slip through in
 * that story; building two stories narrows it.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from './astro-build.ts';

const STORIES = [
  { name: 'this story', content: resolve('content') },
  { name: 'the ferry story', content: resolve('tests/fixtures/ferry-story/content') },
];
const temp = mkdtempSync(join(tmpdir(), 'ui-pseudo-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every value wrapped; the placeholders stay as they are, so the engine still fills them. */
const wrap = (text: string) => `⟦${text}⟧`;

function build(content: string, out: string): void {
  const run = astroBuild(['--outDir', out], { env: { CONTENT_DIR: content } });
  if (run.status !== 0) throw new Error(`the pseudo-localised story did not build:\n${run.stdout}\n${run.stderr}`);
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
/** Typography the engine applies to story words (curly quotes, no-break spaces) undone, spaces collapsed. */
/** Quotation marks of every kind are one: the page sets a source's inner quotes as single ones. */
const plain = (s: string) => s.replace(/[‘’“”'"]/g, '"').replace(/[\s\u00a0\u202f]+/g, ' ');

/** Numbers, amounts, percentages and dates: formats the engine writes, not words. */
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?`;
const FORMAT = new RegExp(String.raw`${MONTH}|[−+\-–]?[$£€]?\d[\d,.]*(?:bn|m|k|%)?`, 'g');

/** What a reader sees on a page: its text nodes, and the aria-label, alt and title attributes. */
function visibleText(html: string): string[] {
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<meta[^>]*>/g, ' ')
    // Embed code is code, not words; citations follow their English styles (APA, MLA, Chicago) to the letter.
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<dl class="citations">[\s\S]*?<\/dl>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    // Wrapped words may hold story words or markup (a link in a sentence): all of it is accounted for.
    .replace(/⟦[^⟦⟧]*⟧/g, ' | ')
    .replace(/⟦[^⟦⟧]*⟧/g, ' | ');
  // Also the words the page hands its scripts: the step counter, the announcer's and the copy buttons' templates.
  const announcer = /<p[^>]*id="announcer"[^>]*>/.exec(body)?.[0] ?? '';
  const attributes = [
    ...body.matchAll(/\s(?:aria-label|alt|title|data-step-count|data-done|data-failed)="([^"]*)"/g),
    ...announcer.matchAll(/\sdata-say-[\w-]+="([^"]*)"/g),
  ].map((m) => m[1] ?? '');
  const nodes = body.split(/<[^>]*>/);
  return [...nodes, ...attributes].map((t) => plain(decode(t)));
}

/** Every string of the story's content: YAML values (split at their {placeholders}), markdown and CSV text. */
function storyStrings(folder: string): string[] {
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    // Backticks mark code in teach.md (a formula): the page shows it in <code>, between the words.
    if (typeof v === 'string') strings.push(...v.split(/\{[^}]*\}|`[^`]*`/));
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const file of filesUnder(folder)) {
    if (file.endsWith('ui.yaml')) continue;
    const text = readFileSync(file, 'utf8');
    if (/\.ya?ml$/.test(file)) collect(parse(text));
    else if (file.endsWith('.md')) {
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (front) collect(parse(front[1] ?? ''));
      // Markdown text between its syntax: emphasis, links and their targets, comments, line breaks.
      strings.push(
        ...text
          .slice(front?.[0].length ?? 0)
          .split(/\]\([^)]*\)|<!--[\s\S]*?-->|\*\*?|\b_|_\b|[[\]`#>]|\n\s*[-*]?\s*|\n/),
      );
    } else if (file.endsWith('.csv')) strings.push(...text.split(/[,\n"]/));
  }
  return [...new Set(strings.map((s) => plain(s).trim()).filter((s) => /\p{L}/u.test(s)))].sort(
    (a, b) => b.length - a.length,
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether a piece of text is a whole-word part of one story string (a line of a wrapped label, words around a link). */
const partOfOne = (piece: string, story: string[]) =>
  story.some((s) => s.includes(piece) && new RegExp(`(?<!\\p{L})${escape(piece)}(?!\\p{L})`, 'u').test(s));

/** Words of a text that are not the story's: what is left once numbers, dates and story strings are taken out. */
function leftOver(text: string, story: string[]): string {
  const strays = (t: string) =>
    t
      .replace(/[⟦⟧]/g, '|')
      .replace(FORMAT, '|')
      .split('|')
      .map((p) => p.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''))
      .filter((p) => /\p{L}{2}/u.test(p) && !partOfOne(p, story));
  if (strays(text).length === 0) return '';
  // Joined from several story strings (a label and its value, a template and what fills it): take each out.
  let rest = text;
  for (const s of story) {
    if (rest.includes(s)) rest = rest.replace(new RegExp(`(?<!\\p{L})${escape(s)}(?!\\p{L})`, 'gu'), '|');
  }
  return strays(rest).join(' | ');
}

describe.each(STORIES)('engine: $name, built with a pseudo-localised ui.yaml', ({ content }) => {
  const folder = join(temp, content.endsWith('ferry-story/content') ? 'ferry' : 'story');
  const out = `${folder}-dist`;
  let story: string[] = [];

  beforeAll(() => {
    cpSync(content, folder, { recursive: true });
    const ui = parse(readFileSync(join(folder, 'ui.yaml'), 'utf8')) as Record<string, string>;
    // Every value wrapped; the language tags are codes, not words: a pseudo-locale's tag, and the share locale as it is.
    const pseudo = Object.fromEntries(
      Object.entries(ui).map(([k, v]) => [k, k === 'page.lang' ? 'qps-ploc' : k === 'page.ogLocale' ? v : wrap(v)]),
    );
    writeFileSync(join(folder, 'ui.yaml'), stringify(pseudo));
    // An event's kind is shown as its id in words ("no-comment" as "no comment"): still the story's word.
    const kinds = filesUnder(folder)
      .filter((f) => f.endsWith('events.yaml'))
      .flatMap((f) => (parse(readFileSync(f, 'utf8')) as { kind: string }[]).map((e) => e.kind.replaceAll('-', ' ')));
    story = [...storyStrings(folder), ...kinds].sort((a, b) => b.length - a.length);
    build(folder, out);
  }, 300_000);

  it('shows no word that is neither wrapped nor the story’s own, on any page', () => {
    // A story without teach.md has no teaching page: Astro's own redirect stands at its address.
    const pages = filesUnder(out).filter(
      (f) => f.endsWith('.html') && !/http-equiv="refresh"/.test(readFileSync(f, 'utf8')),
    );
    expect(pages.length).toBeGreaterThan(3);
    const strays = pages.flatMap((page) =>
      visibleText(readFileSync(page, 'utf8'))
        .map((t) => leftOver(t, story))
        .filter(Boolean)
        .map((p) => `${page.slice(out.length + 1)}: "${p}"`),
    );
    expect([...new Set(strays)], [...new Set(strays)].join('\n')).toEqual([]);
  });

  it('wraps the interface words the reader sees first', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('⟦Skip to the');
    expect(html).toMatch(/aria-label="⟦[^"]*⟧"/);
    expect(html).toContain('<html lang="qps-ploc"');
  });
});
