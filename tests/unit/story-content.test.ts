import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citedSourceIds } from '../../src/build/content/check-citations.ts';
import { plainText, readability, storyMarkdown as storyText, words } from '../../src/build/content/readability.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
import { UNSUPPORTED_VERBS } from '../story-rules.ts';

const content = loadContent();
/** The newsroom's fact registry, copied into the project (content/reference/README.md explains). */
const facts = readFileSync('content/reference/facts.md', 'utf8');
const SHARED_FACTS = '../shared/facts.md';
const storyMarkdown = storyText(content.sections);
const plain = plainText;

describe('the fact registry', () => {
  it.runIf(existsSync(SHARED_FACTS))('is the same as the newsroom’s copy beside the checkout', () => {
    expect(facts).toBe(readFileSync(SHARED_FACTS, 'utf8'));
  });
});

describe('the story as written', () => {
  it('quotes only words facts.md puts in quotation marks, exactly', () => {
    const teach = content.teach!;
    const texts = [
      storyMarkdown,
      content.article.dek,
      ...content.events.map((e) => e.summary),
      // The teaching page's words in quotation marks too (its questions quote the story's key terms).
      teach.summary,
      ...teach.questions.map((q) => q.question),
      teach.activityMarkdown,
    ];
    const quoted = texts.flatMap((t) =>
      [...t.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/[,.]$/, '')),
    );
    expect(quoted.length).toBeGreaterThan(10);
    const missing = quoted.filter((q) => !facts.includes(q));
    expect(missing).toEqual([]);
    for (const e of content.events)
      for (const q of e.quotes ?? []) expect(facts, `${e.id}: ${q.text}`).toContain(q.text);
  });

  it('cites only listed sources, and every listed source is used', () => {
    const listed = new Set(content.sources.map((s) => s.id));
    const cited = new Set([
      ...citedSourceIds(storyMarkdown),
      ...content.events.flatMap((e) => e.sources),
      ...content.categories.flatMap((c) => c.sources),
      ...content.yearOnYear.flatMap((c) => c.sources),
    ]);
    expect([...cited].filter((id) => !listed.has(id))).toEqual([]);
    expect([...listed].filter((id) => !cited.has(id))).toEqual([]);
    // https, or http only where the registry saw the page at an http address (checked below).
    for (const s of content.sources) if (s.url) expect(s.url, s.id).toMatch(/^https?:\/\//);
  });

  it('links only addresses that facts.md marks as seen (✓)', () => {
    for (const s of content.sources) {
      for (const url of [s.url, s.altUrl].filter((u) => u !== undefined)) {
        expect(facts, `${s.id} ${url}`).toContain(`✓ ${url}`);
      }
    }
  });

  it('has at least 14 dated events from 24 February to 17 May 2022, plus later data points', () => {
    expect(content.events.length).toBeGreaterThanOrEqual(14);
    const spring = content.events.filter((e) => e.date >= '2022-02-24' && e.date <= '2022-05-17');
    expect(spring.length).toBeGreaterThanOrEqual(14);
    expect(content.events.some((e) => e.date > '2022-06-30' && e.kind === 'data')).toBe(true);
  });

  it('runs 2,000 to 3,000 words', () => {
    const count = words(plain(storyMarkdown)).length;
    expect(count).toBeGreaterThanOrEqual(2000);
    expect(count).toBeLessThanOrEqual(3000);
  });

  it('reads at a level a 16-year-old can follow (Flesch-Kincaid grade at most 10, sentences short)', () => {
    const level = readability(storyMarkdown);
    expect(level.wordsPerSentence).toBeLessThanOrEqual(20);
    expect(level.grade).toBeLessThanOrEqual(10);
  });

  it('explains each term the first time it appears', () => {
    for (const term of ['Export controls are', 'foreign direct product rule', 'The Entity List is', 'customs data']) {
      expect(storyMarkdown).toContain(term);
    }
    // The explanation comes no later than the term's first use.
    const first = (s: string) => storyMarkdown.indexOf(s);
    expect(first('Export controls are')).toBeLessThan(first('foreign direct product rule'));
  });

  it('titles, dek, description, credit and publication use verbs the facts support', () => {
    const { article } = content;
    const teach = content.teach!;
    const titles = {
      headline: article.headline,
      pageTitle: article.pageTitle ?? '',
      dek: article.dek,
      description: article.description,
      credit: article.credit,
      publication: article.publication,
      'teach.title': teach.title,
      ...Object.fromEntries(content.sections.map((s) => [`${s.file} title`, s.title])),
    };
    expect(Object.entries(titles).filter(([, t]) => UNSUPPORTED_VERBS.test(t))).toEqual([]);
  });

  it('says "curtailing", never that the firms left Russia', () => {
    expect(storyMarkdown).toMatch(/curtailing/);
    expect(storyMarkdown).not.toMatch(/firms (left|have left|quit) Russia/i);
    expect(storyMarkdown).not.toMatch(/told Congress/);
  });
});
