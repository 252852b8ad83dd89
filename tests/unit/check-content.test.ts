import { describe, expect, it } from 'vitest';
import { checkContent, type RawContent } from '../../src/build/content/check-content.ts';
import { ContentError } from '../../src/build/content/errors.ts';
import { readRawContent } from '../../src/build/content/read-content.ts';
import { BROKEN_FIXTURES, breakContent } from '../fixtures/broken-content.ts';

const raw = readRawContent('content');

function problemsOf(content: RawContent): string {
  try {
    checkContent(content);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    expect((e as Error).stack).toBe('');
    return (e as Error).message;
  }
  throw new Error('checkContent accepted broken content');
}

describe('checkContent', () => {
  it('accepts the story as it is', () => {
    const c = checkContent(raw);
    expect(c.sections.length).toBeGreaterThan(0);
    expect(c.events.length).toBeGreaterThan(0);
    expect(c.series.length).toBeGreaterThan(0);
  });

  for (const fixture of BROKEN_FIXTURES) {
    it(`rejects ${fixture.name}, naming the file, entry and field`, () => {
      const message = problemsOf(breakContent(raw, fixture));
      for (const part of fixture.expect) expect(message).toContain(part);
    });
  }

  it('lists every problem at once, not just the first', () => {
    const byName = (name: string) => BROKEN_FIXTURES.find((f) => f.name === name)!;
    const twice = breakContent(
      breakContent(raw, byName('an impossible event date')),
      byName('a CSV value that is not a number'),
    );
    const message = problemsOf(twice);
    expect(message).toContain('(2 problems)');
    expect(message).toContain('events.yaml');
    expect(message).toContain('china-exports-to-russia-monthly.csv');
  });
});
