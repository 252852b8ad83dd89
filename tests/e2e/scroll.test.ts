import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './harness.ts';
import {
  expectedStep,
  graphicMarkup,
  settle,
  showing,
  showsStep,
  stepIds,
  storyReady,
  visibleChart,
} from './story-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

describe('the sticky graphic follows the steps', () => {
  for (const vp of VIEWPORTS) {
    it(`at ${vp.width}x${vp.height}: every step shows its own state, and the chart changes with it`, async () => {
      const { page, errors, close } = await openPage(browser, '', { viewport: vp });
      await storyReady(page);
      const ids = await stepIds(page);
      expect(ids.length).toBeGreaterThan(10);
      let previousView = '';
      let previousMarkup = '';
      for (const id of ids) {
        await page.locator(`[data-step="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await settle(page);
        expect(await showing(page), `scrolled to ${id}`).toBe(id);
        const view = await page
          .locator(`[data-step="${id}"]`)
          .evaluate((el) => `${el.dataset['chart']}:${el.dataset['view']}`);
        const markup = await graphicMarkup(page);
        if (view !== previousView) expect(markup, `${id} should change the chart`).not.toBe(previousMarkup);
        previousView = view;
        previousMarkup = markup;
      }
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('jumps to the end instantly and shows the last step', async () => {
    const { page, errors, close } = await openPage(browser, '', { viewport: { width: 1280, height: 800 } });
    await storyReady(page);
    const ids = await stepIds(page);
    await page.keyboard.press('End');
    await settle(page);
    expect(await showing(page)).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    await settle(page);
    expect(await showing(page)).toBe(ids[0]);
    expect(errors).toEqual([]);
    await close();
  });

  it('a fast fling that skips steps still lands on the step in view', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    for (const dy of [6000, -2500, 9000]) {
      await page.evaluate((y) => window.scrollBy(0, y), dy);
      await settle(page);
      expect(await showing(page)).toBe(await expectedStep(page));
    }
    await close();
  });

  it('opens a deep link on its step with its graphic state, and the hash follows the reader', async () => {
    const { page, close } = await openPage(browser, '#collapse-march', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    await settle(page);
    expect(await showing(page)).toBe('collapse-march');
    expect(await page.locator('[data-step="collapse-march"]').isVisible()).toBe(true);
    const before = await page.evaluate(() => history.length);
    await page.locator('[data-step="collapse-lockdown"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    expect(new URL(page.url()).hash).toBe('#collapse-lockdown');
    expect(await page.evaluate(() => history.length)).toBe(before);
    await close();
  });

  it('an unknown hash is ignored', async () => {
    const { page, errors, close } = await openPage(browser, '#no-such-step', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    await settle(page);
    expect(await showing(page)).toBe(await expectedStep(page));
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the right state when resized mid-story from desktop to phone and back', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 1280, height: 800 } });
    await storyReady(page);
    await page.locator('[data-step="warnings-march"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    for (const size of [
      { width: 390, height: 844 },
      { width: 844, height: 390 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      await settle(page);
      expect(await showing(page), `${size.width}x${size.height}`).toBe(await expectedStep(page));
      expect(await visibleChart(page, 'data-layout')).toBe(size.width < 900 ? 'narrow' : 'wide');
      // The visible drawing, not only the hidden twin, follows the step.
      const step = page.locator(`[data-step="${await showing(page)}"]`);
      expect(await visibleChart(page, 'data-view')).toBe(await step.getAttribute('data-view'));
    }
    await close();
  });

  it('with reduced motion, states change without tweens', async () => {
    const { page, close } = await openPage(browser, '', {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await storyReady(page);
    await page.locator('[data-step="collapse-march"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.getElementById('graphic')?.dataset['showing'] === 'collapse-march');
    expect(await page.evaluate(() => document.getElementById('graphic')?.hasAttribute('data-tweening'))).toBe(false);
    await close();
  });
});

describe('reading modes', () => {
  it('step-through mode: remembered, driven by keys and buttons', async () => {
    const { page, errors, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    const ids = await stepIds(page);
    await page.click('[data-set-mode="steps"]');
    expect(await page.evaluate(() => document.documentElement.dataset['mode'])).toBe('steps');
    await page.reload();
    await storyReady(page);
    expect(await page.evaluate(() => document.documentElement.dataset['mode'])).toBe('steps');
    expect(await page.getAttribute('[data-set-mode="steps"]', 'aria-pressed')).toBe('true');
    expect(await showing(page)).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await showsStep(page, ids[1]);
    await page.keyboard.press('ArrowRight');
    await showsStep(page, ids[2]);
    await page.click('[data-step-next]');
    await showsStep(page, ids[3]);
    await page.click('[data-step-prev]');
    await showsStep(page, ids[2]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-step'))).toBe(ids[2]);
    const box = await page.locator('[data-step-next]').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(errors).toEqual([]);
    await close();
  });

  it('article mode: no sticky graphic, a summary chart before each block of steps', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 1280, height: 800 } });
    await storyReady(page);
    await page.click('[data-set-mode="article"]');
    expect(await page.locator('#graphic').isVisible()).toBe(false);
    const first = (await stepIds(page))[0];
    const figureBeforeFirst = page.locator(`.block-figure:has(+ [data-step="${first}"]) .chart`);
    expect(await figureBeforeFirst.isVisible()).toBe(true);
    expect(await page.locator('.block-figure .chart:visible').count()).toBeGreaterThanOrEqual(4);
    await close();
  });

  it('a bad stored mode falls back to scroll', async () => {
    const { page, errors, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await page.evaluate(() => localStorage.setItem('explainer:reading-mode', '<script>'));
    await page.reload();
    await storyReady(page);
    expect(await page.evaluate(() => document.documentElement.dataset['mode'])).toBe('scroll');
    expect(errors).toEqual([]);
    await close();
  });

  it('the contents menu opens, jumps to a section and closes', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    expect(await page.locator('#contents').isVisible()).toBe(false);
    await page.click('[data-contents-toggle]');
    expect(await page.locator('#contents').isVisible()).toBe(true);
    await page.click('#contents a[href="#what-came-next"]');
    await settle(page);
    expect(await page.locator('#contents').isVisible()).toBe(false);
    expect(await showing(page)).toBe(await expectedStep(page));
    await close();
  });
});
