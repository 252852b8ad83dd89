/**
 * Deploying under a sub-path (GitHub Pages, a newsroom's /projects/... folder): build with
 * BASE=/quiet-exit/ and check that every internal link and asset in dist resolves, then read the
 * story, the teaching page and an embed there in Chromium with no failed request.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../tools/serve.mjs';
import { launch } from './harness.ts';
import { filesUnder } from '../../tools/lib/files-under.ts';

const BASE = '/quiet-exit/';
const SITE = 'https://news.example.org';
const DIST = 'dist-base';

const htmlFiles = (dir: string): string[] => filesUnder(dir, /\.html$/);

/** The URL path a built file is served at. */
const pathOf = (file: string) =>
  BASE +
  file
    .slice(DIST.length + 1)
    .replace(/\\/g, '/')
    .replace(/(^|\/)index\.html$/, '$1');

/** The file in dist that serves a URL path under BASE, or undefined. */
function fileFor(path: string): string | undefined {
  if (!path.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(path.slice(BASE.length));
  const file = join(DIST, rel.endsWith('/') || rel === '' ? join(rel, 'index.html') : rel);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  // Vitest sets BASE_URL=/ in its own environment, and Vite would take it over our BASE: drop it.
  const { BASE_URL: _vitestBase, ...inherited } = process.env;
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: {
      ...inherited,
      BASE,
      SITE,
      DIST_DIR: DIST,
      ASTRO_CACHE_DIR: 'node_modules/.astro-base',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build with BASE=${BASE} failed:\n${build.stdout}\n${build.stderr}`);
  server = (await serve({ dir: DIST, port: 0, base: BASE })) as typeof server;
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`the site built for a sub-path (BASE=${BASE})`, () => {
  it('resolves every internal link, asset and in-page anchor in every page', () => {
    const broken: string[] = [];
    const pages = htmlFiles(DIST);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const here = new URL(pathOf(file), SITE);
      const refs = [
        ...[...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? ''),
        ...[...html.matchAll(/<meta property="og:(?:image|url)" content="([^"]+)"/g)].map((m) => m[1] ?? ''),
      ];
      for (const ref of refs) {
        if (/^(mailto:|data:|javascript:)/.test(ref)) continue;
        const url = new URL(ref.replace(/&amp;/g, '&'), here);
        if (url.origin !== SITE) continue; // another site: not ours to check
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: ${ref} (no file for ${url.pathname})`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!readFileSync(target, 'utf8').includes(`id="${id}"`)) broken.push(`${file}: ${ref} (no id "${id}")`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('writes absolute URLs on the right site and path', () => {
    const story = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(story).toContain(`<link rel="canonical" href="${SITE}${BASE}">`);
    expect(readFileSync(join(DIST, 'sitemap.xml'), 'utf8')).toContain(`<loc>${SITE}${BASE}teach/</loc>`);
    expect(readFileSync(join(DIST, 'sitemap.xml'), 'utf8')).toContain(`<loc>${SITE}${BASE}timeline/</loc>`);
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toContain(`${BASE}_astro/*`);
    expect(story).toContain(`${SITE}${BASE}embed/exports/`);
    // The share tags, the citations and robots.txt, which a build without SITE leaves without URLs.
    expect(story).toContain(`<meta property="og:image" content="${SITE}${BASE}share-card.png">`);
    expect(story).toContain(`<meta property="og:url" content="${SITE}${BASE}">`);
    expect(story).toContain(`${SITE}${BASE}.</span>`);
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap.xml`);
  });

  it('serves the story, the teaching page, an embed and the data there with no failed request', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('console', (m) => m.type() === 'error' && failures.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => failures.push(`pageerror: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
    // A request cut short because the test navigates on (the favicon, say) is not a failure of the site.
    page.on(
      'requestfailed',
      (r) =>
        r.failure()?.errorText !== 'net::ERR_ABORTED' && failures.push(`failed ${r.url()} ${r.failure()?.errorText}`),
    );
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 3));
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/charts/'))),
    ).toBe(true);
    for (const path of ['timeline/', 'teach/', 'embed/timeline/']) {
      const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
    }
    // A download link: fetched, not navigated to (the browser would save it).
    const csv = await page.request.get(new URL('data/category-drops.csv', server.url).href);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^id,label/);
    expect(failures).toEqual([]);
    await context.close();
  });
});
