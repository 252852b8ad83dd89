#!/usr/bin/env node
// @ts-check
// Screenshots of the built story for people to look at (npm run screenshots; build first):
//   node tools/screenshots.mjs [outDir] [--dir dist] [--only 390-light]
// Every step at 390x844 and 1280x800, light and dark, in the animated view; the top of the page, the
// tap-through view, no JavaScript, the end of the story, the teaching page and the embeds; then
// index.html, a contact sheet tiling them all. outDir defaults to screenshots/ (git-ignored).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const argv = process.argv.slice(2);
/** @param {string} name */
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const out = argv[0] && !argv[0].startsWith('--') ? argv[0] : 'screenshots';
const dir = option('--dir') ?? 'dist';
const only = option('--only');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const server = await serve({ dir, port: 0 });
const browser = await chromium.launch({ executablePath, args });
/** Every shot, grouped for the contact sheet: { group, file, label }. */
/** @type {{ group: string; file: string; label: string }[]} */
const shots = [];
/**
 * @param {import('playwright-core').Page} page
 * @param {string} group
 * @param {string} name
 * @param {string} label
 * @param {import('playwright-core').PageScreenshotOptions} [options]
 */
const shoot = async (page, group, name, label, options = {}) => {
  const file = `${group}-${name}.png`;
  await page.screenshot({ path: `${out}/${file}`, ...options });
  shots.push({ group, file, label });
};
/** Waits until the page has stopped scrolling and the graphic has finished its tween. */
/** @param {import('playwright-core').Page} page */
const settle = async (page) => {
  await page.waitForTimeout(150);
  await page.waitForFunction(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
  );
  await page
    .waitForFunction(() => !document.getElementById('graphic')?.hasAttribute('data-tweening'), undefined, {
      timeout: 5000,
    })
    .catch(() => {});
  await page.waitForTimeout(250);
};

try {
  for (const [width, height] of /** @type {const} */ ([
    [390, 844],
    [1280, 800],
  ])) {
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const group = `${width}-${colorScheme}`;
      if (only && only !== group) continue;
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
      await shoot(page, group, '00-top', 'top of the page');
      const ids = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.id));
      for (const [i, id] of ids.entries()) {
        // Phones: the card just under the pinned graphic (its scroll-margin); wider screens: mid-screen.
        await page
          .locator(`[data-step="${id}"]`)
          .evaluate((el, phone) => el.scrollIntoView({ block: phone ? 'start' : 'center' }), width < 600);
        await page
          .waitForFunction((want) => document.getElementById('graphic')?.dataset['showing'] === want, id, {
            timeout: 5000,
          })
          .catch(() => console.warn(`${group}: the graphic did not reach step ${id}`));
        await settle(page);
        const n = String(i + 1).padStart(2, '0');
        await shoot(page, group, `step-${n}-${id}`, `step ${i + 1} of ${ids.length}: ${id}`);
      }
      // The tap-through view, on its fourth step: the counter and the bottom bar.
      await page.click('[data-set-mode="steps"]');
      await page.evaluate(() => scrollTo(0, 0));
      for (let i = 0; i < 3; i++) {
        await page.click('[data-step-next]');
        await settle(page);
      }
      await page.waitForTimeout(400);
      await shoot(page, group, 'zz-tap-through', 'tap-through view, step 4');
      await page.click('[data-set-mode="scroll"]');
      await context.close();
    }
  }

  if (!only) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await shoot(page, 'extra', '390-nojs-top', 'no JavaScript, top, 390');
    await page.locator('[data-step]').nth(1).scrollIntoViewIfNeeded();
    await shoot(page, 'extra', '390-nojs-step', 'no JavaScript, a step, 390');
    await context.close();

    // The end of the story (sources, updates, citations, embeds), the teaching page and an embed.
    for (const [width, colorScheme] of /** @type {const} */ ([
      [390, 'light'],
      [1280, 'dark'],
    ])) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const p = await ctx.newPage();
      await p.goto(server.url, { waitUntil: 'networkidle' });
      for (const target of ['sources-title', 'updates']) {
        await p.locator(`#${target}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await p.waitForTimeout(300);
        await shoot(p, 'extra', `${width}-${colorScheme}-${target}`, `${target}, ${width} ${colorScheme}`);
      }
      await p.click('[data-contents-toggle]');
      await shoot(p, 'extra', `${width}-${colorScheme}-contents`, `contents menu open, ${width} ${colorScheme}`);
      await p.goto(new URL('teach/', server.url).href, { waitUntil: 'networkidle' });
      await shoot(p, 'extra', `${width}-${colorScheme}-teach`, `teaching page, ${width} ${colorScheme}`);
      await ctx.close();
    }
    const ctx = await browser.newContext({ viewport: { width: 360, height: 700 } });
    const p = await ctx.newPage();
    await p.goto(new URL('embed/exports/', server.url).href, { waitUntil: 'networkidle' });
    await shoot(p, 'extra', 'embed-exports-360', 'exports embed, 360', { fullPage: true });
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const groups = [...new Set(shots.map((s) => s.group))];
/** @param {string} s */
const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const sheet = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quiet Exit: contact sheet</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1rem; background: #eee; }
section { margin-bottom: 2rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(var(--w), 1fr)); gap: 0.75rem; }
figure { margin: 0; background: #fff; padding: 0.25rem; }
img { width: 100%; display: block; border: 1px solid #ccc; }
figcaption { padding-top: 0.25rem; }
</style></head><body>
<h1>Quiet Exit: ${shots.length} screenshots</h1>
${groups
  .map(
    (g) => `<section><h2>${escape(g)}</h2><div class="grid" style="--w: ${g.startsWith('390') ? 180 : 320}px">
${shots
  .filter((s) => s.group === g)
  .map(
    (s) =>
      `<figure><a href="${s.file}"><img src="${s.file}" alt="" loading="lazy"></a><figcaption>${escape(s.label)}</figcaption></figure>`,
  )
  .join('\n')}
</div></section>`,
  )
  .join('\n')}
</body></html>
`;
writeFileSync(`${out}/index.html`, sheet);
console.log(`${shots.length} screenshots and a contact sheet (index.html) in ${out}/`);
