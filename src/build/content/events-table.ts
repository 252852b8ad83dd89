import type { Event, Source } from './schemas.ts';

export const EVENT_COLUMNS = [
  'id',
  'date',
  'end',
  'actor',
  'side',
  'kind',
  'headline',
  'summary',
  'confidence',
  'sources',
  'source_urls',
] as const;

/** The timeline's events as table rows, each with its source ids and their links, for the events CSV. */
export function eventRows(events: readonly Event[], sources: readonly Source[]): Record<string, string>[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return events.map((e) => ({
    id: e.id,
    date: e.date,
    end: e.end ?? '',
    actor: e.actor,
    side: e.side,
    kind: e.kind,
    headline: e.headline,
    summary: e.summary,
    confidence: e.confidence,
    sources: e.sources.join(';'),
    source_urls: e.sources.map((id) => byId.get(id)?.url ?? '').join(' '),
  }));
}
