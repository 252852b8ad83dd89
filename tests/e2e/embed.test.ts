/**
 * Embeds on another site: they can be framed, they switch states with their buttons, and they tell
 * the host page their height in pym.js's message format, as newsroom CMS embed loaders expect.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartNames, chartStates, stateLabel } from '../../src/build/charts/registry.ts';
import { loadChartsConfig } from '../../src/build/content/read-content.ts';

const charts = loadChartsConfig();
import { baseUrl, launch, openPage } from './harness.ts';
import { startHostSite } from './host-site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const CHILD = 'quiet-exit-exports';

/** A host page on another origin (about:blank) with the embed in an iframe, recording messages it receives. */
async function hostPage(
  width: number,
): Promise<{ page: Page; frame: Frame; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const src = new URL(`embed/exports/?initialWidth=${width}&childId=${CHILD}&parentTitle=Host`, baseUrl()).href;
  const host = await startHostSite(
    `<!doctype html><title>Host</title>
     <script>window.received = []; addEventListener('message', (e) => window.received.push(e.data));</script>
     <iframe id="embed" src="${src}" width="${width}" height="150" style="border:0"></iframe>`,
  );
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('#embed')).contentFrame();
  if (!frame) throw new Error('the embed did not load in its frame');
  await frame.waitForLoadState('networkidle');
  return {
    page,
    frame,
    errors,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

const heights = (page: Page) =>
  page.evaluate((id) => {
    const prefix = `pymxPYMx${id}xPYMxheightxPYMx`;
    return (window as unknown as { received: unknown[] }).received
      .filter((d): d is string => typeof d === 'string' && d.startsWith(prefix))
      .map((d) => Number(d.slice(prefix.length)));
  }, CHILD);

const bodyHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

describe('chart embeds', () => {
  it('can be framed by another site and report their height in pym.js format', async () => {
    const { page, frame, errors, close } = await hostPage(640);
    expect(await frame.locator('figure svg').first().isVisible()).toBe(true);
    await expect.poll(() => heights(page)).not.toEqual([]);
    const reported = (await heights(page)).at(-1) ?? 0;
    expect(reported).toBeGreaterThan(300);
    expect(Math.abs(reported - (await bodyHeight(frame)))).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('report a new height when the host narrows the frame and asks with a width message', async () => {
    const { page, frame, close } = await hostPage(640);
    await expect.poll(() => heights(page)).not.toEqual([]);
    const before = (await heights(page)).at(-1);
    await page.evaluate((id) => {
      const iframe = document.getElementById('embed') as HTMLIFrameElement;
      iframe.width = '320';
      iframe.contentWindow?.postMessage(`pymxPYMx${id}xPYMxwidthxPYMx320`, '*');
    }, CHILD);
    await expect.poll(async () => (await heights(page)).at(-1)).not.toBe(before);
    await expect.poll(async () => (await heights(page)).at(-1)).toBe(await bodyHeight(frame));
    await close();
  });

  it("are sized by the real pym.js Parent, as a newsroom's page would embed them", async () => {
    const pymJs = readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'));
    const src = new URL('embed/exports/', baseUrl()).href;
    const host = await startHostSite(
      `<!doctype html><title>Host</title><body style="margin:0">
       <div id="quiet-exit-chart"></div>
       <script src="/pym.v1.min.js"></script>
       <script>window.pymParent = new pym.Parent('quiet-exit-chart', ${JSON.stringify(src)}, {});</script>`,
      { '/pym.v1.min.js': { type: 'text/javascript', body: pymJs } },
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const iframe = page.locator('#quiet-exit-chart iframe');
    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error('pym.Parent made no iframe');
    // pym.Parent passes the container's id as childId, and sets the frame's height when told it.
    expect(await iframe.getAttribute('src')).toContain('childId=quiet-exit-chart');
    const frameHeight = async () => parseFloat((await iframe.getAttribute('height')) ?? '0');
    await expect.poll(frameHeight).toBeGreaterThan(300);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await bodyHeight(frame)))).toBeLessThanOrEqual(1);
    // A narrower page: pym.Parent sends the new width, the embed answers with its new height.
    const wide = await frameHeight();
    await page.setViewportSize({ width: 340, height: 900 });
    await expect.poll(frameHeight).not.toBe(wide);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await bodyHeight(frame)))).toBeLessThanOrEqual(1);
    await context.close();
    await host.close();
  });

  it('move between states with their buttons', async () => {
    const { frame, close } = await hostPage(640);
    const group = frame.locator('.embed-states');
    await expect.poll(() => group.isVisible()).toBe(true);
    const visibleView = () =>
      frame.evaluate(
        () =>
          [...document.querySelectorAll('[data-chart-host] svg')]
            .find((s) => s.getBoundingClientRect().width > 0)
            ?.getAttribute('data-view') ?? '',
      );
    for (const state of ['april-low', 'rebound', 'context']) {
      await frame.locator(`[data-state="${state}"]`).click();
      await expect.poll(visibleView).toBe(state);
      expect(await frame.locator(`[data-state="${state}"]`).getAttribute('aria-pressed')).toBe('true');
    }
    expect(await frame.locator('[aria-pressed="true"]').count()).toBe(1);
    await close();
  });

  for (const chart of chartNames(charts)) {
    it(`${chart}: a button for every state, each showing its state in the layout on screen`, async () => {
      for (const width of [390, 1280]) {
        const { page, errors, close } = await openPage(browser, `embed/${chart}/`, {
          viewport: { width, height: 800 },
        });
        await page.waitForLoadState('networkidle');
        const buttons = page.locator('.embed-state');
        expect(await buttons.allTextContents()).toEqual(
          chartStates(charts, chart).map((s) => stateLabel(charts, chart, s)),
        );
        const visibleView = () =>
          page.evaluate(
            () =>
              [...document.querySelectorAll('[data-chart-host] svg')]
                .find((s) => s.getBoundingClientRect().width > 0)
                ?.getAttribute('data-view') ?? '',
          );
        for (const state of [...chartStates(charts, chart)].reverse()) {
          await page.locator(`[data-state="${state}"]`).click();
          await expect.poll(visibleView).toBe(state);
        }
        expect(errors).toEqual([]);
        await close();
      }
    });
  }

  it('keep their static chart and hide the buttons without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('embed/categories/', baseUrl()).href);
    expect(await page.locator('figure svg').first().isVisible()).toBe(true);
    expect(await page.locator('.embed-states').isVisible()).toBe(false);
    await context.close();
  });
});
