/**
 * Phones: tap targets, the sticky graphic and the step text kept apart, and what a screen reader hears
 * when the step changes (announced politely, once).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './harness.ts';
import { settle, showing, stepIds, storyReady } from './story-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** Controls a thumb has to hit (every visible button, disclosure and menu link): those under 44x44 px. */
async function smallTargets(page: Page): Promise<string[]> {
  const { checked, small } = await page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('button, summary, .contents a, .reading-bar a')].filter(
      (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    );
    return {
      checked: visible.length,
      small: visible
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(
          ({ el, box }) => `${el.textContent?.trim().slice(0, 30)} ${Math.round(box.width)}x${Math.round(box.height)}`,
        ),
    };
  });
  expect(checked, 'controls found to check').toBeGreaterThanOrEqual(4);
  return small;
}

describe('on a phone', () => {
  it('every control is at least 44 by 44 px, in every reading mode and with the menu open', async () => {
    for (const width of [320, 390]) {
      const { page, close } = await openPage(browser, '', { viewport: { width, height: 800 } });
      await storyReady(page);
      expect(await smallTargets(page), `${width} px, scroll mode`).toEqual([]);
      await page.click('[data-contents-toggle]');
      expect(await smallTargets(page), `${width} px, contents open`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.click('[data-set-mode="steps"]');
      expect(await smallTargets(page), `${width} px, step-through`).toEqual([]);
      await page.click('[data-set-mode="article"]');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await smallTargets(page), `${width} px, article, details open`).toEqual([]);
      await close();
    }
  });

  it('the pinned chart keeps its size and place from step to step (a two-line title does not shrink it)', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    const ids = await stepIds(page);
    await page.click('[data-set-mode="steps"]');
    const boxes = new Map<string, Set<string>>();
    for (let i = 0; i < ids.length; i++) {
      if (i > 0) await page.click('[data-step-next]');
      await settle(page);
      const { chart, box } = await page.evaluate(() => {
        const active = document.querySelector<HTMLElement>('#graphic .graphic-chart[data-active]')!;
        const svg = [...active.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0)!;
        const r = svg.getBoundingClientRect();
        // The drawing, not the element: a shorter element letterboxes the drawing, narrower and centred.
        const { width, height } = svg.viewBox.baseVal;
        const scale = Math.min(r.width / width, r.height / height);
        const left = r.left + (r.width - width * scale) / 2;
        return {
          chart: active.dataset['chart'] ?? '',
          box: `x ${left.toFixed(0)}, ${(width * scale).toFixed(0)} wide`,
        };
      });
      boxes.set(chart, (boxes.get(chart) ?? new Set()).add(box));
    }
    const moved = [...boxes].filter(([, b]) => b.size > 1).map(([chart, b]) => `${chart}: ${[...b].join(' / ')}`);
    expect(moved).toEqual([]);
    await close();
  });

  it('the graphic stays above the step text, and each step starts fully in view below it', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    const ids = await stepIds(page);
    for (const id of ids.filter((_, i) => i % 4 === 1)) {
      // Where the reader meets a step: its top just past the trigger line, as it becomes current.
      await page.locator(`[data-step="${id}"]`).evaluate((el) => {
        window.scrollBy(0, el.getBoundingClientRect().top - window.innerHeight * 0.7);
      });
      await settle(page);
      expect(await showing(page)).toBe(id);
      const layout = await page.evaluate((step) => {
        const graphic = document.querySelector('.graphic-col')!.getBoundingClientRect();
        const card = document.querySelector(`[data-step="${step}"] .step-card`)!.getBoundingClientRect();
        const hit = document.elementFromPoint(graphic.left + graphic.width / 2, graphic.top + graphic.height / 2);
        const chart = [...document.querySelectorAll('#graphic .graphic-chart[data-active] svg')]
          .map((s) => s.getBoundingClientRect())
          .find((r) => r.width > 0)!;
        return {
          graphicOnTop: Boolean(hit?.closest('.graphic-col')),
          cardTop: card.top,
          graphicBottom: graphic.bottom,
          chartInside: chart.top >= graphic.top - 1 && chart.bottom <= graphic.bottom + 1,
        };
      }, id);
      expect(layout.graphicOnTop, `${id}: the chart is not covered`).toBe(true);
      expect(layout.chartInside, `${id}: the chart is not clipped`).toBe(true);
      expect(layout.cardTop, `${id}: the card starts below the graphic`).toBeGreaterThanOrEqual(layout.graphicBottom);
    }
    await close();
  });

  it('announces each step change once, politely, with the chart’s own title', async () => {
    const { page, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await storyReady(page);
    expect(await page.getAttribute('#announcer', 'aria-live')).toBe('polite');
    await page.evaluate(() => {
      const w = window as unknown as { announced: string[] };
      w.announced = [];
      new MutationObserver(() => w.announced.push(document.getElementById('announcer')?.textContent ?? '')).observe(
        document.getElementById('announcer')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    const ids = await stepIds(page);
    await page.locator(`[data-step="${ids[4]}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    await page.waitForTimeout(600);
    const announced = await page.evaluate(() =>
      (window as unknown as { announced: string[] }).announced.filter(Boolean),
    );
    expect(announced.length).toBeGreaterThanOrEqual(1);
    // Once per change: no text repeated back to back.
    expect(announced.filter((t, i) => i > 0 && t === announced[i - 1])).toEqual([]);
    const title = await page.evaluate(
      () => document.querySelector('#graphic .graphic-chart[data-active] .chart-title')?.textContent ?? '',
    );
    expect(announced.at(-1)).toContain(title);
    await close();
  });
});
