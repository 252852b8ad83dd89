/** Timeline markers: each lane's shape (shape carries the side as well as colour) and how far it reaches. */
import type { TimelineChart } from '../content/charts-schema.ts';

export type MarkerShape = TimelineChart['lanes'][number]['marker'];

/** Marker outline for each lane's shape, centred on 0,0: shape carries the side as well as colour. */
export function markerPath(marker: MarkerShape, s: number): string {
  switch (marker) {
    case 'circle':
      return `M${-s},0a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'diamond':
      return `M0,${-s * 1.25}L${s * 1.25},0L0,${s * 1.25}L${-s * 1.25},0Z`;
    case 'triangle':
      return `M0,${-s * 1.2}L${s * 1.15},${s * 0.9}L${-s * 1.15},${s * 0.9}Z`;
    case 'square':
      return `M${-s * 0.9},${-s * 0.9}H${s * 0.9}V${s * 0.9}H${-s * 0.9}Z`;
  }
}

/** How far a marker reaches from its centre (left/right, up, down), stroke included. */
export function markerExtent(m: MarkerShape, s: number): { half: number; up: number; down: number } {
  const stroke = 0.75;
  switch (m) {
    case 'circle':
      return { half: s + stroke, up: s + stroke, down: s + stroke };
    case 'diamond':
      return { half: s * 1.25 + stroke, up: s * 1.25 + stroke, down: s * 1.25 + stroke };
    case 'triangle':
      return { half: s * 1.15 + stroke, up: s * 1.2 + stroke, down: s * 0.9 + stroke };
    case 'square':
      return { half: s * 0.9 + stroke, up: s * 0.9 + stroke, down: s * 0.9 + stroke };
  }
}
