/**
 * What the built story shows as text: curly quotes in headings, sources linked by their titles (never a
 * raw URL as link text), and the data files a source note names are links. Reads dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the built pages', () => {
  const pages = ['index.html', 'timeline/index.html', 'teach/index.html'].map((file) => ({
    file,
    html: readFileSync(join(DIST, file), 'utf8'),
  }));
  const story = pages[0]!.html;

  it('use curly quotes and apostrophes in every heading', () => {
    const headings = pages.flatMap(({ file, html }) =>
      [...html.matchAll(/<h([1-4])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({ file, text: decode(m[2] ?? '') })),
    );
    expect(headings.length).toBeGreaterThan(10);
    const straight = headings.filter((h) => /['"]/.test(h.text)).map((h) => `${h.file}: ${h.text}`);
    expect(straight, straight.join('\n')).toEqual([]);
  });

  it('never use a raw URL as the text of a link in the sources', () => {
    const sources = /<section class="sources"[\s\S]*?<\/section>/.exec(story)?.[0] ?? '';
    const links = [...sources.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map((m) => decode(m[1] ?? '').trim());
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((t) => /^(https?:\/\/|www\.)/.test(t))).toEqual([]);
  });

  it('link the data files a source note names (data/README.md)', () => {
    const sources = /<section class="sources"[\s\S]*?<\/section>/.exec(story)?.[0] ?? '';
    const notes = [...sources.matchAll(/<span class="source-note">([\s\S]*?)<\/span>/g)].map((m) => m[1] ?? '');
    const mentioned = notes.filter((n) => /data\/README\.md/.test(n));
    expect(mentioned.length).toBeGreaterThan(0);
    for (const n of mentioned) expect(n).toMatch(/<a href="[^"]*data\/README\.md">data\/README\.md<\/a>/);
  });
});
