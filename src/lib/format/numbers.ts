/** A true minus sign reads better than a hyphen and does not break across lines. */
const MINUS = '\u2212';

/** 3807083016 -> "$3.8bn"; 190270000000 -> "$190.3bn" with digits = 1. */
export function formatBillions(dollars: number, digits = 1): string {
  return `$${(dollars / 1e9).toFixed(digits)}bn`;
}

/** Percentage change from a to b: 5197271101 -> 3807083016 gives -26.75. */
export function percentChange(from: number, to: number): number {
  return ((to - from) / from) * 100;
}

/** -26.75 -> "−27%"; 12.8 -> "+13%"; with digits = 1: "−26.8%". */
export function formatSignedPercent(pct: number, digits = 0): string {
  const rounded = Number(pct.toFixed(digits));
  const body = `${Math.abs(rounded).toFixed(digits)}%`;
  if (rounded === 0) return body;
  return rounded < 0 ? `${MINUS}${body}` : `+${body}`;
}

/** -26.75 -> "27%": the size of a change, for prose like "down 27%". */
export function formatPercentSize(pct: number, digits = 0): string {
  return `${Math.abs(Number(pct.toFixed(digits))).toFixed(digits)}%`;
}
