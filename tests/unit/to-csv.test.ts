import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/build/content/csv.ts';
import { EVENT_COLUMNS, eventRows } from '../../src/build/content/events-table.ts';
import { toCsv } from '../../src/build/format/to-csv.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

describe('toCsv(columns, rows)', () => {
  it('quotes cells with commas, quotes or line breaks, and nothing else', () => {
    expect(toCsv(['a', 'b'], [{ a: 'plain', b: 'say "no", twice' }])).toBe('a,b\nplain,"say ""no"", twice"\n');
    expect(toCsv(['a'], [{ a: undefined }, { a: 3 }])).toBe('a\n\n3\n');
  });
});

describe('eventRows(events, sources) as CSV', () => {
  it('reads back, event by event, with the parser the build uses', () => {
    const { events, sources } = loadContent();
    const csv = toCsv(EVENT_COLUMNS, eventRows(events, sources));
    const { rows, problems } = parseCsv('events.csv', csv, EVENT_COLUMNS);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.cells['id'])).toEqual(events.map((e) => e.id));
    expect(rows[0]?.cells['summary']).toBe(events[0]?.summary);
    expect(rows.every((r) => r.cells['source_urls']?.startsWith('https://'))).toBe(true);
  });
});

describe('toCsv and parseCsv', () => {
  const columns = ['id', 'text', 'note'];
  const awkward = [
    { id: 'a', text: 'say "no", twice', note: '  leading and trailing spaces  ' },
    { id: 'b', text: 'two\nlines, and a comma', note: 'a\r\nWindows break' },
    { id: 'c', text: '"quoted"', note: '' },
    { id: 'd', text: ' , ', note: 'plain' },
  ];

  it('read back exactly what was written: quotes, commas, line breaks, leading and trailing spaces', () => {
    const { rows, problems } = parseCsv('t.csv', toCsv(columns, awkward), columns);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.cells)).toEqual(awkward);
  });

  it('numbers each row by the line it starts on, counting the breaks inside quoted cells', () => {
    const { rows, problems } = parseCsv('t.csv', `${toCsv(columns, awkward)}e,too few\n`, columns);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 6, 7]);
    expect(problems).toEqual([expect.objectContaining({ file: 't.csv', entry: 'line 8', field: '(row)' })]);
  });
});
