import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs a real `astro build` over a broken copy of content/, into a scratch folder. */
function buildWith(breakIt: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'qe-content-'));
  cpSync('content', dir, { recursive: true });
  breakIt(dir);
  const out = join(dir, 'dist');
  const r = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    env: { ...process.env, CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, built: existsSync(join(out, 'index.html')), dir };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('astro build with bad content', () => {
  it('stops on a bad date with one clear message, no stack trace, no page', () => {
    const r = buildWith((dir) => {
      const f = join(dir, 'events.yaml');
      writeFileSync(f, readFileSync(f, 'utf8').replace(/date: ['"]?2022-02-24['"]?/, 'date: "2022-02-30"'));
    });
    dirs.push(r.dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/events\.yaml, entry "[\w-]+", field "date": expected an ISO date/);
    expect(r.output).not.toMatch(/Stack trace|\n\s+at /);
    expect(r.built).toBe(false);
  }, 120_000);

  it('stops on a malformed CSV row, naming the line', () => {
    const r = buildWith((dir) => {
      const f = join(dir, 'data', 'china-exports-to-russia-monthly.csv');
      writeFileSync(f, readFileSync(f, 'utf8').replace('2022-03-01,3807083016.00', '2022-03-01;3807083016.00'));
    });
    dirs.push(r.dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(
      /china-exports-to-russia-monthly\.csv, entry "line \d+", field "\(row\)": expected 2 cells/,
    );
    expect(r.output).not.toMatch(/Stack trace|\n\s+at /);
    expect(r.built).toBe(false);
  }, 120_000);
});

describe('astro build with raw HTML in story markdown', () => {
  it('stops on a pasted <script>, naming the file and line', () => {
    let file = '';
    const r = buildWith((dir) => {
      const [first] = readdirSync(join(dir, 'story')).filter((n) => n.endsWith('.md'));
      file = `story/${first}`;
      const f = join(dir, file);
      writeFileSync(
        f,
        readFileSync(f, 'utf8').replace(/(<!-- step: [^>]*-->\r?\n)/, '$1<script>alert(1)</script>\n\n'),
      );
    });
    dirs.push(r.dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`${file}, entry "`);
    expect(r.output).toMatch(/field "line \d+": expected markdown, not raw HTML .*<script>/);
    expect(r.output).not.toMatch(/Stack trace|\n\s+at /);
    expect(r.built).toBe(false);
  }, 120_000);
});
