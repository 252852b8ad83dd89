/** The timeline's data: every event with its sources, as CSV, built from content/events.yaml. */
import type { APIRoute } from 'astro';
import { EVENT_COLUMNS, eventRows } from '../../build/content/events-table.ts';
import { toCsv } from '../../build/format/to-csv.ts';
import { loadContent } from '../../build/content/read-content.ts';

export const GET: APIRoute = () => {
  const { events, sources } = loadContent();
  return new Response(toCsv(EVENT_COLUMNS, eventRows(events, sources)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
