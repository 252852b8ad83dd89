/**
 * A timeline lane's keys, set with its name: the hollow marker ("no statement") and the bar of an event
 * lasting days. Each is a small sample mark and its word, and the box the pair takes.
 */
import type { Box } from './boxes.ts';
import { textBox } from './boxes.ts';
import { markerPath, type MarkerShape } from './marker-shapes.ts';
import { path, r1, text } from './marks.ts';
import type { Mark } from '../../shared/chart-types.ts';

/** Where a key's word starts after its sample's centre (the marker) or start (the bar): a clear space apart. */
const WORD_AFTER_MARKER = 10;
const WORD_AFTER_BAR = 12;

/** A key's word, `after` units right of its sample's anchor. */
const keyWord = (key: string, word: string, after: number, o: KeyOptions, opacity = 1): Mark =>
  text(key, 'grid', word, {
    class: 'lane-label',
    x: o.at.x + after,
    y: o.at.y,
    'text-anchor': 'start',
    'font-size': o.font,
    opacity,
  });

/** What a key takes: its word's box, widened left to its sample's left edge. */
function keyBox(word: string, sampleLeft: number, after: number, o: KeyOptions): Box {
  const box = textBox(word, o.font, o.at.x + after, o.at.y);
  return { ...box, x: sampleLeft, width: box.x + box.width - sampleLeft };
}

interface KeyOptions {
  /** Where the word starts (the sample stands before it) and its baseline. */
  at: { x: number; y: number };
  shape: MarkerShape;
  tone: string;
  font: number;
}

/** The hollow marker and its word; shown only while the view draws a hollow marker. */
export function hollowKey(word: string, shown: boolean, o: KeyOptions): { marks: Mark[]; box: Box | undefined } {
  const opacity = shown ? 1 : 0;
  return {
    marks: [
      path('legend-no-statement-marker', 'grid', {
        class: `marker ${o.tone} is-hollow`,
        d: markerPath(o.shape, 4.5),
        transform: `translate(${r1(o.at.x)},${r1(o.at.y - (o.font + 1) * 0.35)})`,
        opacity,
      }),
      keyWord('legend-no-statement', word, WORD_AFTER_MARKER, o, opacity),
    ],
    box: shown ? keyBox(word, o.at.x - 6, WORD_AFTER_MARKER, o) : undefined,
  };
}

/** A marker with a thin capped bar after it, and its word: what a bar in the lanes means. */
export function spanKey(
  word: string,
  bar: { height: number; cap: number },
  o: KeyOptions,
): { marks: Mark[]; box: Box } {
  const [x0, cy] = [o.at.x - 11, o.at.y - (o.font + 1) * 0.35];
  const transform = `translate(${r1(x0)},${r1(cy)})`;
  return {
    marks: [
      path('legend-span-marker', 'grid', { class: `marker ${o.tone}`, d: markerPath(o.shape, 4), transform }),
      path('legend-span-bar', 'grid', {
        class: `event-span-key ${o.tone}`,
        d: `M4,${-bar.height / 2}h14v${bar.height}h-14ZM16,${-bar.cap / 2}h2v${bar.cap}h-2Z`,
        transform,
      }),
      keyWord('legend-span', word, WORD_AFTER_BAR, o),
    ],
    box: keyBox(word, o.at.x - 12, WORD_AFTER_BAR, o),
  };
}
