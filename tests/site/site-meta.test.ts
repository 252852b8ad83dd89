/**
 * What search engines and social sites read from the built pages: titles, descriptions, canonical
 * URLs, the share card, JSON-LD, sitemap and robots.txt. Reads dist/ (npm test builds it first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, normaliseBase } from '../../src/build/site-url.ts';
import { resolveTokens, themeTokens } from '../../src/build/theme-tokens.ts';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const page = (path: string) => readFileSync(join(DIST, path), 'utf8');
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('absoluteUrl(site, base, path)', () => {
  it('joins site, base and path with single slashes', () => {
    expect(absoluteUrl('https://example.org', '/quiet-exit', 'teach/')).toBe('https://example.org/quiet-exit/teach/');
    expect(absoluteUrl('https://example.org/', '/', '')).toBe('https://example.org/');
    expect(normaliseBase('quiet-exit/')).toBe('/quiet-exit/');
  });
  it('gives a root-relative path when the build knows no site, never a made-up origin', () => {
    expect(absoluteUrl(undefined, '/quiet-exit/', 'teach/')).toBe('/quiet-exit/teach/');
    expect(absoluteUrl('', '/', '')).toBe('/');
  });
});

describe('share card styles', () => {
  it('resolves the CSS tokens to the light theme', () => {
    const tokens = themeTokens(
      ':root { --bg: #fff; --text: #111; }\n@media (prefers-color-scheme: dark) { :root { --bg: #000; } }',
    );
    expect(tokens.light).toEqual({ bg: '#fff', text: '#111' });
    expect(tokens.dark).toEqual({ bg: '#000', text: '#111' });
    expect(resolveTokens('.a { fill: var(--text); stroke: var(--unknown); }', tokens.light)).toBe(
      '.a { fill: #111; stroke: var(--unknown); }',
    );
  });
});

describe('the built pages, as search and social sites see them', () => {
  const story = page('index.html');
  // npm test builds without SITE (a preview build); the sub-path e2e test builds with one.
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(story)?.[1] ?? '';
  const hasSite = /^https?:\/\//.test(canonical);

  it('has a title of at most 60 characters and a description of at most 160', () => {
    for (const file of ['index.html', 'timeline/index.html', 'teach/index.html']) {
      const html = page(file);
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      expect(title.length, file).toBeGreaterThan(10);
      expect(title.length, file).toBeLessThanOrEqual(60);
      const description = meta(html, 'description') ?? '';
      expect(description.length, file).toBeGreaterThan(50);
      expect(description.length, file).toBeLessThanOrEqual(160);
      const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(href, file).toMatch(hasSite ? /^https?:\/\/./ : /^\//);
    }
  });

  it('points Open Graph and Twitter at a 1200x630 PNG share card that exists (with SITE; without, no image)', () => {
    if (hasSite) {
      expect(meta(story, 'og:image')).toMatch(/^https?:\/\/.+\/share-card\.png$/);
      expect(meta(story, 'twitter:card')).toBe('summary_large_image');
      expect(meta(story, 'og:image:alt')?.length).toBeGreaterThan(10);
    } else {
      // Share tags need absolute URLs: a preview build leaves them out rather than guess an origin.
      expect(meta(story, 'og:image')).toBeUndefined();
      expect(meta(story, 'og:url')).toBeUndefined();
      expect(meta(story, 'twitter:card')).toBe('summary');
    }
    const png = readFileSync(join(DIST, 'share-card.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(300 * 1024);
  });

  it('describes the story as a NewsArticle in JSON-LD', () => {
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(story)?.[1] ?? '{}';
    const ld = JSON.parse(json) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['headline']).toBeTruthy();
    expect(ld['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld['dateModified']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((ld['image'] as string[] | undefined)?.[0]).toBe(meta(story, 'og:image'));
  });

  it('lists the pages in sitemap.xml and the sitemap in robots.txt (with SITE); embeds are not indexed', () => {
    const sitemap = page('sitemap.xml');
    expect(sitemap).toContain('<urlset');
    // A sitemap's addresses must be absolute: without SITE it is valid and empty, and robots.txt names none.
    expect(sitemap.match(/<loc>/g)?.length ?? 0).toBe(hasSite ? 2 : 0);
    if (hasSite) expect(page('robots.txt')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    else expect(page('robots.txt')).not.toContain('Sitemap');
    expect(page('embed/exports/index.html')).toContain('<meta name="robots" content="noindex">');
  });

  it('has a favicon and the downloadable data files', () => {
    expect(existsSync(join(DIST, 'favicon.svg'))).toBe(true);
    expect(page('data/china-exports-to-russia-monthly.csv')).toMatch(/^date,value\n2018-01-01,/);
    expect(page('data/category-drops.csv')).toMatch(/^id,label,change/);
    expect(page('data/README.md')).toContain('Origin:');
    expect(page('data/events.csv')).toMatch(
      /^id,date,end,actor,side,kind,headline,summary,confidence,sources,source_urls\n/,
    );
  });

  it('shows the updates log, and the page’s updated date is its latest entry', () => {
    expect(story).toMatch(/<section class="updates" id="updates"/);
    const latest = [...story.matchAll(/<li data-kind="(?:update|correction)"><time datetime="([\d-]+)"/g)]
      .map((m) => m[1] ?? '')
      .sort()
      .at(-1);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(story)?.[1] ?? '{}');
    expect(ld.dateModified).toBe(latest);
  });
});
