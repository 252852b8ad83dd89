import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartQuotes } from '../../src/lib/format/typography.ts';
import { loadContent } from '../../src/loaders/read-content.ts';
import { launch, openPage } from './harness.ts';

const content = loadContent();
const dir = mkdtempSync(join(tmpdir(), 'qe-print-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} not found: install poppler-utils (Debian/Ubuntu: sudo apt-get install -y poppler-utils)`,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
}

describe('printing the story', () => {
  it('gives a linear handout: no sticky graphic or controls, every step chart inline, source URLs written out', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 1280, height: 800 } });
    await page.emulateMedia({ media: 'print' });
    const stuck = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return (
            (s.position === 'sticky' || s.position === 'fixed') &&
            s.display !== 'none' &&
            el.getClientRects().length > 0
          );
        })
        .map((el) => el.tagName + (el.id ? `#${el.id}` : '')),
    );
    expect(stuck).toEqual([]);
    const hiddenControls = await page.locator('button:visible').count();
    expect(hiddenControls).toBe(0);
    // A chart is inline SVG or a built SVG file shown as <img> (both carry the class "chart").
    for (const step of content.sections.flatMap((s) => s.steps)) {
      const figure = page.locator(`[data-step="${step.id}"] .chart, [data-step="${step.id}"] + * .chart`).first();
      expect(await figure.isVisible(), `chart for step ${step.id}`).toBe(true);
    }
    await close();
  });

  it('prints to a PDF of sensible length with every section and the sources with their URLs', async () => {
    const { page, close } = await openPage(browser);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    // Lazy chart images are fetched for print: every one has loaded (a broken or unloaded one has no width).
    const unloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('img.chart')]
        .filter((img) => !img.complete || img.naturalWidth === 0)
        .map((img) => img.getAttribute('src')),
    );
    expect(unloaded).toEqual([]);
    expect(await page.locator('img.chart').count()).toBeGreaterThan(0);
    await close();
    const file = join(dir, 'story.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(40);
    const text = poppler('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ');
    for (const s of content.sections) expect(text, `section "${s.title}"`).toContain(s.title);
    expect(text).toContain('Sources');
    const linked = content.sources.filter((s) => s.url);
    for (const s of linked.slice(0, 5)) {
      // URLs may wrap across lines in the PDF: compare without whitespace.
      expect(text.replace(/\s/g, ''), `URL of ${s.id}`).toContain((s.url ?? '').replace(/\s/g, ''));
    }
  });

  it('prints the teaching page with the timeline handout on pages of its own, every event and its source URLs', async () => {
    const { page, close } = await openPage(browser, 'teach/');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await close();
    const file = join(dir, 'teach.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    // The handout starts a page: the text of the page it starts on begins with its title.
    const pageTexts = poppler('pdftotext', ['-layout', file, '-']).split('\f');
    expect(pageTexts.some((t) => t.trim().startsWith('Timeline handout'))).toBe(true);
    // Raw order keeps each table cell's text together (the layout mode interleaves the columns).
    const text = poppler('pdftotext', ['-raw', file, '-']).replace(/\s/g, '');
    for (const e of content.events) {
      expect(text, `event ${e.id}`).toContain(smartQuotes(e.headline).replace(/\s/g, '').slice(0, 30));
    }
    for (const s of content.sources.filter((x) => x.url).slice(0, 5))
      expect(text).toContain((s.url ?? '').replace(/\s/g, ''));
  });
});
