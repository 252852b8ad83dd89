import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { scrollAtRest } from '../../tools/lib/scroll-rest.ts';

export { expectedStep } from '../../tools/lib/expected-step.ts';

export const showing = (page: Page) =>
  page.evaluate(() => document.getElementById('graphic')?.dataset['showing'] ?? '');

/** Waits until scrolling has stopped (smooth scrolls included), then until no tween runs. */
export async function settle(page: Page, timeout = 8000): Promise<void> {
  await scrollAtRest(page, 120, timeout);
  await page.waitForFunction(() => !document.getElementById('graphic')?.hasAttribute('data-tweening'), undefined, {
    timeout,
  });
}

/**
 * Waits until the graphic shows the given step, then until the scroll and any tween are done. A long
 * smooth scroll between two steps can pause mid-way (settle() alone then reads too early).
 */
export async function showsStep(page: Page, id: string | undefined, timeout = 8000): Promise<void> {
  await page
    .waitForFunction((want) => document.getElementById('graphic')?.dataset['showing'] === want, id, { timeout })
    .catch(() => undefined);
  await settle(page, timeout);
  expect(await page.evaluate(() => document.getElementById('graphic')?.dataset['showing'])).toBe(id);
}

export async function stepIds(page: Page): Promise<string[]> {
  return page.locator('[data-step]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['step'] ?? ''));
}

/** Waits for the story script to have started and the chart data to be in. */
export async function storyReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
  await page.waitForLoadState('networkidle');
}

/** The chart SVG the graphic shows now (both layouts are in the page; CSS shows the one that fits). */
export const visibleChart = (page: Page, attribute: string) =>
  page.evaluate(
    (name) =>
      [...document.querySelectorAll('#graphic .graphic-chart[data-active] svg')]
        .find((svg) => svg.getBoundingClientRect().width > 0)
        ?.getAttribute(name) ?? null,
    attribute,
  );

/** The markup of the chart the graphic shows now. */
export const graphicMarkup = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('#graphic .graphic-chart[data-active] svg')].find(
        (svg) => svg.getBoundingClientRect().width > 0,
      )?.outerHTML ?? '',
  );
