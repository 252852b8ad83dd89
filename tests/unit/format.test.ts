/** Numbers and dates for readers: the story's English house style, and another language as a parameter. */
import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatMonthName, formatShortDate } from '../../src/build/format/dates.ts';
import { formatBillions, formatPercentSize, formatSignedPercent, formatValue } from '../../src/build/format/numbers.ts';
import { addMonths } from '../../src/build/format/months.ts';

describe('dates', () => {
  it('write English dates day first, with no time zone drift', () => {
    expect(formatDate('2022-03-07')).toBe('7 March 2022');
    expect(formatDate('2022-01-01')).toBe('1 January 2022');
    expect(formatDate('2022-12-31')).toBe('31 December 2022');
    expect(formatDate('2022-03')).toBe('March 2022');
    expect(formatDate('2022')).toBe('2022');
    expect(formatShortDate('2022-03-07')).toBe('7 Mar');
    expect(formatMonth('2022-04-01')).toBe('April 2022');
    expect(formatMonth('2023-12-01', 'en-GB', 'short')).toBe('Dec 2023');
    expect(formatMonthName('2022-04-01')).toBe('April');
  });

  it('take the language as a parameter', () => {
    expect(formatDate('2022-03-07', 'de-DE')).toBe('7. März 2022');
    expect(formatDate('2022-03-07', 'fr-FR')).toBe('7 mars 2022');
    expect(formatMonthName('2022-03-01', 'en-US')).toBe('March');
  });
});

describe('months', () => {
  it('moves across year ends both ways and keeps the form it is given', () => {
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(addMonths('2022-12-01', 1)).toBe('2023-01-01');
    expect(addMonths('2022-03', -12)).toBe('2021-03');
    expect(addMonths('2023-06-01', -17)).toBe('2022-01-01');
    expect(addMonths('2022-05', 0)).toBe('2022-05');
  });
});

describe('values as a chart configures them', () => {
  const usdBillions = { currency: 'USD', scale: 'billions' } as const;
  it('reads money in billions with the house suffix in English, and Intl compact notation elsewhere', () => {
    expect(formatValue(3807083016, usdBillions)).toBe('$3.8bn');
    expect(formatValue(3807083016, usdBillions, 1, 'ru')).toBe('3,8\u00a0млрд\u00a0$');
    expect(formatValue(3807083016, usdBillions, 1, 'zh')).toBe('$38.1亿');
  });
  it('trims an axis tick and writes zero without a scale', () => {
    expect(formatValue(2e9, usdBillions, 1, 'en', true)).toBe('$2bn');
    expect(formatValue(2.5e9, usdBillions, 1, 'en', true)).toBe('$2.5bn');
    expect(formatValue(0, usdBillions, 1, 'en', true)).toBe('$0');
  });
  it('reads plain counts, for a story that counts something other than dollars', () => {
    expect(formatValue(1234, { scale: 'units' }, 0)).toBe('1,234');
    expect(formatValue(2.5e6, { scale: 'millions' }, 1)).toBe('2.5m');
  });
});

describe('numbers', () => {
  it('write billions of dollars and signed percentages in the house style, with a true minus', () => {
    expect(formatBillions(3807083016)).toBe('$3.8bn');
    expect(formatBillions(190270000000)).toBe('$190.3bn');
    expect(formatBillions(5197271101, 2)).toBe('$5.20bn');
    expect(formatSignedPercent(-26.75)).toBe('\u221227%');
    expect(formatSignedPercent(12.8)).toBe('+13%');
    expect(formatSignedPercent(-26.75, 1)).toBe('\u221226.8%');
    expect(formatSignedPercent(-0.4)).toBe('0%');
    expect(formatPercentSize(-26.75)).toBe('27%');
  });

  it('take the language as a parameter', () => {
    expect(formatBillions(3807083016, 1, 'de-DE')).toBe('3,8\u00a0Mrd.\u00a0$');
    expect(formatSignedPercent(-26.75, 1, 'de-DE')).toBe('\u221226,8\u00a0%');
  });
});
