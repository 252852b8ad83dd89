import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage } from './harness.ts';
import { startHostSite } from './host-site.ts';
import { filesUnder } from '../../tools/lib/files-under.ts';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const pages = (dir: string): string[] => filesUnder(dir, /\.html$/);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('strict security', () => {
  it('every page has a strict CSP: no unsafe-inline or unsafe-eval for scripts', () => {
    for (const file of pages(DIST)) {
      const html = readFileSync(file, 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
      expect(csp, file).toBeDefined();
      const scriptSrc = /script-src ([^;]+)/.exec(csp ?? '')?.[1] ?? '';
      expect(scriptSrc, file).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp, file).toMatch(/default-src 'self'/);
    }
  });

  it('serves the security headers from _headers, and the story cannot be framed', async () => {
    const response = await fetch(baseUrl());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const asset = /["'`]([^"'`]*\/_astro\/[^"'`]+\.js)["'`]/.exec(await response.text())?.[1] ?? '';
    expect(asset).not.toBe('');
    const cached = await fetch(new URL(asset, baseUrl()));
    expect(cached.headers.get('cache-control')).toContain('immutable');
  });

  it('a page on another site cannot frame the story', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const host = await startHostSite(`<!doctype html><iframe src="${baseUrl()}" width="400" height="300"></iframe>`);
    await page.goto(host.url);
    await page.waitForTimeout(1000);
    const frame = page.frames()[1];
    const framed = await frame?.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');
    expect(framed ?? '').not.toContain('The quiet exit');
    expect(frame?.url() ?? '').not.toBe(baseUrl());
    await context.close();
    await host.close();
  });

  it('external links open safely', () => {
    for (const file of pages(DIST)) {
      const html = readFileSync(file, 'utf8');
      // noreferrer: the source sites learn nothing of the page, and by the HTML standard it implies noopener.
      for (const tag of html.match(/<a [^>]*href="https?:\/\/[^"]*"[^>]*>/g) ?? []) {
        expect(tag, file).toMatch(/rel="[^"]*noreferrer[^"]*"/);
      }
    }
  });

  it('no request leaves the site, whatever the reader does', async () => {
    const { page, outside, close } = await openPage(browser, '', { viewport: { width: 390, height: 844 } });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(500);
    await page.click('[data-set-mode="article"]');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    await close();
  });
});
