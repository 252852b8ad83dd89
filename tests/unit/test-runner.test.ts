/** `npm test` (tools/test.mjs): a failed build stops the run before any test reads an older dist/. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD, runTests } from '../../tools/test.mjs';

function fakeRun(failing: string[]) {
  const calls: string[] = [];
  const lines: string[] = [];
  const run = (cmd: string, args: string[]) => {
    const call = [cmd, ...args].join(' ');
    calls.push(call);
    return failing.some((f) => call.startsWith(f)) ? 1 : 0;
  };
  return { calls, lines, run, log: (line: string) => lines.push(line) };
}

const gates: [string, string, string[]][] = [
  ['lint (eslint)', 'eslint', ['.']],
  [BUILD, 'astro', ['build']],
];

describe('the test runner', () => {
  it('runs no test when the build fails, says so, and still ends on the summary line', () => {
    const fake = fakeRun(['astro build']);
    const counts = runTests({ gates, run: fake.run, log: fake.log });
    expect(fake.calls).toEqual(['eslint .', 'astro build']);
    expect(fake.lines.join('\n')).toMatch(/build failed: no test was run/i);
    expect(fake.lines.at(-1)?.trim()).toBe('1 passed, 1 failed');
    expect(counts).toEqual({ passed: 1, failed: 1 });
  });

  it('runs vitest after a good build, even if lint failed', () => {
    const fake = fakeRun(['eslint', 'vitest']);
    const results = join(mkdtempSync(join(tmpdir(), 'runner-')), 'vitest.json');
    runTests({ gates, run: fake.run, log: fake.log, results });
    expect(fake.calls.at(-1)).toMatch(/^vitest run /);
    expect(fake.lines.at(-1)?.trim()).toMatch(/^\d+ passed, \d+ failed$/);
  });
});
