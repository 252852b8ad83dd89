/**
 * Numbers for readers, through Intl: another language is a `locale` argument.
 */
import { DEFAULT_LOCALE } from './dates.ts';

/** A true minus sign reads better than a hyphen and does not break across lines. */
const MINUS = '\u2212';

/** A house style for billions of dollars where it differs from the locale's compact notation ("$3.8B"). */
const BILLIONS_SUFFIX: Record<string, string> = { en: 'bn' };

const fixed = (digits: number) => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Formats with a true minus sign (U+2212) wherever the locale writes a minus. */
function withMinus(format: Intl.NumberFormat, value: number): string {
  return format
    .formatToParts(value)
    .map((p) => (p.type === 'minusSign' ? MINUS : p.value))
    .join('');
}

/** 3807083016 -> "$3.8bn"; 190270000000 -> "$190.3bn" with digits = 1. Other languages: compact notation. */
export function formatBillions(dollars: number, digits = 1, locale = DEFAULT_LOCALE): string {
  const suffix = BILLIONS_SUFFIX[new Intl.Locale(locale).language];
  if (suffix === undefined) {
    const compact = { style: 'currency', currency: 'USD', notation: 'compact', ...fixed(digits) } as const;
    return withMinus(new Intl.NumberFormat(locale, compact), dollars);
  }
  const money = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol', ...fixed(digits) } as const;
  return `${withMinus(new Intl.NumberFormat(locale, money), dollars / 1e9)}${suffix}`;
}

/** Percentage change from a to b: 5197271101 -> 3807083016 gives -26.75. */
export function percentChange(from: number, to: number): number {
  return ((to - from) / from) * 100;
}

const percent = (locale: string, digits: number, signDisplay: 'exceptZero' | 'never') =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: 'percent', signDisplay, ...fixed(digits) });

/** -26.75 -> "−27%"; 12.8 -> "+13%"; with digits = 1: "−26.8%". A change that rounds to zero has no sign. */
export function formatSignedPercent(pct: number, digits = 0, locale = DEFAULT_LOCALE): string {
  return withMinus(percent(locale, digits, 'exceptZero'), pct);
}

/** -26.75 -> "27%": the size of a change, for prose like "down 27%". */
export function formatPercentSize(pct: number, digits = 0, locale = DEFAULT_LOCALE): string {
  return percent(locale, digits, 'never').format(pct);
}
