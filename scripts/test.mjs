#!/usr/bin/env node
// `npm test`: every check that must hold, in order, then one plain summary line "N passed, N failed".
// Type check, lint and build count as one test each; vitest (unit, render, e2e) counts its own tests.
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = '.test-results/vitest.json';
const gates = [
  ['type check (astro check)', 'astro', ['check']],
  ['lint (eslint)', 'eslint', ['.']],
  ['format (prettier --check)', 'prettier', ['--check', '.']],
  ['build (astro build)', 'astro', ['build']],
];

let passed = 0;
let failed = 0;
const failures = [];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

for (const [name, cmd, args] of gates) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: false });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

console.log('\n▶ vitest (unit, render, e2e)');
mkdirSync('.test-results', { recursive: true });
rmSync(RESULTS, { force: true });
const extra = process.argv.slice(2);
const v = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`, ...extra],
  { stdio: 'inherit', env },
);
if (existsSync(RESULTS)) {
  const json = JSON.parse(readFileSync(RESULTS, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load, or a failing global setup, fails no test: count it.
  const broken = (json.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  failed += broken.length;
  if (json.numTotalTests === 0) {
    failed++;
    failures.push('vitest ran no test');
  }
  if (v.status !== 0 && json.numFailedTests === 0 && broken.length === 0) {
    failed++;
    failures.push('vitest (setup or teardown)');
  }
  if (json.numFailedTests > 0 || broken.length > 0) failures.push('vitest');
} else {
  failed++;
  failures.push('vitest (no results written)');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
