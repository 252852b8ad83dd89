/**
 * The exports chart's comparisons as a reader sees them: the year-earlier value at the March fall is not
 * hidden under the March dot, the change on a year earlier stands apart from the bracket that measures the
 * fall from February, the grey label stands by its mark, no grey dot piles up at the rule, and a label
 * right of the rule keeps clear of it (so it never reads as one block with the rule's own label).
 */
import { describe, expect, it } from 'vitest';
import { sceneFor } from '../../src/build/charts/build.ts';
import { textBox, type Box } from '../../src/build/charts/boxes.ts';
import { chartStates } from '../../src/build/charts/registry.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
import { LAYOUTS, type LayoutName, type Mark, type Scene } from '../../src/shared/chart-types.ts';
import { seriesFigures } from '../../src/build/charts/exports.ts';

const content = loadContent();
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];
const visible = (m: Mark) => Number(m.attrs['opacity'] ?? 1) > 0;
const num = (m: Mark, k: string) => Number(m.attrs[k]);
const scenes = LAYOUT_NAMES.flatMap((layout) =>
  chartStates(content.charts, 'exports').map((state) => sceneFor('exports', content, { state }, layout)),
);
const name = (s: Scene) => `${s.state} ${s.layout}`;
const boxOfText = (m: Mark): Box =>
  textBox(m.text!, num(m, 'font-size'), num(m, 'x'), num(m, 'y'), (m.attrs['text-anchor'] ?? 'start') as 'start');
const boxOfMark = (m: Mark): Box =>
  m.tag === 'circle'
    ? { x: num(m, 'cx') - num(m, 'r'), y: num(m, 'cy') - num(m, 'r'), width: 2 * num(m, 'r'), height: 2 * num(m, 'r') }
    : m.tag === 'line'
      ? {
          x: Math.min(num(m, 'x1'), num(m, 'x2')),
          y: Math.min(num(m, 'y1'), num(m, 'y2')),
          width: Math.abs(num(m, 'x2') - num(m, 'x1')),
          height: Math.abs(num(m, 'y2') - num(m, 'y1')),
        }
      : boxOfText(m);
const gap = (a: Box, b: Box) =>
  Math.hypot(
    Math.max(b.x - (a.x + a.width), 0, a.x - (b.x + b.width)),
    Math.max(b.y - (a.y + a.height), 0, a.y - (b.y + b.height)),
  );
/** The marks that draw the year before (dots, the key's swatch, a tick at the focus month). */
const greyMarks = (s: Scene) =>
  s.marks.filter((m) => visible(m) && /^year-before-(dot|key|tick)/.test(m.key) && m.tag !== 'path');
const focusDot = (s: Scene) => s.marks.find((m) => m.key === 'focus-dot')!;
/** The y scale, read off two gridlines' labels. */
function yOf(s: Scene): (v: number) => number {
  const grid = s.marks
    .filter((m) => /^grid-[\d.e+]+$/.test(m.key))
    .map((m) => [Number(m.key.slice(5)), num(m, 'y1')] as const)
    .sort((a, b) => a[0] - b[0]);
  const [[v0, y0], [v1, y1]] = [grid[0]!, grid.at(-1)!];
  return (v) => y0 + ((v - v0) / (v1 - v0)) * (y1 - y0);
}

