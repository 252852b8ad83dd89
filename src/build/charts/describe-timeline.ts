/** The timeline's text alternative: what it shows in a view, in the interface's sentences (ui.yaml). */
import type { Ui } from '../content/ui-schema.ts';
import type { TimelineChart } from '../content/charts-schema.ts';
import { fill } from '../content/charts-schema.ts';
import type { Event } from '../content/schemas.ts';
import { formatDate } from '../format/dates.ts';
import type { View } from '../../shared/chart-types.ts';
import { daysBetween, shownEvents, spanOf, stateOf, windowOf } from './timeline-rules.ts';

export function describeTimeline(
  config: TimelineChart,
  events: readonly Event[],
  view: View,
  highlighted: readonly Event[],
  ui: Ui,
  /** The events drawn with a bar to their last day (those long enough for one at the chart's scale). */
  spanning: readonly Event[] = [],
): string {
  const [start, end] = windowOf(config, view.state);
  const state = stateOf(config, view.state);
  const shown = shownEvents(config, view, events);
  const lanes = config.lanes
    .map((l) => ui('describe.lane', { lane: l.label, count: shown.filter((e) => e.side === l.id).length }))
    .join(', ');
  const parts = [
    ui('describe.timeline', {
      count: shown.length,
      from: formatDate(shown[0]?.date ?? start),
      to: formatDate(shown.at(-1)?.date ?? end),
      lanes,
    }),
  ];
  const dated = (e: Event, label: string) => ui('describe.dated', { date: formatDate(e.date), label });
  const inWindow = events.filter((e) => e.date >= start && e.date <= end);
  const rule = inWindow.find((e) => e.id === config.rule);
  if (rule) parts.push(ui('describe.rule', { date: formatDate(rule.date), label: rule.label }));
  const band = inWindow.find((e) => e.id === config.band && e.end);
  if (band) {
    parts.push(ui('describe.band', { label: band.label, from: formatDate(band.date), to: formatDate(band.end!) }));
  }
  const silent = shown.filter((e) => e.kind === config.hollow?.kind);
  if (silent.length > 0) {
    const list = silent.map((e) => e.label).join('; ');
    parts.push(ui('describe.hollow', { legend: config.hollow?.legend ?? '', events: list }));
  }
  if (spanning.length > 0) parts.push(ui('describe.spans', { events: spanning.map((e) => e.label).join('; ') }));
  if (state.labelAll) {
    parts.push(ui('describe.labelled', { events: shown.map((e) => dated(e, e.label)).join('; ') }));
  } else if (highlighted.length > 0) {
    parts.push(ui('describe.highlighted', { items: highlighted.map((e) => dated(e, e.headline)).join('; ') }));
  }
  const span = spanOf(config, view.state, events);
  if (span && state.span) {
    parts.push(
      fill(state.span.description, {
        days: daysBetween(span.from.date, span.to.date),
        from: formatDate(span.from.date),
        to: formatDate(span.to.date),
      }),
    );
  }
  return parts.join(' ');
}
