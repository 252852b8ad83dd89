import { describe, expect, it } from 'vitest';
import { smartQuotes } from '../../src/build/format/typography.ts';

describe('smartQuotes(text)', () => {
  it('curls double quotes by position', () => {
    expect(smartQuotes('warned them against "improper" statements')).toBe('warned them against “improper” statements');
    expect(smartQuotes('"We oppose sanctions."')).toBe('“We oppose sanctions.”');
    expect(smartQuotes('("quoted")')).toBe('(“quoted”)');
  });
  it('turns apostrophes and single quotes into their curly forms', () => {
    expect(smartQuotes("China's customs and 'single' quotes")).toBe('China’s customs and ‘single’ quotes');
  });
  it('leaves text without quotes alone', () => {
    expect(smartQuotes('down 27% on February')).toBe('down 27% on February');
  });
});
