import { line as d3Line } from 'd3-shape';
import type { Mark } from '../../shared/chart-types.ts';

/** Coordinates rounded to one decimal: deterministic output, compact JSON. */
export const r1 = (n: number): number => Math.round(n * 10) / 10;

type Attrs = Record<string, string | number>;

/** Numbers rounded as coordinates; opacity is not one (0.72 must not become 0.7, under a contrast floor). */
function rounded(attrs: Attrs): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = typeof v === 'number' && k !== 'opacity' ? r1(v) : v;
  return out;
}

export const line = (key: string, layer: Mark['layer'], attrs: Attrs): Mark => ({
  key,
  tag: 'line',
  layer,
  attrs: rounded({ opacity: 1, ...attrs }),
});

export const rect = (key: string, layer: Mark['layer'], attrs: Attrs): Mark => ({
  key,
  tag: 'rect',
  layer,
  attrs: rounded({ opacity: 1, ...attrs }),
});

export const circle = (key: string, layer: Mark['layer'], attrs: Attrs): Mark => ({
  key,
  tag: 'circle',
  layer,
  attrs: rounded({ opacity: 1, ...attrs }),
});

export const path = (key: string, layer: Mark['layer'], attrs: Attrs): Mark => ({
  key,
  tag: 'path',
  layer,
  attrs: { opacity: 1, ...attrs },
});

export const text = (key: string, layer: Mark['layer'], content: string, attrs: Attrs): Mark => ({
  key,
  tag: 'text',
  layer,
  text: content,
  attrs: rounded({ opacity: 1, ...attrs }),
});

const polyline = d3Line().digits(1);

/** A polyline path with every point written the same way, so GSAP can tween between states point by point. */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
  return polyline(points as [number, number][]) ?? '';
}

/** Rough width of a label in viewBox units: enough to keep labels apart without a DOM. */
export function estimateTextWidth(content: string, fontSize: number): number {
  let w = 0;
  for (const ch of content) {
    if (/[il.,:;'!|]/.test(ch)) w += 0.28;
    else if (/[mwMW]/.test(ch)) w += 0.85;
    else if (/[A-Z$%0-9]/.test(ch)) w += 0.62;
    else if (ch === ' ') w += 0.28;
    else w += 0.52;
  }
  return w * fontSize;
}

/** Splits a label into lines of at most maxChars characters, at spaces. */
export function wrapLabel(content: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/)) {
    if (current && (current + ' ' + word).length > maxChars) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
