import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartQuotes } from '../../src/build/format/typography.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
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
    // Paper gets one summary figure per chart block (issue 14), not one per step: every chart kind is there,
    // and every step's text.
    const steps = content.sections.flatMap((s) => s.steps);
    for (const chart of new Set(steps.map((s) => s.chart))) {
      const figure = page.locator(`.block-figure[data-figure-chart="${chart}"] .chart`).first();
      expect(await figure.isVisible(), `summary figure of the ${chart} chart`).toBe(true);
    }
    expect(await page.locator('.block-figure .chart:visible').count()).toBeLessThanOrEqual(8);
    for (const step of steps) expect(await page.locator(`[data-step="${step.id}"]`).isVisible(), step.id).toBe(true);
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
    // 37 pages with a figure per step and every event in the story; 18 with summary figures and /timeline/.
    expect(pages).toBeLessThanOrEqual(20);
    const text = poppler('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ');
    // Headings are shown with curly quotes, as the prose is.
    for (const s of content.sections) expect(text, `section "${s.title}"`).toContain(smartQuotes(s.title));
    expect(text).toContain('Sources');
    const linked = content.sources.filter((s) => s.url);
    for (const s of linked.slice(0, 5)) {
      // URLs may wrap across lines in the PDF: compare without whitespace.
      expect(text.replace(/\s/g, ''), `URL of ${s.id}`).toContain((s.url ?? '').replace(/\s/g, ''));
    }
  });

  it('prints the teaching page with the timeline handout on pages of its own, every event and its source URLs', async () => {
    const file = await teachPdf();
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
    // Plans, handout, questions, activity, worksheet, answer key and rubric: a booklet, not a pamphlet.
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(26);
    // The handout starts a page: the text of the page it starts on begins with its title.
    const pageTexts = poppler('pdftotext', ['-layout', file, '-']).split('\f');
    expect(pageTexts.some((t) => t.trim().startsWith('Timeline handout'))).toBe(true);
    // Raw order keeps each table cell's text together (the layout mode interleaves the columns). A tall
    // event may continue overleaf, under the table's repeated header: drop the header to read it whole.
    const text = poppler('pdftotext', ['-raw', file, '-'])
      .replace(/\s/g, '')
      .replaceAll('DateWhoWhathappenedSources', '');
    for (const e of content.events) {
      expect(text, `event ${e.id}`).toContain(smartQuotes(e.headline).replace(/\s/g, '').slice(0, 30));
    }
    for (const s of content.sources.filter((x) => x.url).slice(0, 5))
      expect(text).toContain((s.url ?? '').replace(/\s/g, ''));
  });

  it('prints the teaching page with no near-empty page: each but the last is at least a third full', async () => {
    const file = await teachPdf();
    const fill = pageFill(file);
    const short = fill
      .slice(0, -1)
      .filter((p) => p.used < 1 / 3)
      .map((p) => `page ${p.page} is ${Math.round(p.used * 100)}% full, starting "${p.firstWords}"`);
    expect(short).toEqual([]);
  });

  it('prints the worksheet on one page of its own: blank axes, months across, the values to plot', async () => {
    const file = await teachPdf();
    const pageTexts = poppler('pdftotext', ['-layout', file, '-']).split('\f');
    const sheet = pageTexts.find((t) => t.trim().startsWith(content.teach!.activity.worksheet.title));
    expect(sheet, 'a page that starts with the worksheet').toBeDefined();
    const words = (sheet ?? '').split(/\s+/);
    for (const m of ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])
      expect(words, m).toContain(m);
    expect(words).toContain('$0');
    // The values table is on the same page, down to its last row (2023, ending with June's value).
    const june2023 = content.series.find((p) => p.date === '2023-06-01')!;
    expect(sheet).toMatch(new RegExp(`2023[^\\n]*${(june2023.value / 1e9).toFixed(2)}`));
    // The answer key, for the teacher, starts the next page.
    const next = pageTexts[pageTexts.indexOf(sheet!) + 1] ?? '';
    expect(next.trim().startsWith('Answer key')).toBe(true);
  });
});

let teachFile: Promise<string> | undefined;
/** The teaching page printed to A4 once, for the tests that read it. */
function teachPdf(): Promise<string> {
  teachFile ??= (async () => {
    const { page, close } = await openPage(browser, 'teach/');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await close();
    const file = join(dir, 'teach.pdf');
    writeFileSync(file, pdf);
    return file;
  })();
  return teachFile;
}

/** How far down each page its lowest word reaches, as a share of the page's height. */
function pageFill(file: string): { page: number; used: number; firstWords: string }[] {
  const html = poppler('pdftotext', ['-bbox', file, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((p, i) => {
      const height = Number(/height="([\d.]+)"/.exec(p)?.[1]);
      const bottoms = [...p.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]));
      const words = [...p.matchAll(/>([^<]+)<\/word>/g)].slice(0, 5).map((m) => m[1]);
      return { page: i + 1, used: bottoms.length ? Math.max(...bottoms) / height : 0, firstWords: words.join(' ') };
    });
}
