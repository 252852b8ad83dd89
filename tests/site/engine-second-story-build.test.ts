/**
 * Engine test: `astro build` builds a second story from its own content folder (CONTENT_DIR), into a
 * temporary outDir, with the same engine and pages: its headline, its charts, its data and its embeds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from './astro-build.ts';

const CONTENT = resolve('tests/fixtures/ferry-story/content');
const out = mkdtempSync(join(tmpdir(), 'second-story-'));
let log = '';

beforeAll(() => {
  const build = astroBuild(['--outDir', out], { env: { CONTENT_DIR: CONTENT } });
  log = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`the second story did not build:\n${log}`);
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(out, path), 'utf8');

describe('engine: astro build of a second story (CONTENT_DIR)', () => {
  it('writes its story page with its own words, charts and data tables', () => {
    const html = read('index.html');
    expect(html).toContain('<h1>The long wait at the pier');
    expect(html).toContain('data-key="lane-label-operator">Ferry operator');
    expect(html).toContain('id="data-routes"');
    expect(html).toContain('Crossings cut by route, April against March 2019');
    expect(html).not.toContain('Teaching it?');
  });
  it('writes its charts, embeds, data files and share card, and no teaching page of its own', () => {
    for (const path of [
      'charts/strike.json',
      'charts/routes.json',
      'embed/strike/index.html',
      'embed/routes/states.json',
      'data/crossings-cut.csv',
      'data/events.csv',
      'share-card.png',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    expect(JSON.parse(read('embed/routes/states.json')).states).toEqual(['island-route', 'bay-route', 'night-route']);
    expect(read('teach/index.html')).toMatch(/http-equiv="refresh"/);
    expect(read('sitemap.xml')).not.toContain('teach/');
  });
});
