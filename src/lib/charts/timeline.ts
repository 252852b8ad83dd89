import { scaleUtc } from 'd3-scale';
import type { Event } from '../content/schemas.ts';
import { formatDate, formatShortDate } from '../format/dates.ts';
import { frame } from './frame.ts';
import { estimateTextWidth, line, path, r1, rect, text, wrapLabel } from './marks.ts';
import type { LayoutName, Mark, Scene, View } from './types.ts';

export const SIDES = ['us', 'china', 'company', 'other'] as const;
const LANE_LABELS: Record<Event['side'], string> = {
  us: 'US government',
  china: "China's government",
  company: 'Companies',
  other: 'Reports, data, context',
};

/** The story's window, and the wider one for what came after. */
const WINDOWS: Record<'spring' | 'after', [string, string]> = {
  spring: ['2022-01-28', '2022-05-24'],
  after: ['2022-01-20', '2024-02-15'],
};
const SPRING_END = '2022-05-31';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function windowOf(state: string): [string, string] {
  return state === 'aftermath' ? WINDOWS.after : WINDOWS.spring;
}

/** Which events a state highlights when its step names none: derived from kind, side and date only. */
export function highlightedBy(state: string, events: readonly Event[]): Event[] {
  const inSpring = (e: Event) => e.date >= WINDOWS.spring[0] && e.date <= SPRING_END;
  switch (state) {
    case 'sanctions':
      return events.filter((e) => e.kind === 'sanction' && inSpring(e));
    case 'warnings':
      return events.filter((e) => e.side === 'us' && e.kind === 'warning' && inSpring(e));
    case 'beijing':
      return events.filter((e) => e.side === 'china' && inSpring(e));
    case 'companies':
      return events.filter((e) => e.side === 'company' && inSpring(e));
    case 'collapse':
      return events.filter((e) => e.kind === 'data' && inSpring(e));
    case 'aftermath':
      return events.filter((e) => e.date > SPRING_END);
    default:
      return [];
  }
}

/** The shaded span of the collapse state: from the first US warning after the sanctions to the last data of spring. */
export function collapseSpan(events: readonly Event[]): { from: Event; to: Event } | undefined {
  const sanctions = events.find((e) => e.kind === 'sanction');
  const from = events.find((e) => e.side === 'us' && e.kind === 'warning' && e.date > (sanctions?.date ?? ''));
  const data = events.filter((e) => e.kind === 'data' && e.date <= SPRING_END);
  const to = data.at(-1);
  return from && to && to.date > from.date ? { from, to } : undefined;
}

const daysBetween = (a: string, b: string) => Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);

