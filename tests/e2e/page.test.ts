import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/content/read-content.ts';
import { smartQuotes } from '../../src/build/format/typography.ts';
import { baseUrl, launch, openPage } from './harness.ts';

const content = loadContent();
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the story page', () => {
  it('loads without console errors or requests to other origins', async () => {
    const { page, errors, outside, close } = await openPage(browser);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await close();
  });

  it('requests nothing but the document until its script asks, after the first contentful paint', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      requestAnimationFrame(() => ((window as unknown as { firstFrame: number }).firstFrame = performance.now()));
    });
    const page = await context.newPage();
    // Who asked for each request: the parser or its preload scanner (an icon, a <script src>) would load
    // during the first layout; only the loader's import, once the first screen is shown, may load the engine.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const initiators: string[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type !== 'Document') initiators.push(`${new URL(e.request.url).pathname} ${e.initiator.type}`);
    });
    await page.goto(baseUrl(), { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    const { frame, painted, requests } = await page.evaluate(() => ({
      frame: (window as unknown as { firstFrame: number }).firstFrame,
      // A request sent before the first screen is shown is one Lighthouse counts in first paint and LCP.
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      requests: performance
        .getEntriesByType('resource')
        .map((r) => ({ name: new URL(r.name).pathname, start: r.startTime })),
    }));
    expect(initiators.filter((i) => i.endsWith('.js script')).length).toBeGreaterThan(0);
    expect(initiators.filter((i) => !i.endsWith(' script'))).toEqual([]);
    expect(frame).toBeGreaterThan(0);
    expect(painted).toBeLessThan(Infinity);
    expect(requests.filter((r) => r.start < painted)).toEqual([]);
    expect(requests.filter((r) => r.start < frame)).toEqual([]);
    await context.close();
  });

  it('shows the headline, every section in order, every source and the way to the timeline', async () => {
    const { page, close } = await openPage(browser);
    expect(await page.locator('h1').innerText()).toBe(content.article.headline);
    const ids = await page.locator('section.story-section').evaluateAll((els) => els.map((e) => e.id));
    expect(ids).toEqual(content.sections.map((s) => s.id));
    for (const s of content.sources) {
      await expect.soft(page.locator(`#source-${s.id}`).count(), `source ${s.id}`).resolves.toBe(1);
    }
    await expect(page.locator('#timeline-title ~ p a[href$="timeline/"]').count()).resolves.toBe(1);
    await close();
  });

  it('the timeline page shows every event with its quotes, and every source it cites on the page', async () => {
    const { page, close } = await openPage(browser, 'timeline/', { javaScriptEnabled: false });
    for (const e of content.events) {
      const event = page.locator(`#event-${e.id}`);
      await expect.soft(event.count(), `event ${e.id}`).resolves.toBe(1);
      const text = await event.innerText();
      for (const q of e.quotes ?? []) expect.soft(text, `${e.id} quote`).toContain(smartQuotes(q.text));
      for (const id of e.sources) {
        await expect.soft(event.locator(`a[href="#source-${id}"]`).count(), `${e.id} cites ${id}`).resolves.toBe(1);
        await expect.soft(page.locator(`#source-${id}`).count(), `source ${id} on the page`).resolves.toBe(1);
      }
    }
    await close();
  });

  it('reads in full with JavaScript off', async () => {
    const { page, close } = await openPage(browser, '', { javaScriptEnabled: false });
    const text = await page.locator('main').innerText();
    for (const s of content.sections) expect(text).toContain(smartQuotes(s.title));
    for (const step of content.sections.flatMap((s) => s.steps)) {
      expect(await page.locator(`[data-step="${step.id}"]`).isVisible(), step.id).toBe(true);
    }
    await close();
  });
});
