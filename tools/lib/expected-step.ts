import type { Page } from 'playwright-core';
import { SIDE_BY_SIDE, triggerLine } from '../../src/shared/layout.ts';

/** The layout rule of src/shared/layout.ts, handed into the page. */
const LAYOUT = { query: SIDE_BY_SIDE, wide: triggerLine(true), narrow: triggerLine(false) };

/**
 * The step the graphic should show for what is on screen: the last step whose top has crossed the trigger
 * line (the rule of src/browser/scroll-controller.ts, stepAtLine). Shared by the fuzzer and the e2e tests.
 */
export function expectedStep(page: Page): Promise<string> {
  return page.evaluate((layout) => {
    const line = window.innerHeight * (window.matchMedia(layout.query).matches ? layout.wide : layout.narrow);
    const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
    let id = steps[0]?.dataset['step'] ?? '';
    for (const s of steps) if (s.getBoundingClientRect().top <= line) id = s.dataset['step'] ?? '';
    return id;
  }, LAYOUT);
}
