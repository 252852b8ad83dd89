/**
 * Step cards short enough for a phone: the card passes below the pinned chart, in the space left
 * between it and the bottom of the screen (and the tap-through bar). About 60 words fits at 390x844.
 *
 * CONTENT-DEPENDENT: this fails until the lead's shorter cards land in content/story/ (issue 14).
 * The failure names each card over the limit and its word count.
 */
import { describe, expect, it } from 'vitest';
import { plainText, words } from '../../src/lib/content/readability.ts';
import { loadContent } from '../../src/loaders/read-content.ts';

export const MAX_WORDS_PER_CARD = 60;

describe('step cards', () => {
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
