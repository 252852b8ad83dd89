import { LAYOUTS, type LayoutName } from '../../shared/chart-types.ts';

/** Plot area and type size per layout. Narrow text is larger in viewBox units: the SVG is shown ~320 px wide. */
export interface Frame {
  layout: LayoutName;
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
  font: number;
  small: number;
}

const MARGINS: Record<LayoutName, Omit<Frame, 'layout' | 'width' | 'height'>> = {
  narrow: { top: 22, right: 18, bottom: 30, left: 52, font: 15, small: 14 },
  wide: { top: 26, right: 28, bottom: 34, left: 60, font: 14, small: 13 },
};

export function frame(layout: LayoutName, overrides: Partial<Frame> = {}): Frame {
  return { layout, ...LAYOUTS[layout], ...MARGINS[layout], ...overrides };
}

export const plotWidth = (f: Frame): number => f.width - f.left - f.right;
export const plotHeight = (f: Frame): number => f.height - f.top - f.bottom;