describe('the exports chart: the fall in March, a year on', () => {
  const bracketScenes = scenes.filter((s) => s.marks.some((m) => m.key === 'drop-bracket' && visible(m)));
  it('there are bracket states to test', () => expect(bracketScenes.length).toBeGreaterThan(0));

  it('the year-earlier value shows beside the March dot, not under it, at its own value', () => {
    const problems: string[] = [];
    const series = content.series;
    for (const s of bracketScenes) {
      const dot = boxOfMark(focusDot(s));
      const ring = { x: dot.x - 1, y: dot.y - 1, width: dot.width + 2, height: dot.height + 2 };
      const at = greyMarks(s).filter((m) => !m.key.startsWith('year-before-key'));
      if (at.length === 0) problems.push(`${name(s)}: no year-earlier mark at the focus month`);
      const f = seriesFigures(series, content.charts.charts['exports'] as never, s.state);
      const lastYear = f.value / (1 + f.yearOnYear! / 100);
      for (const m of at) {
        const b = boxOfMark(m);
        const inside =
          Math.max(0, Math.min(b.x + b.width, ring.x + ring.width) - Math.max(b.x, ring.x)) *
          Math.max(0, Math.min(b.y + b.height, ring.y + ring.height) - Math.max(b.y, ring.y));
        if (inside > 0.5) problems.push(`${name(s)}: ${m.key} is under the focus dot`);
        const centreY = b.y + b.height / 2;
        if (Math.abs(centreY - yOf(s)(lastYear)) > 1)
          problems.push(`${name(s)}: ${m.key} at ${centreY}, not its value`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the hollow dot the bracket starts from is named: its month stands by it', () => {
    const problems: string[] = [];
    for (const s of bracketScenes) {
      const prev = s.marks.find((m) => m.key === 'prev-dot')!;
      const named = s.marks.filter(
        (m) =>
          m.tag === 'text' &&
          visible(m) &&
          /^[A-Z][a-z]+$/.test(m.text ?? '') &&
          gap(boxOfText(m), boxOfMark(prev)) <= 10,
      );
      if (named.length === 0) problems.push(`${name(s)}: nothing names the hollow dot`);
    }
    expect(problems).toEqual([]);
  });

  it('the change on a year earlier stands apart from the bracket, by the year-earlier mark', () => {
    const problems: string[] = [];
    for (const s of bracketScenes) {
      const bracket = boxOfMark(s.marks.find((m) => m.key === 'drop-bracket')!);
      // The change on a year earlier: the focus label's second part, maybe set on two lines.
      const lines = s.marks.filter(
        (m) => m.tag === 'text' && visible(m) && /annotation-second/.test(String(m.attrs['class'])),
      );
      const boxes = lines.map(boxOfText);
      const x = Math.min(...boxes.map((b) => b.x));
      const y = Math.min(...boxes.map((b) => b.y));
      const union = {
        text: lines.map((m) => m.text).join(' '),
        box: {
          x,
          y,
          width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
          height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
        },
      };
      if (lines.length === 0) problems.push(`${name(s)}: no change on a year earlier`);
      for (const m of lines.length > 0 ? [union] : []) {
        const b = m.box;
        if (b.y < bracket.y + bracket.height && b.y + b.height > bracket.y)
          problems.push(`${name(s)}: "${m.text}" stands beside the bracket`);
        const mark = Math.min(...greyMarks(s).map((g) => gap(b, boxOfMark(g))), gap(b, boxOfMark(focusDot(s))));
        if (mark > 8) problems.push(`${name(s)}: "${m.text}" is ${mark.toFixed(1)} from the marks it compares`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the exports chart: the year before, uncluttered', () => {
  it('the grey label stands close by a grey mark (or is a key)', () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const label = s.marks.find((m) => m.key === 'year-before-label' && visible(m));
      if (!label) continue;
      const d = Math.min(...greyMarks(s).map((g) => gap(boxOfText(label), boxOfMark(g))));
      if (d > 12) problems.push(`${name(s)}: "${label.text}" is ${d.toFixed(1)} from its mark`);
    }
    expect(problems).toEqual([]);
  });

  it('no grey dot piles up at the invasion rule', () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const rx = Number(/M([\d.]+)/.exec(String(s.marks.find((m) => m.key === 'rule')!.attrs['d']))![1]);
      for (const m of greyMarks(s).filter((m) => m.tag === 'circle')) {
        if (Math.abs(num(m, 'cx') - rx) < 6) problems.push(`${name(s)}: ${m.key} at ${num(m, 'cx')}, rule at ${rx}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the exports chart: labels right of the rule', () => {
  it("keep 12 units clear of it beside the rule's label", () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const rx = Number(/M([\d.]+)/.exec(String(s.marks.find((m) => m.key === 'rule')!.attrs['d']))![1]);
      const ruleLabels = s.marks.filter((m) => m.key.startsWith('rule-label-') && visible(m)).map(boxOfText);
      const top = Math.min(...ruleLabels.map((b) => b.y));
      const bottom = Math.max(...ruleLabels.map((b) => b.y + b.height));
      for (const m of s.marks) {
        if (m.tag !== 'text' || !visible(m) || !/^(focus|peak)-label/.test(m.key)) continue;
        const b = boxOfText(m);
        if (b.y < bottom && b.y + b.height > top && b.x > rx && b.x < rx + 12)
          problems.push(`${name(s)}: "${m.text}" starts ${(b.x - rx).toFixed(1)} right of the rule`);
      }
    }
    expect(problems).toEqual([]);
  });
});
