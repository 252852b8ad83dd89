/**
 * Marks a reader sees in the built pages: a quoted title never carries doubled double quotes, and an
 * embed's credit names the story once. Reads dist/ (the site project builds it first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const page = (path: string) => readFileSync(join(DIST, path), 'utf8');
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

describe('the built pages: quotes inside quotes', () => {
  it('no opening double quote opens again before it closes (“…“…”…”), in the story, the timeline or the teaching page', () => {
    const pages = ['index.html', 'timeline/index.html', 'teach/index.html'].filter((p) => existsSync(join(DIST, p)));
    for (const path of pages) {
      const nested = text(page(path)).match(/“[^”]{0,300}?“/g) ?? [];
      expect(nested, path).toEqual([]);
    }
  });
  it('a source title with quotes in it reads with single quotes inside the double ones', () => {
    expect(text(page('index.html'))).toContain('“Jake Sullivan says ‘absolutely’ consequences”');
  });
});

describe('the built embeds: the credit', () => {
  const embeds = readdirSync(join(DIST, 'embed'));
  it('names the story once, in quotes, then who made it', () => {
    expect(embeds.length).toBeGreaterThan(0);
    for (const chart of embeds) {
      const credit = /<p class="embed-credit"[^>]*>([\s\S]*?)<\/p>/.exec(page(`embed/${chart}/index.html`))?.[1] ?? '';
      const said = text(credit).trim();
      expect(said, chart).toBe('From “The quiet cutback” · The explainer team');
    }
  });
});
