import { describe, expect, it } from 'vitest';
import { barHeightToWrite, lengthInPx } from '../../src/browser/bar-height.ts';

describe('--bar-height is written only when the bar differs from the stylesheet (a root write restyles the page)', () => {
  it('reads rem and px lengths', () => {
    expect(lengthInPx('4.75rem', 16)).toBe(76);
    expect(lengthInPx(' 77px', 16)).toBe(77);
    expect(lengthInPx('', 16)).toBeNaN();
  });

  it('leaves the declared height when the bar is within a pixel of it (a phone at the default text size)', () => {
    expect(barHeightToWrite(76.890625, '4.75rem', 16)).toBeUndefined();
    expect(barHeightToWrite(56, '3.5rem', 16)).toBeUndefined();
  });

  it('writes the bar height, rounded up, when it wraps or the text is larger', () => {
    expect(barHeightToWrite(124.890625, '4.75rem', 16)).toBe('125px');
    expect(barHeightToWrite(76.890625, '125px', 16)).toBe('77px');
    expect(barHeightToWrite(151.5, '4.75rem', 32)).toBeUndefined();
    expect(barHeightToWrite(160, '4.75rem', 32)).toBe('160px');
  });

  it('writes when nothing usable is declared', () => {
    expect(barHeightToWrite(77, '', 16)).toBe('77px');
  });
});
