import type { Page } from 'playwright-core';

/** Waits `pause` ms, then until the page has not scrolled for 150 ms: a smooth scroll has come to rest. */
export async function scrollAtRest(page: Page, pause: number, timeout: number): Promise<void> {
  await page.waitForTimeout(pause);
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const y = window.scrollY;
        setTimeout(() => resolve(window.scrollY === y), 150);
      }),
    undefined,
    { timeout, polling: 50 },
  );
}
