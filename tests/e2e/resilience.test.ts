import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/content/read-content.ts';
import { baseUrl, launch } from './harness.ts';
import { smartQuotes } from '../../src/build/format/typography.ts';

const content = loadContent();
const steps = content.sections.flatMap((s) => s.steps);
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function open(options: { block?: RegExp; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.block) {
    const block = options.block;
    await page.route(
      (url) => block.test(url.pathname),
      (route) => route.fulfill({ status: 503, body: 'unavailable' }),
    );
  }
  await page.goto(baseUrl(), { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

describe('when things fail, the reader still has the story', () => {
  it('with the story script blocked: full text and every static chart', async () => {
    const { page, errors, close } = await open({ block: /\.js$/ });
    await page.waitForFunction(() => document.documentElement.dataset['mode'] === 'article');
    for (const s of content.sections)
      expect(await page.getByRole('heading', { name: smartQuotes(s.title), exact: true }).isVisible()).toBe(true);
    for (const step of steps) expect(await page.locator(`[data-step="${step.id}"]`).isVisible(), step.id).toBe(true);
    for (const chart of new Set(steps.map((s) => s.chart))) {
      const figure = page.locator(`.block-figure[data-figure-chart="${chart}"] .chart`).first();
      expect(await figure.isVisible(), chart).toBe(true);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('with the chart data unavailable: no crash, the static summary charts show', async () => {
    const { page, errors, close } = await open({ block: /\/charts\/[a-z]+\.json$/ });
    await page.waitForFunction(() => document.documentElement.dataset['mode'] === 'article');
    expect(await page.locator('.block-figure .chart').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  for (const viewport of [
    { width: 200, height: 300 },
    { width: 3000, height: 2000 },
  ]) {
    it(`at ${viewport.width}x${viewport.height}: no error, the graphic shows a step`, async () => {
      const { page, errors, close } = await open({ viewport });
      await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 3));
      await page.waitForTimeout(800);
      const shown = await page.evaluate(() => document.getElementById('graphic')?.dataset['showing']);
      expect(steps.map((s) => s.id)).toContain(shown);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (viewport.width >= 320) expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('at 320 px wide nothing scrolls sideways and body text is at least 16 px', async () => {
    const { page, close } = await open({ viewport: { width: 320, height: 640 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const size = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.step-card p') as Element).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(16);
    await close();
  });
});
