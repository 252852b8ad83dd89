import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartNames } from '../../src/build/charts/registry.ts';
import { loadChartsConfig } from '../../src/build/content/read-content.ts';
import { launch, openPage } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/** Runs axe-core in the page (evaluated over CDP, so the page's CSP does not block it). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
}

const describeViolations = (vs: AxeViolation[]) =>
  vs
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
    .join('\n');

/** Scrolls the middle step of the story into view and waits for the graphic to show it (when JS runs). */
async function goToMiddleStep(page: Page): Promise<string> {
  const ids = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step') ?? ''));
  const id = ids[Math.floor(ids.length / 2)] ?? '';
  await page.locator(`[data-step="${id}"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-step="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page
    .waitForFunction((step) => document.getElementById('graphic')?.dataset['showing'] === step, id, { timeout: 5000 })
    .catch(() => undefined);
  await page.waitForTimeout(700); // let any tween finish: axe reads colours and positions
  return id;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('axe-core finds no WCAG 2.2 AA or best-practice violations', () => {
  for (const width of [320, 390, 768, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`at ${width} px, ${colorScheme}, at the top and at a middle step`, async () => {
        const { page, close } = await openPage(browser, '', {
          viewport: { width, height: width < 700 ? 800 : 900 },
          colorScheme,
          bypassCSP: true,
        });
        const atTop = await axe(page);
        expect(atTop, `top of page:\n${describeViolations(atTop)}`).toEqual([]);
        await goToMiddleStep(page);
        const atStep = await axe(page);
        expect(atStep, `middle step:\n${describeViolations(atStep)}`).toEqual([]);
        await close();
      });
    }
  }

  for (const mode of ['article', 'steps'] as const) {
    it(`in ${mode} mode, at 390 px`, async () => {
      const { page, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 }, bypassCSP: true });
      await page.evaluate((m) => localStorage.setItem('explainer:reading-mode', m), mode);
      await page.reload({ waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.dataset['mode'])).toBe(mode);
      await goToMiddleStep(page);
      const vs = await axe(page);
      expect(vs, describeViolations(vs)).toEqual([]);
      await close();
    });
  }

  for (const path of ['timeline/', 'teach/', ...chartNames(loadChartsConfig()).map((chart) => `embed/${chart}/`)]) {
    for (const [width, colorScheme] of [
      [320, 'light'],
      [1280, 'dark'],
    ] as const) {
      it(`on ${path} at ${width} px, ${colorScheme}`, async () => {
        const { page, close } = await openPage(browser, path, {
          viewport: { width, height: 800 },
          colorScheme,
          bypassCSP: true,
        });
        await page.waitForLoadState('networkidle');
        const vs = await axe(page);
        expect(vs, describeViolations(vs)).toEqual([]);
        await close();
      });
    }
  }
});
