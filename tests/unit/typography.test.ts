import { describe, expect, it } from 'vitest';
import { embedCredit } from '../../src/build/cite/embed-credit.ts';
import { innerQuotes, quoted, smartQuotes } from '../../src/build/format/typography.ts';

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

describe('quoted(text) and innerQuotes(text): quotes inside quotes', () => {
  it('turns a title’s own double quotes into single ones inside the double quotes around it', () => {
    expect(quoted('Jake Sullivan says "absolutely" consequences')).toBe(
      '“Jake Sullivan says ‘absolutely’ consequences”',
    );
    expect(quoted('U.S. will “absolutely” hit Chinese firms')).toBe('“U.S. will ‘absolutely’ hit Chinese firms”');
    expect(innerQuotes("U.S.'s Raimondo warns")).toBe('U.S.’s Raimondo warns');
  });
  it('leaves a title without quotes as it is, in one pair of double quotes', () => {
    expect(quoted('Record trade in 2022')).toBe('“Record trade in 2022”');
  });
});

describe('embedCredit(article): the embed says where it comes from once', () => {
  it('names the headline once when the publication has the same name', () => {
    const credit = embedCredit({
      headline: 'The quiet cutback',
      publication: 'The Quiet Cutback',
      credit: 'The explainer team',
    });
    expect(credit).toEqual({ headline: 'The quiet cutback', byline: 'The explainer team' });
  });
  it('names a different publication before the credit', () => {
    const credit = embedCredit({ headline: 'Ferries', publication: 'The Harbour Times', credit: 'Data desk' });
    expect(credit.byline).toBe('The Harbour Times, Data desk');
  });
  it('sets quotes inside the headline as single quotes (the credit puts it in double quotes)', () => {
    expect(embedCredit({ headline: 'The "quiet" cutback', publication: 'X', credit: 'Y' }).headline).toBe(
      'The ‘quiet’ cutback',
    );
  });
});
