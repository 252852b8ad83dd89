/**
 * The layouts' breakpoint has one definition (src/shared/layout.ts): the built CSS must carry it written
 * out, with no custom media query left for the browser to ignore. Reads dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDE_BY_SIDE } from '../../src/shared/layout.ts';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const css = (file: string) =>
  [...readFileSync(join(DIST, file), 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
/** The query as the minifier writes it: range syntax, no spaces after colons. */
const minified = (query: string) =>
  query
    .replace(/\(min-width:\s*([\d.]+\w+)\)/g, '(width>=$1)')
    .replace(/:\s+/g, ':')
    .replace(/\s+/g, ' ');

describe('the layouts’ breakpoint in the built CSS', () => {
  const story = css('index.html');

  it('leaves no --side-by-side for the browser to ignore', () => {
    expect(story).not.toContain('--side-by-side');
  });

  it('writes out the query of src/shared/layout.ts, for the phone rules and the side-by-side rules', () => {
    expect(story).toContain(`@media ${minified(SIDE_BY_SIDE)}{`);
    expect(story).toContain(`@media not all and (${minified(SIDE_BY_SIDE)}){`);
  });
});
