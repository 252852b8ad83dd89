/**
 * Zoom: 200% browser zoom (a 1280x800 window becomes a 640x400 CSS viewport at twice the pixel density)
 * and 200% text size (the browser's default font size doubled, so every rem doubles). Everything stays
 * readable (no sideways scrolling, nothing clipped off-screen) and the graphic stays in step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './harness.ts';
import { expectedStep, settle, showing, stepIds, storyReady } from './story-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Visits every third step and checks the graphic shows the step in view. */
async function walkSteps(page: Page): Promise<void> {
  const ids = await stepIds(page);
  for (const id of ids.filter((_, i) => i % 3 === 0)) {
    await page.locator(`[data-step="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    expect(await showing(page), `at ${id}`).toBe(await expectedStep(page));
  }
}

describe('zoomed in', () => {
  it('at 200% browser zoom: no sideways scrolling, the graphic follows the steps', async () => {
    const { page, errors, close } = await openPage(browser, '', {
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
    });
    await storyReady(page);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await walkSteps(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('at 200% text size, on a phone and on a desktop: text reflows, nothing scrolls sideways, still in step', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const { page, errors, close } = await openPage(browser, '', { viewport, bypassCSP: true });
      // What a reader's "font size: very large" does: the root font size doubles, and every rem with it.
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      await storyReady(page);
      await page.waitForTimeout(300);
      expect(await overflowX(page), `${viewport.width} px`).toBeLessThanOrEqual(0);
      const bodySize = await page.evaluate(() =>
        parseFloat(getComputedStyle(document.querySelector('.step-card p')!).fontSize),
      );
      expect(bodySize).toBeGreaterThanOrEqual(32);
      await walkSteps(page);
      expect(errors).toEqual([]);
      await close();
    }
  });
});
