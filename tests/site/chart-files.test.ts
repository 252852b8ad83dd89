/**
 * The step charts the page shows as <img> (src/build/chart-files.ts), read from the built site: every file
 * exists, matches its <img> box, says what the alt says, and carries both themes' colours from tokens.css.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeTokens } from '../../src/build/theme-tokens.ts';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const html = () => readFileSync(join(DIST, 'index.html'), 'utf8');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const theme = themeTokens(readFileSync('src/styles/tokens.css', 'utf8'));
const colours = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .filter(([, value]) => /^#[0-9a-f]{6}$/i.test(value))
    .map(([name, value]) => `--${name}:${value}`);
const lightTokens = colours(theme.light);
const darkTokens = colours(theme.dark).filter((token) => !lightTokens.includes(token));

describe('step charts as image files', () => {
  const images = () => html().match(/<img[^>]*class="chart [^"]*"[^>]*>/g) ?? [];

  // How many there are is the story's business (print and no-JS tests check every step has its chart).
  it('each is lazy, sized, with a text alternative', () => {
    expect(images().length).toBeGreaterThan(0);
    for (const img of images()) {
      expect(attr(img, 'loading'), img).toBe('lazy');
      expect(Number(attr(img, 'width'))).toBeGreaterThan(0);
      expect(Number(attr(img, 'height'))).toBeGreaterThan(0);
      expect(attr(img, 'alt')?.length ?? 0, img).toBeGreaterThan(20);
    }
  });

  it('each file exists, has the size of its <img> box and describes itself as the alt does', () => {
    for (const img of images()) {
      const src = attr(img, 'src') ?? '';
      const file = join(DIST, src.replace(/^\//, ''));
      expect(existsSync(file), `${src} for ${img.slice(0, 80)}`).toBe(true);
      const svg = readFileSync(file, 'utf8');
      const root = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
      expect(attr(root, 'width'), src).toBe(attr(img, 'width'));
      expect(attr(root, 'height'), src).toBe(attr(img, 'height'));
      const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
      expect(unescape(desc), src).toBe(unescape(attr(img, 'alt') ?? ''));
    }
  });

  it('each file carries the light and the dark colour tokens of tokens.css', () => {
    expect(lightTokens.length).toBeGreaterThan(5);
    expect(darkTokens.length).toBeGreaterThan(5);
    for (const img of images()) {
      const src = attr(img, 'src') ?? '';
      const svg = readFileSync(join(DIST, src.replace(/^\//, '')), 'utf8');
      const style = (/<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '').replace(/\s/g, '');
      const [light = '', dark = ''] = style.split('@media(prefers-color-scheme:dark)');
      for (const token of lightTokens) expect(light, `${src}: ${token}`).toContain(token);
      for (const token of darkTokens) expect(dark, `${src} (dark): ${token}`).toContain(token);
      expect(style, src).toContain('.chart.series-line');
    }
  });
});
