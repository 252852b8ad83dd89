/**
 * Keyboard readers: the skip link comes first, Tab reaches every control in reading order with a visible
 * focus ring, and focus never gets stuck.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './harness.ts';
import { storyReady } from './story-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Stop {
  label: string;
  /** Whether the previous stop comes before this one in the document. */
  afterPrevious: boolean;
  /** Whether this is the first stop again: focus went round. */
  wrapped: boolean;
  ring: boolean;
}

/**
 * The focused element: what it is, whether it follows the previous stop in document order (compared by
 * position, not by index: the charts add and remove marks while the reader tabs), whether a ring shows.
 */
const focused = (page: Page) =>
  page.evaluate((): Stop | null => {
    const w = window as unknown as { stops?: Element[] };
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const stops = (w.stops ??= []);
    const previous = stops.at(-1);
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const stop = {
      label: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 30) ?? ''}`,
      afterPrevious: !previous || Boolean(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      wrapped: stops[0] === el,
      ring,
    };
    stops.push(el);
    return stop;
  });

async function tabThrough(page: Page, limit: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop || stop.wrapped) break; // focus left the page, or came round: it went all the way through
    stops.push(stop);
  }
  return stops;
}

describe('with the keyboard alone', () => {
  for (const path of ['', 'timeline/', 'teach/', 'embed/exports/']) {
    it(`on /${path}: the skip link first, every stop in document order with a visible ring, no trap`, async () => {
      const { page, close } = await openPage(browser, path, { viewport: { width: 1280, height: 800 } });
      if (path === '') await storyReady(page);
      await page.waitForLoadState('networkidle');
      const total = await page.evaluate(
        () =>
          // What a reader can see now: not hidden, and not inside a closed <details>.
          [...document.querySelectorAll<HTMLElement>('a[href], button, summary, [tabindex="0"]')].filter((el) =>
            el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false }),
          ).length,
      );
      const stops = await tabThrough(page, total + 20);
      if (path !== 'embed/exports/') expect(stops[0]?.label).toMatch(/^a skip to/i);
      // Every control was reached, and focus then left the page or came round again: no trap.
      expect(stops.length).toBeGreaterThanOrEqual(total);
      expect(stops.length).toBeLessThan(total + 20);
      expect(stops.filter((s) => !s.ring).map((s) => s.label)).toEqual([]);
      const backwards = stops.filter((s) => !s.afterPrevious).map((s) => s.label);
      expect(backwards).toEqual([]);
      await close();
    });
  }
});
