#!/usr/bin/env node
// @ts-check
// Screenshots of the built story for people to look at: node scripts/screenshots.mjs [outDir] [--dir dist]
// At 320, 390 and 1280 px wide, light and dark, at the top and at a step in the middle; plus one without JS.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/tmp/shots';
const dirArg = process.argv.indexOf('--dir');
const dir = (dirArg > 0 ? process.argv[dirArg + 1] : undefined) ?? 'dist';
mkdirSync(out, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const server = await serve({ dir, port: 0 });
const browser = await chromium.launch({ executablePath, args });
try {
  for (const width of [320, 390, 1280]) {
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const height = width < 700 ? 760 : 800;
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.screenshot({ path: `${out}/${width}-${colorScheme}-top.png` });
      const ids = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.id));
      for (const [label, id] of [
        ['mid', ids[Math.floor(ids.length / 2)]],
        ['step3', ids[2]],
      ]) {
        await page.locator(`[data-step="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(900);
        await page.screenshot({ path: `${out}/${width}-${colorScheme}-${label}.png` });
      }
      await context.close();
    }
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('[data-step]').nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/390-nojs-step.png` });
  await context.close();

  // The end of the story (updates, citations, embeds), the teaching page and the embeds.
  for (const [width, colorScheme] of /** @type {const} */ ([
    [390, 'light'],
    [1280, 'dark'],
  ])) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const p = await ctx.newPage();
    await p.goto(server.url, { waitUntil: 'networkidle' });
    await p.locator('#updates').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await p.waitForTimeout(300);
    await p.screenshot({ path: `${out}/${width}-${colorScheme}-end.png` });
    await p.goto(new URL('teach/', server.url).href, { waitUntil: 'networkidle' });
    await p.screenshot({ path: `${out}/${width}-${colorScheme}-teach.png`, fullPage: true });
    await ctx.close();
  }
  for (const width of [360, 720]) {
    const ctx = await browser.newContext({ viewport: { width, height: 700 } });
    const p = await ctx.newPage();
    await p.goto(new URL('embed/exports/', server.url).href, { waitUntil: 'networkidle' });
    await p.locator('[data-state="march-drop"]').click();
    await p.waitForTimeout(800);
    await p.screenshot({ path: `${out}/embed-exports-${width}.png`, fullPage: true });
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
