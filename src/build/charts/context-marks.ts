/**
 * Across the whole chart: the rule event as a line and the band event as a band, labelled along the top (the
 * band's label drops to a second row when the rule's takes the first, and stays hidden where it fits in neither).
 */
import type { Event } from '../content/schemas.ts';
import { formatShortDate } from '../format/dates.ts';
import { boxAttr, cutVertical, overlaps, textBox, type Box } from './boxes.ts';
import { path, r1, rect, text } from './marks.ts';
import type { Mark } from '../../shared/chart-types.ts';

export function contextMarks(
  rule: Event | undefined,
  band: Event | undefined,
  o: {
    x: (iso: string) => number;
    left: number;
    right: number;
    /** The baselines of the two rows along the top. */
    rows: readonly number[];
    font: number;
    axisY: number;
    /** Text the rule stops short of, and the band's label keeps clear of. */
    obstacles: readonly Box[];
  },
): { marks: Mark[]; labels: Box[] } {
  const marks: Mark[] = [];
  const topLabels: Box[] = [];
  if (rule) {
    const rx = o.x(rule.date);
    const content = `${rule.label}, ${formatShortDate(rule.date)}`;
    const labelX = Math.max(o.left, rx - 4);
    const box = textBox(content, o.font, labelX, o.rows[0]!, 'start');
    topLabels.push(box);
    marks.push(
      text('rule-label', 'annotation', content, {
        class: 'context-label',
        x: labelX,
        y: o.rows[0]!,
        'text-anchor': 'start',
        'font-size': o.font,
        'data-box': boxAttr(box),
      }),
    );
  }
  if (band) {
    const x0 = Math.max(o.left, o.x(band.date));
    const x1 = Math.min(o.right, o.x(band.end!));
    marks.push(
      rect('band', 'grid', {
        class: 'context-band',
        x: x0,
        y: o.rows[0]! - o.font,
        width: Math.max(0, x1 - x0),
        height: o.axisY - o.rows[0]! + o.font,
      }),
    );
    const fitting = o.rows
      .map((y) => ({ y, box: textBox(band.label, o.font, x0 + 4, y) }))
      .find(({ box }) => box.x + box.width <= o.right && ![...topLabels, ...o.obstacles].some((b) => overlaps(b, box)));
    const at = fitting ?? { y: o.rows[0]!, box: textBox(band.label, o.font, x0 + 4, o.rows[0]!) };
    marks.push(
      text('band-label', 'annotation', band.label, {
        class: 'context-label',
        x: x0 + 4,
        y: at.y,
        'text-anchor': 'start',
        'font-size': o.font,
        opacity: fitting ? 1 : 0,
        'data-box': boxAttr(at.box),
      }),
    );
    if (fitting) topLabels.push(fitting.box);
  }
  if (rule) {
    const rx = r1(o.x(rule.date));
    marks.push(
      path('rule', 'grid', {
        class: 'context-rule',
        d: cutVertical(rx, o.rows[0]! + o.font * 0.3, o.axisY, [...o.obstacles, ...topLabels.slice(1)]),
      }),
    );
  }
  return { marks, labels: topLabels };
}
