/**
 * The story's rhythm. Step cards short enough for a phone: the card passes below the pinned chart, in
 * the space left between it and the bottom of the screen (and the tap-through bar). About 60 words fits
 * at 390x844; a failure names each card over the limit and its word count. And fewer, stronger steps:
 * each shows something new, and each chart comes back as few times as the story allows.
 */
import { describe, expect, it } from 'vitest';
import { plainText, words } from '../../src/build/content/readability.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

export const MAX_WORDS_PER_CARD = 60;

describe('the story: step cards', () => {
  const steps = loadContent().sections.flatMap((s) => s.steps.map((step) => ({ file: s.file, ...step })));

  it('are there to count', () => {
    expect(steps.length).toBeGreaterThan(5);
  });

  it(`have at most ${MAX_WORDS_PER_CARD} words each`, () => {
    const long = steps
      .map((s) => ({ where: `${s.file}, step "${s.id}"`, count: words(plainText(s.markdown)).length }))
      .filter((s) => s.count > MAX_WORDS_PER_CARD)
      .map((s) => `${s.where}: ${s.count} words`);
    expect(long, long.join('\n')).toEqual([]);
  });
});

describe('the story: steps', () => {
  const steps = loadContent().sections.flatMap((s) => s.steps);
  const view = (s: (typeof steps)[number]) => `${s.chart}/${s.state}/${(s.highlight ?? []).join(',')}`;

  it('are at most 27 (the first edition had 25, near-identical; the second adds a section of 5)', () => {
    expect(steps.length).toBeLessThanOrEqual(27);
  });

  it('each shows a new chart state: no step repeats the one before it', () => {
    const repeats = steps.filter((s, i) => i > 0 && view(s) === view(steps[i - 1]!)).map((s) => s.id);
    expect(repeats).toEqual([]);
  });

  it('switch chart at most six times (each chart in as few blocks as the order allows)', () => {
    const switches = steps.filter((s, i) => i > 0 && s.chart !== steps[i - 1]!.chart).length;
    expect(switches).toBeLessThanOrEqual(6);
  });
});
