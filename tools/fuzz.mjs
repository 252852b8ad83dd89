#!/usr/bin/env node
// @ts-check
// Scroll fuzzing over many seeds against the built site: npm run fuzz -- --seeds 20 [--actions 200] [--seed N]
// Prints the seed and action of any failure so it can be replayed with --seed.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { fuzz } from './lib/fuzz-core.ts';
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium.ts';

/** The number after --name on the command line, if given. */
const arg = (/** @type {string} */ name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const count = arg('actions') ?? 200;
const one = arg('seed');
const seeds = one !== undefined ? [one] : Array.from({ length: arg('seeds') ?? 10 }, (_, i) => 1000 + i * 7919);
const server = await serve({ dir: process.env['DIST_DIR'] ?? 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
let failed = 0;
try {
  for (const seed of seeds) {
    const failure = await fuzz(browser, server.url, seed, count);
    if (failure) {
      failed++;
      console.log(`seed ${seed}: FAILED at action ${failure.action} (${failure.description}): ${failure.problem}`);
      console.log(`  last actions: ${failure.history.join('; ')}`);
      console.log(`  replay: npm run fuzz -- --seed ${seed} --actions ${count}`);
    } else console.log(`seed ${seed}: ${count} actions, ok`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${seeds.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
