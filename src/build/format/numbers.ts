/**
 * Numbers for readers, through Intl: another language is a `locale` argument.
 */
import { DEFAULT_LOCALE } from './dates.ts';

/** A true minus sign reads better than a hyphen and does not break across lines. */
const MINUS = '\u2212';

/** How a chart's values read: in a currency or as plain numbers, counted in units or in thousands, millions, billions. */
export const SCALES = { units: 1, thousands: 1e3, millions: 1e6, billions: 1e9 } as const;
export interface ValueFormat {
  /** An ISO 4217 code, e.g. USD; none for plain numbers. */
  currency?: string | undefined;
  scale: keyof typeof SCALES;
}

/** A house style where it differs from the locale's compact notation ("$3.8bn", not "$3.8B"). */
const SCALE_SUFFIX: Record<string, Partial<Record<keyof typeof SCALES, string>>> = {
  en: { billions: 'bn', millions: 'm' },
};

const fixed = (digits: number) => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Formats with a true minus sign (U+2212) wherever the locale writes a minus. */
function withMinus(format: Intl.NumberFormat, value: number): string {
  return format
    .formatToParts(value)
    .map((p) => (p.type === 'minusSign' ? MINUS : p.value))
    .join('');
}

/**
 * A value as a chart's configuration says it reads: {currency: USD, scale: billions} gives 3807083016 ->
 * "$3.8bn" in English; languages without a house suffix get Intl's compact notation. `digits` fixes the
 * decimals; an axis passes `trim` to drop trailing zeros ("$2bn", "$2.5bn"). Zero needs no scale: "$0".
 */
export function formatValue(
  value: number,
  format: ValueFormat,
  digits = 1,
  locale = DEFAULT_LOCALE,
  trim = false,
): string {
  const money = format.currency
    ? ({ style: 'currency', currency: format.currency, currencyDisplay: 'narrowSymbol' } as const)
    : ({} as const);
  const decimals = trim ? { minimumFractionDigits: 0, maximumFractionDigits: digits } : fixed(digits);
  if (value === 0 || format.scale === 'units') {
    return withMinus(
      new Intl.NumberFormat(locale, { ...money, ...(value === 0 ? { maximumFractionDigits: 0 } : decimals) }),
      value,
    );
  }
  const suffix = SCALE_SUFFIX[new Intl.Locale(locale).language]?.[format.scale];
  if (suffix === undefined) {
    return withMinus(new Intl.NumberFormat(locale, { ...money, notation: 'compact', ...decimals }), value);
  }
  return `${withMinus(new Intl.NumberFormat(locale, { ...money, ...decimals }), value / SCALES[format.scale])}${suffix}`;
}

/** 3807083016 -> "$3.8bn"; 190270000000 -> "$190.3bn" with digits = 1: the figures this story's prose states. */
export function formatBillions(dollars: number, digits = 1, locale = DEFAULT_LOCALE): string {
  return formatValue(dollars, { currency: 'USD', scale: 'billions' }, digits, locale);
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
