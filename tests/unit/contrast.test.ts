/**
 * The colour tokens in both themes, checked against WCAG 2.2: text colours at least 4.5:1 on the
 * background (every chart colour is also used for labels), so graphics clear 3:1 with room to spare.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeTokens } from '../../src/build/theme-tokens.ts';

const { light, dark } = themeTokens(readFileSync('src/styles/tokens.css', 'utf8'));

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('contrast(a, b)', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#1f5fa8', '#1f5fa8')).toBe(1);
  });
});

describe('theme colours', () => {
  const TEXT_TOKENS = ['text', 'muted', 'blue', 'red', 'amber', 'data', 'highlight'];
  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name}: every text and chart colour is at least 4.5:1 on the background`, () => {
      expect(Object.keys(theme).length).toBeGreaterThanOrEqual(TEXT_TOKENS.length + 1);
      for (const token of TEXT_TOKENS) {
        const ratio = contrast(theme[token] ?? '#ffffff', theme['bg'] ?? '#ffffff');
        expect(ratio, `--${token} ${theme[token]} on ${theme['bg']}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
  it('the dark theme really is dark', () => {
    expect(luminance(dark['bg'] ?? '#ffffff')).toBeLessThan(0.05);
  });
});
