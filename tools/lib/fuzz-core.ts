/**
 * A seeded scroll fuzzer: random reader behaviour, then after each action settles, the graphic must show
 * the step in view, no tween may be stuck and no error may have happened. Shared by tests/e2e/fuzz.test.ts
 * (one fixed seed, in npm test) and tools/fuzz.mjs (many seeds: npm run fuzz -- --seeds 20).
 */
import type { Browser, Page } from 'playwright-core';
import { expectedStep } from './expected-step.ts';
import { scrollAtRest } from './scroll-rest.ts';

/** mulberry32: a small, good-enough PRNG whose whole state is the seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzFailure {
  seed: number;
  action: number;
  description: string;
  problem: string;
  history: string[];
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const settled = (page: Page): Promise<void> => scrollAtRest(page, 100, 10_000);

/** What must hold once the reader stops: returns a problem, or undefined. */
async function check(page: Page): Promise<string | undefined> {
  // A tween may run for up to 0.6 s after the last step change; longer means it is stuck.
  const unstuck = await page
    .waitForFunction(() => !document.getElementById('graphic')?.hasAttribute('data-tweening'), undefined, {
      timeout: 1500,
    })
    .then(() => true)
    .catch(() => false);
  if (!unstuck) return 'a tween is stuck: #graphic still has data-tweening after 1.5 s';
  // The controller confirms the step once scrolling has been quiet for a moment: allow it a second.
  const deadline = Date.now() + 1000;
  for (;;) {
    const problem = await wrongStep(page);
    if (!problem || Date.now() > deadline) return problem;
    await page.waitForTimeout(100);
  }
}

async function wrongStep(page: Page): Promise<string | undefined> {
  const { ready, article, shown } = await page.evaluate(() => ({
    ready: document.documentElement.classList.contains('story-ready'),
    article: document.documentElement.dataset['mode'] === 'article',
    shown: document.getElementById('graphic')?.dataset['showing'],
  }));
  if (!ready) return 'the story script is not running';
  if (article) return undefined;
  const expected = await expectedStep(page);
  return shown === expected ? undefined : `the graphic shows "${shown}" but the step in view is "${expected}"`;
}

type Action = { name: string; run: (page: Page) => Promise<void> };

function actions(random: () => number, baseUrl: string, stepIds: string[], sectionIds: string[]): Action[] {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const sign = () => (random() < 0.5 ? -1 : 1);
  return [
    {
      name: 'wheel burst',
      run: async (page) => {
        const dir = sign();
        for (let i = int(2, 8); i > 0; i--) await page.mouse.wheel(0, dir * int(80, 400));
      },
    },
    { name: 'fling', run: (page) => page.evaluate((dy) => window.scrollBy(0, dy), sign() * int(2000, 14000)) },
    {
      name: 'key',
      run: (page) => page.keyboard.press(pick(['PageDown', 'PageUp', 'Space', 'End', 'Home', 'ArrowDown'])),
    },
    {
      name: 'contents jump',
      run: async (page) => {
        if (!(await page.locator('[data-contents-toggle]').isVisible())) return;
        await page.click('[data-contents-toggle]');
        await page.click(`#contents a[href="#${pick(sectionIds)}"]`);
      },
    },
    {
      name: 'deep link',
      run: async (page) => {
        await page.goto(`${baseUrl}#${pick(stepIds)}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
        await page.waitForLoadState('networkidle');
      },
    },
    {
      name: 'back or forward',
      run: async (page) => {
        await (random() < 0.5 ? page.goBack({ waitUntil: 'load' }) : page.goForward({ waitUntil: 'load' })).catch(
          () => null,
        );
        if (!page.url().startsWith(baseUrl)) await page.goto(baseUrl, { waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
        await page.waitForLoadState('networkidle');
      },
    },
    {
      name: 'resize',
      run: async (page) => {
        const now = page.viewportSize();
        await page.setViewportSize(now?.width === PHONE.width ? DESKTOP : PHONE);
        await page.waitForTimeout(300);
      },
    },
    {
      name: 'reading mode',
      run: async (page) => {
        const mode = pick(['scroll', 'scroll', 'steps', 'article']);
        const button = page.locator(`[data-set-mode="${mode}"]`);
        if (await button.isVisible()) await button.click();
      },
    },
    {
      name: 'step through',
      run: async (page) => {
        if ((await page.evaluate(() => document.documentElement.dataset['mode'])) !== 'steps') return;
        await page.keyboard.press(pick(['ArrowDown', 'ArrowUp', 'ArrowRight']));
      },
    },
    {
      name: 'reduced motion',
      run: (page) => page.emulateMedia({ reducedMotion: random() < 0.5 ? 'reduce' : 'no-preference' }),
    },
  ];
}

/** Runs one seed; resolves to the first failure, or undefined. */
export async function fuzz(
  browser: Browser,
  baseUrl: string,
  seed: number,
  count = 200,
): Promise<FuzzFailure | undefined> {
  const random = prng(seed);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    await page.waitForLoadState('networkidle');
    const stepIds = await page
      .locator('[data-step]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['step'] ?? ''));
    const sectionIds = await page
      .locator('#contents a')
      .evaluateAll((els) => els.map((e) => (e.getAttribute('href') ?? '').slice(1)));
    const menu = actions(random, baseUrl, stepIds, sectionIds);
    const history: string[] = [];
    for (let i = 0; i < count; i++) {
      const action = menu[Math.floor(random() * menu.length)] as Action;
      history.push(`${i}: ${action.name} (${page.viewportSize()?.width}px)`);
      await action.run(page);
      await settled(page);
      const problem = errors.length > 0 ? `error: ${errors.join(' | ')}` : await check(page);
      if (problem) {
        const detail = await page.evaluate(() => ({
          mode: document.documentElement.dataset['mode'],
          y: Math.round(window.scrollY),
          h: window.innerHeight,
          hash: location.hash,
          marks: performance
            .getEntriesByType('mark')
            .slice(-4)
            .map((m) => `${m.name}@${Math.round(m.startTime)}`),
          now: Math.round(performance.now()),
          tops: [...document.querySelectorAll<HTMLElement>('[data-step]')]
            .map((s) => `${s.dataset['step']}:${Math.round(s.getBoundingClientRect().top)}`)
            .filter((t) => Math.abs(Number(t.split(':')[1])) < 2000),
        }));
        return {
          seed,
          action: i,
          description: action.name,
          problem: `${problem} ${JSON.stringify(detail)}`,
          history: history.slice(-8),
        };
      }
    }
    return undefined;
  } finally {
    await context.close();
  }
}
