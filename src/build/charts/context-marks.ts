/**
 * Across the whole chart: the rule event as a line and the band event as a band, labelled along the top (the
 * band's label drops to a second row when the rule's takes the first, or takes both rows, broken in two, where
 * one line is wider than the room; it stays hidden where it fits nowhere).
 */
import type { Event } from '../content/schemas.ts';
import { formatShortDate } from '../format/dates.ts';
import { boxAttr, cutVertical, overlaps, textBox as regularBox, type Box } from './boxes.ts';
import { path, r1, rect, text } from './marks.ts';
import type { Mark } from '../../shared/chart-types.ts';

/** These labels are bold: DejaVu Sans Bold sets a capitalised word about a tenth wider than the estimate. */
const BOLD = 1.1;
function textBox(...args: Parameters<typeof regularBox>): Box {
  const box = regularBox(...args);
  const grown = box.width * BOLD;
  const anchor = args[4] ?? 'start';
  const x =
    anchor === 'end' ? box.x + box.width - grown : anchor === 'middle' ? box.x - (grown - box.width) / 2 : box.x;
  return { ...box, x, width: grown };
}

export function contextMarks(
  rule: Event | undefined,
  band: Event | undefined,
  o: {
    x: (iso: string) => number;
    left: number;
    right: number;
    /** How far left the rule's label may reach (desktops: into the gutter above the lane names). */
    leftmost: number;
    /** The rule's words before its date, if not its event's label (phones: a short one). */
    ruleLabel?: string | undefined;
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
  let ruleLines = 0;
  if (rule) {
    const rx = o.x(rule.date);
    const content = `${o.ruleLabel ?? rule.label}, ${formatShortDate(rule.date)}`;
    // Ending at its rule, on one line or two (split after the comma), where the room left of the rule allows:
    // then it cannot be read on with the band's label, which starts right of it. Else starting at the rule.
    const split = content.lastIndexOf(', ');
    const options = [[content], [content.slice(0, split + 1), content.slice(split + 2)]];
    const leftOf = options
      .map((lines) => lines.map((l, i) => textBox(l, o.font, rx - 4, o.rows[i]!, 'end')))
      .find((boxes) => boxes.every((b) => b.x >= o.leftmost && !o.obstacles.some((t) => overlaps(t, b, 2))));
    const placed = leftOf
      ? leftOf.map((box, i) => ({ box, x: rx - 4, anchor: 'end' as const, line: options[leftOf.length - 1]![i]! }))
      : [
          {
            box: textBox(content, o.font, Math.max(o.left, rx - 4), o.rows[0]!, 'start'),
            x: Math.max(o.left, rx - 4),
            anchor: 'start' as const,
            line: content,
          },
        ];
    ruleLines = placed.length;
    placed.forEach((p, i) => {
      topLabels.push(p.box);
      marks.push(
        text(i === 0 ? 'rule-label' : `rule-label-${i}`, 'annotation', p.line, {
          class: 'context-label',
          x: p.x,
          y: o.rows[i]!,
          'text-anchor': p.anchor,
          'font-size': o.font,
          'data-box': boxAttr(p.box),
        }),
      );
    });
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
    // On one line in the first row it fits in, else on two (split at its last space) down the band's edge.
    const split = band.label.lastIndexOf(' ');
    const options = [
      ...o.rows.map((_, i) => [{ line: band.label, row: i }]),
      ...(split > 0
        ? [
            [
              { line: band.label.slice(0, split), row: 0 },
              { line: band.label.slice(split + 1), row: 1 },
            ],
          ]
        : []),
    ].map((lines) =>
      lines.map((l) => ({ ...l, y: o.rows[l.row]!, box: textBox(l.line, o.font, x0 + 4, o.rows[l.row]!) })),
    );
    const fitting = options.find((lines) =>
      lines.every(
        ({ box }) => box.x + box.width <= o.right && ![...topLabels, ...o.obstacles].some((b) => overlaps(b, box)),
      ),
    );
    const at = fitting ?? options[0]!;
    at.forEach((l, i) => {
      marks.push(
        text(i === 0 ? 'band-label' : `band-label-${i}`, 'annotation', l.line, {
          class: 'context-label',
          x: x0 + 4,
          y: l.y,
          'text-anchor': 'start',
          'font-size': o.font,
          opacity: fitting ? 1 : 0,
          'data-box': boxAttr(l.box),
        }),
      );
    });
    if (fitting) topLabels.push(...fitting.map((l) => l.box));
  }
  if (rule) {
    const rx = r1(o.x(rule.date));
    marks.push(
      path('rule', 'grid', {
        class: 'context-rule',
        d: cutVertical(rx, o.rows[0]! + o.font * 0.3, o.axisY, [...o.obstacles, ...topLabels.slice(ruleLines)]),
      }),
    );
  }
  return { marks, labels: topLabels };
}