/** Marker outline for each side, centred on 0,0: shape carries the side as well as colour. */
function markerPath(side: Event['side'], s: number): string {
  switch (side) {
    case 'us':
      return `M${-s},0a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'china':
      return `M0,${-s * 1.25}L${s * 1.25},0L0,${s * 1.25}L${-s * 1.25},0Z`;
    case 'company':
      return `M0,${-s * 1.2}L${s * 1.15},${s * 0.9}L${-s * 1.15},${s * 0.9}Z`;
    default:
      return `M${-s * 0.9},${-s * 0.9}H${s * 0.9}V${s * 0.9}H${-s * 0.9}Z`;
  }
}

/** The timeline in one view (a named state, maybe with events to highlight) and layout. */
export function timelineScene(events: readonly Event[], view: View, layout: LayoutName): Scene {
  const narrow = layout === 'narrow';
  const f = frame(layout, narrow ? { left: 14, right: 14, top: 18 } : { left: 168, right: 28, top: 22 });
  const [start, end] = windowOf(view.state);
  const x = scaleUtc()
    .domain([utc(start), utc(end)])
    .range([f.left, f.width - f.right]);
  const laneGap = narrow ? 28 : 46;
  const laneY = (side: Event['side']) => f.top + (narrow ? 12 : 10) + SIDES.indexOf(side) * laneGap;
  const axisY = laneY('other') + laneGap * 0.6;
  const labelTop = axisY + f.small + (narrow ? 26 : 30);
  const marks: Mark[] = [];

  for (const side of SIDES) {
    const y = laneY(side);
    marks.push(line(`lane-${side}`, 'grid', { class: 'grid-line', x1: f.left, x2: f.width - f.right, y1: y, y2: y }));
    marks.push(
      text(`lane-label-${side}`, 'grid', LANE_LABELS[side], {
        class: 'lane-label',
        x: narrow ? f.left : f.left - 12,
        y: narrow ? y - 7 : y + f.small * 0.35,
        'text-anchor': narrow ? 'start' : 'end',
        'font-size': f.small,
      }),
    );
  }
  marks.push(line('axis', 'grid', { class: 'axis-line', x1: f.left, x2: f.width - f.right, y1: axisY, y2: axisY }));
  for (const tick of axisTicks(view.state)) {
    const tx = x(utc(tick.date));
    marks.push(line(`tick-${tick.date}`, 'grid', { class: 'axis-line', x1: tx, x2: tx, y1: axisY, y2: axisY + 5 }));
    // Centred under its tick, but never past the chart's edges (the first label sits near the left edge on phones).
    const half = estimateTextWidth(tick.label, f.small) / 2 + 2;
    marks.push(
      text(`tick-label-${tick.date}`, 'grid', tick.label, {
        class: 'tick-label',
        x: r1(Math.min(Math.max(tx, half), f.width - half)),
        y: axisY + 6 + f.small,
        'text-anchor': 'middle',
        'font-size': f.small,
      }),
    );
  }

  if (view.state === 'collapse') {
    const span = collapseSpan(events);
    if (span) {
      const x0 = x(utc(span.from.date));
      const x1 = x(utc(span.to.date));
      marks.push(
        rect('span', 'grid', { class: 'span-band', x: x0, y: f.top - 4, width: x1 - x0, height: axisY - f.top + 4 }),
      );
      const days = daysBetween(span.from.date, span.to.date);
      marks.push(
        text(
          'span-label',
          'annotation',
          `${formatShortDate(span.from.date)} to ${formatShortDate(span.to.date)}: ${days} days`,
          {
            class: 'annotation-label',
            x: (x0 + x1) / 2,
            y: f.top - 7,
            'text-anchor': 'middle',
            'font-size': f.small,
          },
        ),
      );
    }
  }

  const explicit = view.highlight && view.highlight.length > 0;
  const highlighted = explicit
    ? events.filter((e) => view.highlight!.includes(e.id))
    : highlightedBy(view.state, events);
  const highlightIds = new Set(highlighted.map((e) => e.id));
  const anyHighlight = highlightIds.size > 0;
  const shown = events.filter((e) => e.date >= start && e.date <= end);
  const size = narrow ? 5.5 : 6;
  for (const e of shown) {
    const on = highlightIds.has(e.id);
    const ex = x(utc(e.date));
    if (e.end) {
      const until = Math.min(x(utc(e.end)), f.width - f.right);
      marks.push(
        rect(`event-span-${e.id}`, 'data', {
          class: `event-span side-${e.side}`,
          x: ex,
          y: laneY(e.side) - 3,
          width: Math.max(0, until - ex),
          height: 6,
          opacity: anyHighlight && !on ? 0.35 : 1,
        }),
      );
    }
    marks.push(
      path(`event-${e.id}`, 'data', {
        class: `marker side-${e.side}${on ? ' is-highlighted' : ''}`,
        d: markerPath(e.side, size),
        transform: `translate(${Math.round(ex * 10) / 10},${laneY(e.side)}) scale(${on ? 1.45 : 1})`,
        opacity: anyHighlight && !on ? 0.35 : 1,
      }),
    );
  }

  // Labels for highlighted events: one row each below the axis, with a leader to the marker. Rows never overlap.
  const labelled = highlighted.filter((e) => e.date >= start && e.date <= end).slice(0, 3);
  const maxChars = narrow ? 34 : 48;
  const lineHeight = f.font * 1.2;
  let rowY = labelTop;
  for (const e of labelled) {
    const ex = x(utc(e.date));
    const lines = wrapLabel(`${formatShortDate(e.date)}: ${e.headline}`, maxChars).slice(0, 2);
    // Bold labels in wide fallback fonts (DejaVu Sans) run up to a quarter wider than the estimate.
    const widest = Math.max(...lines.map((l) => estimateTextWidth(l, f.font))) * 1.25;
    const lx = Math.max(f.left, Math.min(ex - 8, f.width - f.right - widest));
    marks.push(
      line(`leader-${e.id}`, 'annotation', {
        class: 'leader-line',
        x1: ex,
        x2: ex,
        y1: laneY(e.side) + size * 1.6,
        y2: rowY - f.font,
      }),
    );
    lines.forEach((l, i) => {
      marks.push(
        text(`label-${e.id}-${i}`, 'label', l, {
          class: i === 0 ? 'event-label' : 'event-label event-label-more',
          x: lx,
          y: rowY + i * lineHeight,
          'text-anchor': 'start',
          'font-size': f.font,
        }),
      );
    });
    rowY += lines.length * lineHeight + (narrow ? 8 : 10);
  }

  return {
    chart: 'timeline',
    state: view.state,
    layout,
    width: f.width,
    height: f.height,
    title: timelineTitle(view.state, highlighted),
    subtitle:
      view.state === 'aftermath'
        ? `Events from ${formatDate(start.slice(0, 7))} to ${formatDate(end.slice(0, 7))}, by who acted`
        : 'Events of spring 2022, by who acted',
    description: describeTimeline(events, view, highlighted),
    marks,
  };
}

function axisTicks(state: string): { date: string; label: string }[] {
  if (state === 'aftermath') {
    return [
      { date: '2022-07-01', label: 'Jul 2022' },
      { date: '2023-01-01', label: '2023' },
      { date: '2023-07-01', label: 'Jul 2023' },
      { date: '2024-01-01', label: '2024' },
    ];
  }
  return [
    { date: '2022-02-01', label: 'Feb 2022' },
    { date: '2022-03-01', label: 'Mar' },
    { date: '2022-04-01', label: 'Apr' },
    { date: '2022-05-01', label: 'May' },
  ];
}

function timelineTitle(state: string, highlighted: readonly Event[]): string {
  const count = highlighted.length;
  switch (state) {
    case 'sanctions':
      return 'The export controls came on the day of the invasion';
    case 'warnings':
      return `${count} US warnings in ${count === 1 ? 'one' : 'a few'} weeks`;
    case 'beijing':
      return "Beijing's answer: no deliberate evasion, no improper statements";
    case 'companies':
      return 'Only one company announced anything';
    case 'collapse':
      return 'From the warnings to the collapse in the data';
    case 'causes':
      return 'Other pressures on trade, spring 2022';
    case 'aftermath':
      return 'After the spring: trade records';
    default:
      return 'Spring 2022, event by event';
  }
}

export function describeTimeline(events: readonly Event[], view: View, highlighted: readonly Event[]): string {
  const [start, end] = windowOf(view.state);
  const shown = events.filter((e) => e.date >= start && e.date <= end);
  const counts = SIDES.map((s) => `${LANE_LABELS[s]}: ${shown.filter((e) => e.side === s).length}`).join(', ');
  const parts = [
    `Timeline of ${shown.length} events from ${formatDate(shown[0]?.date ?? start)} to ${formatDate(shown.at(-1)?.date ?? end)}, in rows by who acted (${counts}).`,
  ];
  if (highlighted.length > 0) {
    parts.push(`Highlighted: ${highlighted.map((e) => `${formatDate(e.date)}, ${e.headline}`).join('; ')}.`);
  }
  if (view.state === 'collapse') {
    const span = collapseSpan(events);
    if (span) {
      parts.push(
        `Shaded: the ${daysBetween(span.from.date, span.to.date)} days from ${formatDate(span.from.date)} to ${formatDate(span.to.date)}.`,
      );
    }
  }
  return parts.join(' ');
}
