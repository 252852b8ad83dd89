/**
 * No reader ever sees a development address. A build without SITE does not know where it will be
 * published, so it must not invent "http://localhost:4321" for citations, canonical links, share tags,
 * embed codes or the sitemap (teachers print the citations). Reads every text file in dist/.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../tools/lib/files-under.ts';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const READER_FACING = /\.(html|xml|json|txt|csv|md|svg|webmanifest)$/;
const DEV_ADDRESS = /localhost|127\.0\.0\.1|0\.0\.0\.0:\d/i;

describe('the built site', () => {
  const files = filesUnder(DIST).filter((f) => READER_FACING.test(f));

  it('has pages, feeds and data to check', () => {
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(files.some((f) => f.endsWith(join('timeline', 'index.html')))).toBe(true);
    expect(files.some((f) => f.endsWith('sitemap.xml'))).toBe(true);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
  });

  it('names no localhost address in any page, sitemap, robots.txt, chart data or data file', () => {
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const m = DEV_ADDRESS.exec(line);
          if (!m) return [];
          const start = Math.max(0, m.index - 60);
          return [`${relative(DIST, file)}:${i + 1}: …${line.slice(start, m.index + 60)}…`];
        }),
    );
    expect(found, found.join('\n')).toEqual([]);
  });
});
