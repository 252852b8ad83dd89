/**
 * What a timeline state shows, from charts.yaml's rules: its window, which events it draws, highlights and
 * shades. Pure functions of the chart's config and the events.
 */
import type { EventRule, TimelineChart } from '../content/charts-schema.ts';
import type { Event } from '../content/schemas.ts';
import { formatShortDate } from '../format/dates.ts';
import type { View } from '../../shared/chart-types.ts';

export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function stateOf(config: TimelineChart, state: string): TimelineChart['states'][string] {
  const found = config.states[state];
  if (!found) throw new Error(`timeline chart has no state "${state}"`);
  return found;
}

/** An event's date beside its label: the day in a window of months, the month and year in one of years. */
export function labelDate(date: string, [from, to]: readonly [string, string]): string {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  // "7 Mar" in spring; "Jun 2022" across years (the short month that formatShortDate writes, then the year).
  return days > 400 ? `${formatShortDate(date).split(' ')[1]} ${date.slice(0, 4)}` : formatShortDate(date);
}

/** The window a state shows: its own, or the first the chart declares. */
export function windowSpec(config: TimelineChart, state: string): TimelineChart['windows'][string] {
  const name = stateOf(config, state).window ?? Object.keys(config.windows)[0]!;
  return config.windows[name]!;
}

export function windowOf(config: TimelineChart, state: string): [string, string] {
  const w = windowSpec(config, state);
  return [w.from, w.to];
}

/** Whether an event meets a rule of charts.yaml: its side, its kind, inside or after a window. */
export function matchesRule(config: TimelineChart, rule: EventRule, e: Event): boolean {
  const through = (name: string) => config.windows[name]!.through ?? config.windows[name]!.to;
  return (
    (rule.side === undefined || e.side === rule.side) &&
    (rule.kind === undefined || e.kind === rule.kind) &&
    (rule.within === undefined || (e.date >= config.windows[rule.within]!.from && e.date <= through(rule.within))) &&
    (rule.after === undefined || e.date > through(rule.after))
  );
}

/** Which events a state highlights when its step names none: derived from kind, side and date only. */
export function highlightedBy(config: TimelineChart, state: string, events: readonly Event[]): Event[] {
  const rule = stateOf(config, state).highlight;
  return rule ? events.filter((e) => matchesRule(config, rule, e)) : [];
}

/** The events a view draws: those of its window, less the ones its state omits (unless the step highlights them). */
export function shownEvents(config: TimelineChart, view: View, events: readonly Event[]): Event[] {
  const [start, end] = windowOf(config, view.state);
  const omit = stateOf(config, view.state).omit;
  return events.filter(
    (e) =>
      e.date >= start &&
      e.date <= end &&
      !(omit && matchesRule(config, omit, e) && !(view.highlight ?? []).includes(e.id)),
  );
}

/** A state's shaded span: from the first event matching `from` (after the first matching `fromAfter`) to the last matching `to`. */
export function spanOf(
  config: TimelineChart,
  state: string,
  events: readonly Event[],
): { from: Event; to: Event } | undefined {
  const spec = stateOf(config, state).span;
  if (!spec) return undefined;
  const after = spec.fromAfter ? events.find((e) => matchesRule(config, spec.fromAfter!, e)) : undefined;
  const from = events.find((e) => matchesRule(config, spec.from, e) && e.date > (after?.date ?? ''));
  const to = events.filter((e) => matchesRule(config, spec.to, e)).at(-1);
  return from && to && to.date > from.date ? { from, to } : undefined;
}

export const daysBetween = (a: string, b: string) => Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
