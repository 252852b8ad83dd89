import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../../tools/lib/fuzz-core.ts';
import { baseUrl, launch } from './harness.ts';

/** The seed npm test always runs. Others: npm run fuzz -- --seeds 20 (or --seed N to replay one). */
const SEED = 20221;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('scroll fuzzing', () => {
  it(`200 random reader actions (seed ${SEED}) leave the graphic on the step in view, nothing stuck, no error`, async () => {
    const failure = await fuzz(browser, baseUrl(), SEED, 200);
    expect(
      failure,
      failure && `replay with: npm run fuzz -- --seed ${failure.seed}\n${JSON.stringify(failure, null, 2)}`,
    ).toBeUndefined();
  }, 600_000);
});
