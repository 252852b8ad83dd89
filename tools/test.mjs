#!/usr/bin/env node
// @ts-check
// `npm test`: every check that must hold, in order, then one plain summary line "N passed, N failed".
// Type check, lint and build count as one test each; vitest (unit, render, site, e2e) counts its own tests.
// If the build fails, no test runs: they would read the dist/ of an older build.
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS = '.test-results/vitest.json';
export const BUILD = 'build (astro build)';

/** @typedef {[name: string, command: string, args: string[]]} Gate */
/** @type {Gate[]} */
export const GATES = [
  ['type check (astro check)', 'astro', ['check']],
  ['lint (eslint)', 'eslint', ['.']],
  ['format (prettier --check)', 'prettier', ['--check', '.']],
  [BUILD, 'astro', ['build']],
];

/**
 * @typedef {object} RunOptions
 * @property {Gate[]} [gates]
 * @property {string[]} [vitestArgs]
 * @property {(cmd: string, args: string[], env: NodeJS.ProcessEnv) => number | null} [run] runs a command, returns its exit status
 * @property {(line: string) => void} [log]
 * @property {string} [results] where vitest writes its JSON report
 */

/** @type {NonNullable<RunOptions['run']>} */
const spawnInherit = (cmd, args, env) => spawnSync(cmd, args, { stdio: 'inherit', env, shell: false }).status;

/**
 * Runs the gates, then vitest unless the build failed. Prints the summary line last and returns the counts.
 * @param {RunOptions} [options]
 */
export function runTests({
  gates = GATES,
  vitestArgs = [],
  run = spawnInherit,
  log = console.log,
  results = RESULTS,
} = {}) {
  let passed = 0;
  let failed = 0;
  /** @type {string[]} */
  const failures = [];
  // The site project builds first unless told that this run has just built dist/.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', QUIET_EXIT_BUILT: '1' };

  for (const [name, cmd, args] of gates) {
    log(`\n▶ ${name}`);
    if (run(cmd, args, env) === 0) passed++;
    else {
      failed++;
      failures.push(name);
    }
  }

  if (failures.includes(BUILD)) {
    log('\nThe build failed: no test was run (they would have read an older dist/). Fix the build first.');
  } else {
    const counts = runVitest(vitestArgs, results, run, env, log);
    passed += counts.passed;
    failed += counts.failed;
    failures.push(...counts.failures);
  }

  if (failures.length) log(`\nFailed: ${failures.join(', ')}`);
  log(`\n${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/**
 * @param {string[]} extra
 * @param {string} results
 * @param {NonNullable<RunOptions['run']>} run
 * @param {NodeJS.ProcessEnv} env
 * @param {(line: string) => void} log
 */
function runVitest(extra, results, run, env, log) {
  let passed = 0;
  let failed = 0;
  /** @type {string[]} */
  const failures = [];
  log('\n▶ vitest (unit, render, site, e2e)');
  mkdirSync(dirname(results), { recursive: true });
  rmSync(results, { force: true });
  const status = run(
    'vitest',
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...extra],
    env,
  );
  if (!existsSync(results)) return { passed, failed: 1, failures: ['vitest (no results written)'] };
  const json = JSON.parse(readFileSync(results, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load, or a failing global setup, fails no test: count it.
  const broken = (json.testResults ?? []).filter(
    (/** @type {{ status: string, assertionResults: unknown[] }} */ f) =>
      f.status === 'failed' && f.assertionResults.length === 0,
  );
  failed += broken.length;
  if (json.numTotalTests === 0) {
    failed++;
    failures.push('vitest ran no test');
  }
  if (status !== 0 && json.numFailedTests === 0 && broken.length === 0) {
    failed++;
    failures.push('vitest (setup or teardown)');
  }
  if (json.numFailedTests > 0 || broken.length > 0) failures.push('vitest');
  return { passed, failed, failures };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { failed } = runTests({ vitestArgs: process.argv.slice(2) });
  process.exit(failed === 0 ? 0 : 1);
}
