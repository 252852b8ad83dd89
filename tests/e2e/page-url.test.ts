/**
 * A build without SITE names no origin (tests/unit/no-localhost.test.ts). With JavaScript the page fills
 * in the address it is actually read at, so the citations and embed codes a reader copies are complete.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the story’s own address in citations and embed codes', () => {
  it('is the address the page is read at, with JavaScript', async () => {
    const { page, close } = await openPage(browser, '');
    const story = new URL('/', baseUrl()).href;
    const built = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
    // With SITE the build wrote the published address; without it, the page fills in its own.
    const expected = /^https?:/.test(built) ? built : story;
    const apa = await page.locator('#cite-apa-7').evaluate((el) => el.textContent?.replace(/\s+/g, ' ').trim());
    expect(apa?.endsWith(` ${expected}`), apa).toBe(true);
    const mla = await page.locator('#cite-mla-9').evaluate((el) => el.textContent?.replace(/\s+/g, ' ').trim());
    expect(mla?.endsWith(`, ${expected.replace(/^https?:\/\//, '')}.`), mla).toBe(true);
    const embed = await page.locator('[id^="iframe-code-"]').first().textContent();
    expect(embed).toContain(`src="${expected}embed/`);
    await close();
  });

  it('is left out, never guessed, without JavaScript', async () => {
    const { page, close } = await openPage(browser, '', { javaScriptEnabled: false });
    const built = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
    const chicago = await page.locator('#cite-chicago').evaluate((el) => el.textContent?.replace(/\s+/g, ' ').trim());
    if (/^https?:/.test(built)) expect(chicago?.endsWith(` ${built}.`), chicago).toBe(true);
    else expect(chicago, chicago).toMatch(/\d{4}\.$/);
    expect(chicago).not.toMatch(/localhost|127\.0\.0\.1/);
    await close();
  });
});
