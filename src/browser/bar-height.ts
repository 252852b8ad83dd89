/**
 * Phones pin the graphic right under the top bar, whose height depends on the width and the text size.
 * The stylesheet's --bar-height already fits the bar at the common phone widths; writing it on the root
 * anyway restyles every element of the page (about 5 ms on a fast machine, 70 ms on a low-end phone, just
 * after the first paint). So the measured height is written only when it differs from the declared one.
 */

/** How far the bar may be from the declared height before it is written (the bar covers the gap). */
const TOLERANCE_PX = 1;

/** A declared length ("4.75rem", "77px") in pixels; NaN for anything else. */
export function lengthInPx(declared: string, rootFontPx: number): number {
  const value = declared.trim();
  const n = Number.parseFloat(value);
  if (value.endsWith('rem')) return n * rootFontPx;
  if (value.endsWith('px')) return n;
  return Number.NaN;
}

/** The value to write for --bar-height, or undefined when the declared one already fits. */
export function barHeightToWrite(measuredPx: number, declared: string, rootFontPx: number): string | undefined {
  const declaredPx = lengthInPx(declared, rootFontPx);
  if (Math.abs(measuredPx - declaredPx) <= TOLERANCE_PX) return undefined;
  return `${Math.ceil(measuredPx)}px`;
}

/** Keeps --bar-height on the root equal to the bar's height, writing only when it changes. */
export function followBarHeight(root: HTMLElement, bar: HTMLElement): void {
  if (!('ResizeObserver' in window)) return;
  new ResizeObserver(() => {
    const style = getComputedStyle(root);
    const value = barHeightToWrite(
      bar.getBoundingClientRect().height,
      style.getPropertyValue('--bar-height'),
      Number.parseFloat(style.fontSize),
    );
    if (value !== undefined) root.style.setProperty('--bar-height', value);
  }).observe(bar);
}
