/**
 * The story's charts as a graphics desk reads them, from the geometry the build computes: labels read in
 * time order, leaders run unbroken from mark to label, marks of one lane never touch, and the exports
 * chart's labels stay clear of the rule, the gridlines and the marks.
 */
import { describe, expect, it } from 'vitest';
import { sceneFor, stepViews } from '../../src/build/charts/build.ts';
import { chartStates } from '../../src/build/charts/registry.ts';
import { LAYOUTS, viewKey, type LayoutName, type Mark, type Scene, type View } from '../../src/shared/chart-types.ts';
import { textBox } from '../../src/build/charts/boxes.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const content = loadContent();
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];
const eventDate = new Map(content.events.map((e) => [e.id, e.date]));
const timelineViews: View[] = [
  ...chartStates(content.charts, 'timeline').map((state) => ({ state })),
  ...stepViews(content, 'timeline'),
];
const visible = (m: Mark) => Number(m.attrs['opacity'] ?? 1) > 0;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const boxOf = (attr: string | number | undefined): Box => {
  const [x, y, width, height] = String(attr).split(' ').map(Number) as [number, number, number, number];
  return { x, y, width, height };
};

/** Each event label's allotted box, by event id. */
function labelBoxes(scene: Scene): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const m of scene.marks) {
    if (m.key.startsWith('label-') && visible(m) && m.attrs['data-label']) {
      boxes.set(String(m.attrs['data-label']), boxOf(m.attrs['data-box']));
    }
  }
  return boxes;
}

/** The vertical segments of a path written as M x,y V y. */
const segments = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)]
    .map((m) => ({ x: Number(m[1]), y1: Number(m[2]), y2: Number(m[3]) }))
    .filter((s) => Math.abs(s.y2 - s.y1) > 0.5);

describe('the story: timeline labels read in time order', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`a step's labels run earliest first, top to bottom (left to right within a row): ${layout}`, () => {
      const problems: string[] = [];
      for (const view of stepViews(content, 'timeline')) {
        const scene = sceneFor('timeline', content, view, layout);
        const placed = [...labelBoxes(scene)].sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
        for (let i = 1; i < placed.length; i++) {
          const [before, after] = [placed[i - 1]!, placed[i]!];
          // Events a day or two apart stand at one spot on the scale: their labels may read in either order.
          const apart = (Date.parse(eventDate.get(before[0])!) - Date.parse(eventDate.get(after[0])!)) / 86_400_000;
          if (apart > 2) {
            problems.push(`${viewKey(view)}: "${before[0]}" reads before the earlier "${after[0]}"`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the story: timeline labels keep their shape', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`no label is squeezed into a column of more than four lines, in any view: ${layout}`, () => {
      const problems: string[] = [];
      for (const view of timelineViews) {
        const lines = new Map<string, number>();
        for (const m of sceneFor('timeline', content, view, layout).marks) {
          const id = m.attrs['data-label'];
          if (m.key.startsWith('label-') && id) lines.set(String(id), (lines.get(String(id)) ?? 0) + 1);
        }
        for (const [id, n] of lines) if (n > 4) problems.push(`${viewKey(view)}: "${id}" in ${n} lines`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the story: timeline leaders', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`each leader runs unbroken past other labels, from its mark to its own label: ${layout}`, () => {
      const problems: string[] = [];
      // Every view a reader scrolls through or an embed shows; not yet the every-label print state (labelAll).
      const timelineConfig = content.charts.charts['timeline'] as { states: Record<string, { labelAll?: boolean }> };
      for (const view of timelineViews.filter((v) => !timelineConfig.states[v.state]?.labelAll)) {
        const scene = sceneFor('timeline', content, view, layout);
        const boxes = labelBoxes(scene);
        for (const m of scene.marks.filter((k) => k.key.startsWith('leader-'))) {
          const id = m.key.slice('leader-'.length);
          // Each straight run of it (a leader may jog sideways under the dates): its full length, gaps included.
          const runs = new Map<number, { top: number; bottom: number }>();
          for (const s of segments(String(m.attrs['d']))) {
            const run = runs.get(s.x) ?? { top: Infinity, bottom: -Infinity };
            runs.set(s.x, { top: Math.min(run.top, s.y1, s.y2), bottom: Math.max(run.bottom, s.y1, s.y2) });
          }
          for (const [x, { top, bottom }] of runs) {
            for (const [other, b] of boxes) {
              if (other === id) continue;
              if (x > b.x && x < b.x + b.width && top < b.y + b.height && bottom > b.y) {
                problems.push(`${viewKey(view)}: the leader of "${id}" passes the label of "${other}"`);
              }
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/** A marker's box: its path's extent (circles by their radius, other shapes by their points), scaled, at its translate. */
function markerBox(m: Mark): Box & { lane: number } {
  const [, tx, ty] = /translate\((-?[\d.]+),(-?[\d.]+)\)/.exec(String(m.attrs['transform']))!.map(Number) as number[];
  const scale = Number(/scale\(([\d.]+)\)/.exec(String(m.attrs['transform']))?.[1] ?? 1);
  const d = String(m.attrs['d']);
  const xs: number[] = [];
  const ys: number[] = [];
  if (d.includes('a')) {
    const r = Math.abs(Number(/-?[\d.]+/.exec(d)![0]));
    xs.push(-r, r);
    ys.push(-r, r);
  } else {
    for (const [, cmd, a, b] of d.matchAll(/([MLHV])(-?[\d.]+)(?:,(-?[\d.]+))?/g)) {
      if (cmd === 'H') xs.push(Number(a));
      else if (cmd === 'V') ys.push(Number(a));
      else {
        xs.push(Number(a));
        ys.push(Number(b));
      }
    }
  }
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)].map((v) => v * scale);
  return { x: tx! + x0!, y: ty! + y0!, width: x1! - x0!, height: y1! - y0!, lane: ty! };
}

describe('the story: timeline markers', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`no two markers of a lane touch: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const markers = scene.marks
          .filter((m) => m.key.startsWith('event-') && !m.key.startsWith('event-span-') && visible(m))
          .map((m) => ({ key: m.key, ...markerBox(m) }));
        markers.forEach((a, i) => {
          for (const b of markers.slice(i + 1)) {
            const apart =
              a.x + a.width + 1 <= b.x ||
              b.x + b.width + 1 <= a.x ||
              a.y + a.height + 1 <= b.y ||
              b.y + b.height + 1 <= a.y;
            if (!apart) problems.add(`${viewKey(view)}: ${a.key} touches ${b.key}`);
          }
        });
      }
      expect([...problems]).toEqual([]);
    });
  }
});

describe('the story: timeline markers keep their side of the rule', () => {
  it("on wide screens no marker of an event after the rule's day is drawn left of its line, nor one before it right of it", () => {
    const timeline = content.charts.charts['timeline'];
    const ruleId = timeline?.kind === 'timeline' ? timeline.rule : undefined;
    const day = content.events.find((e) => e.id === ruleId)?.date;
    expect(day).toBeDefined();
    const problems = new Set<string>();
    for (const view of timelineViews) {
      const scene = sceneFor('timeline', content, view, 'wide');
      const line = scene.marks.find((m) => String(m.attrs['class']).includes('context-rule') && visible(m));
      if (!line) continue;
      const ruleX = Number(/M\s*([\d.]+)/.exec(String(line.attrs['d']))?.[1]);
      for (const m of scene.marks) {
        if (!m.key.startsWith('event-') || m.key.startsWith('event-span-') || !visible(m)) continue;
        const date = eventDate.get(m.key.slice('event-'.length)) ?? '';
        const box = markerBox(m);
        // Its centre, where a reader reads its date: the marker itself may straddle the line by its half-width.
        const centre = box.x + box.width / 2;
        if (date > day! && centre <= ruleX) problems.add(`${viewKey(view)}: ${m.key} (${date}) left of the rule`);
        if (date < day! && centre >= ruleX) problems.add(`${viewKey(view)}: ${m.key} (${date}) right of the rule`);
      }
    }
    expect([...problems]).toEqual([]);
  });
});

/** Every visible text of a scene with its estimated box (the layout's own estimate, with its safety margin). */
function textBoxes(scene: Scene): { key: string; text: string; box: Box }[] {
  return scene.marks
    .filter((m) => m.tag === 'text' && m.text && visible(m))
    .map((m) => ({
      key: m.key,
      text: m.text!,
      box: textBox(
        m.text!,
        Number(m.attrs['font-size']),
        Number(m.attrs['x']),
        Number(m.attrs['y']),
        (m.attrs['text-anchor'] ?? 'start') as 'start' | 'middle' | 'end',
      ),
    }));
}
const circleBox = (m: Mark): Box => {
  const [cx, cy, r] = ['cx', 'cy', 'r'].map((k) => Number(m.attrs[k])) as [number, number, number];
  return { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r };
};
const crossesX = (x: number, top: number, bottom: number, b: Box) =>
  x > b.x && x < b.x + b.width && top < b.y + b.height && bottom > b.y;

describe('the story: the exports chart, every state', () => {
  const scenes = LAYOUT_NAMES.flatMap((layout) =>
    chartStates(content.charts, 'exports').map((state) => sceneFor('exports', content, { state }, layout)),
  );
  const name = (s: Scene) => `${s.state} ${s.layout}`;
  const rule = (s: Scene) => {
    const segs = segments(String(s.marks.find((m) => m.key === 'rule')!.attrs['d']));
    return {
      x: segs[0]!.x,
      top: Math.min(...segs.map((g) => g.y1)),
      bottom: Math.max(...segs.map((g) => g.y2)),
      segs,
    };
  };

  it('no label stands across the invasion rule (the rule is never cut around a label in the plot)', () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const r = rule(s);
      for (const t of textBoxes(s)) {
        if (t.key.startsWith('rule-label')) continue;
        if (crossesX(r.x, r.top, r.bottom, t.box)) problems.push(`${name(s)}: "${t.text}" stands across the rule`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the rule passes no dot (it stops short of the marks it meets)', () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const dots = s.marks.filter((m) => m.tag === 'circle' && visible(m));
      for (const g of rule(s).segs) {
        for (const d of dots) {
          if (crossesX(g.x, g.y1, g.y2, circleBox(d))) problems.push(`${name(s)}: the rule runs through ${d.key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the muted labels sit between gridlines, never on one', () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const grid = s.marks.filter((m) => m.attrs['class'] === 'grid-line').map((m) => Number(m.attrs['y1']));
      for (const t of textBoxes(s).filter((t) => t.key === 'year-before-label')) {
        for (const y of grid) {
          if (y > t.box.y && y < t.box.y + t.box.height)
            problems.push(`${name(s)}: "${t.text}" sits on the gridline at ${y}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the grey label names its own dot: it stands nearer a dot of the year before than the focus dot', () => {
    const problems: string[] = [];
    const gap = (b: Box, x: number, y: number) =>
      Math.hypot(Math.max(b.x - x, 0, x - b.x - b.width), Math.max(b.y - y, 0, y - b.y - b.height));
    for (const s of scenes) {
      const label = textBoxes(s).find((t) => t.key === 'year-before-label');
      if (!label) continue;
      const at = (m: Mark) => [Number(m.attrs['cx']), Number(m.attrs['cy'])] as const;
      const focus = gap(label.box, ...at(s.marks.find((m) => m.key === 'focus-dot')!));
      // A tick (at the focus month, or a key's swatch) counts by its nearer end.
      const ends = (m: Mark) =>
        m.tag === 'line'
          ? ([
              [Number(m.attrs['x1']), Number(m.attrs['y1'])],
              [Number(m.attrs['x2']), Number(m.attrs['y2'])],
            ] as const)
          : [at(m)];
      const own = Math.min(
        ...s.marks
          .filter((m) => /^year-before-(dot|key|tick)/.test(m.key) && visible(m))
          .flatMap(ends)
          .map((p) => gap(label.box, ...p)),
      );
      if (own >= focus)
        problems.push(
          `${name(s)}: "${label.text}" is ${own.toFixed(1)} from its dot, ${focus.toFixed(1)} from the focus dot`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('the focus label sits beside its point: next to the dot, or at the end of a leader from it', () => {
    const problems: string[] = [];
    for (const s of scenes) {
      const dot = s.marks.find((m) => m.key === 'focus-dot')!;
      const label = textBoxes(s).filter((t) => t.key.startsWith('focus-label'));
      if (label.length === 0) continue;
      const box = {
        x: Math.min(...label.map((t) => t.box.x)),
        y: Math.min(...label.map((t) => t.box.y)),
        width: Math.max(...label.map((t) => t.box.x + t.box.width)) - Math.min(...label.map((t) => t.box.x)),
        height: Math.max(...label.map((t) => t.box.y + t.box.height)) - Math.min(...label.map((t) => t.box.y)),
      };
      const leader = s.marks.find((m) => m.key === 'focus-leader' && visible(m));
      if (leader) {
        const lx = Number(leader.attrs['x1']);
        const atEdge = Math.min(Math.abs(lx - box.x), Math.abs(lx - (box.x + box.width))) <= 8;
        if (!atEdge)
          problems.push(
            `${name(s)}: the leader at ${lx} meets the label mid-way (${box.x.toFixed(0)}–${(box.x + box.width).toFixed(0)})`,
          );
      } else {
        const [cx, cy] = [Number(dot.attrs['cx']), Number(dot.attrs['cy'])];
        const dx = Math.max(box.x - cx, 0, cx - (box.x + box.width));
        const dy = Math.max(box.y - cy, 0, cy - (box.y + box.height));
        if (Math.hypot(dx, dy) > 30)
          problems.push(`${name(s)}: the label is ${Math.hypot(dx, dy).toFixed(0)} from its dot`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the story: the exports chart keeps its words inside the chart', () => {
  it('every visible text stands inside the viewBox, every state, both layouts', () => {
    const problems: string[] = [];
    for (const layout of LAYOUT_NAMES) {
      for (const state of chartStates(content.charts, 'exports')) {
        const s = sceneFor('exports', content, { state }, layout);
        // The axis's own tick labels stand where the axis puts them (their digits estimate wide).
        for (const t of textBoxes(s).filter((t) => !t.key.startsWith('ytick-'))) {
          // With the estimate's safety margin: bold labels in the widest fallback font run that wide.
          if (t.box.x < 0 || t.box.x + t.box.width > s.width) {
            problems.push(`${state} ${layout}: "${t.text}" runs past the edge`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

const eventSide = new Map(content.events.map((e) => [e.id, e.side]));
/** The visible markers of a timeline scene, each with its box and its lane. */
const timelineMarkers = (scene: Scene) =>
  scene.marks
    .filter((m) => m.key.startsWith('event-') && !m.key.startsWith('event-span-') && visible(m))
    .map((m) => ({ key: m.key, side: eventSide.get(m.key.slice('event-'.length)), ...markerBox(m) }));
const touches = (a: Box, b: Box, gap = 1, gapY = gap) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gapY && b.y < a.y + a.height + gapY;

describe('the story: timeline lanes keep their own space', () => {
  // On phones the lane names stood in a row above each lane, and leaders from the lanes above ran through
  // them. Now, in both layouts, the names stand in a gutter left of the plot, where no marker or leader goes.
  for (const layout of LAYOUT_NAMES) {
    it(`every lane name stands in the gutter, left of every marker, leader and lane line: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const names = textBoxes(scene).filter((t) => t.key.startsWith('lane-label-'));
        const plotLeft = Math.min(
          ...timelineMarkers(scene).map((m) => m.x),
          ...scene.marks
            .filter((m) => m.key.startsWith('leader-'))
            .flatMap((m) => pieces(String(m.attrs['d'])).map((b) => b.x)),
          ...scene.marks.filter((m) => m.key.startsWith('lane-') && m.tag === 'line').map((m) => Number(m.attrs['x1'])),
        );
        for (const n of names) {
          if (n.box.x + n.box.width > plotLeft - 2) problems.add(`${viewKey(view)}: "${n.text}" reaches x ${plotLeft}`);
        }
      }
      expect([...problems]).toEqual([]);
    });
  }

  it("on phones the keys stand in one row at the chart's foot, below every event label and leader", () => {
    const problems = new Set<string>();
    for (const view of timelineViews) {
      const scene = sceneFor('timeline', content, view, 'narrow');
      const keys = textBoxes(scene).filter((t) => t.key.startsWith('legend-'));
      if (keys.length === 0) continue;
      const baselines = new Set(keys.map((k) => scene.marks.find((m) => m.key === k.key)!.attrs['y']));
      if (baselines.size !== 1) problems.add(`${viewKey(view)}: keys on ${baselines.size} rows`);
      const top = Math.min(...keys.map((k) => k.box.y));
      const lowest = Math.max(
        ...[...labelBoxes(scene).values()].map((b) => b.y + b.height),
        ...scene.marks
          .filter((m) => m.key.startsWith('leader-'))
          .flatMap((m) => pieces(String(m.attrs['d'])).map((b) => b.y + b.height)),
      );
      if (top < lowest + 2)
        problems.add(`${viewKey(view)}: a key at ${top.toFixed(1)}, above what ends at ${lowest.toFixed(1)}`);
      if (Math.max(...keys.map((k) => k.box.y + k.box.height)) > scene.height)
        problems.add(`${viewKey(view)}: a key below the chart's foot`);
    }
    expect([...problems]).toEqual([]);
  });

  for (const layout of LAYOUT_NAMES) {
    it(`no marker touches another event's span bar: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const markers = timelineMarkers(scene);
        for (const bar of scene.marks.filter((m) => m.key.startsWith('event-span-') && visible(m))) {
          const id = bar.key.slice('event-span-'.length);
          const box = ['x', 'y', 'width', 'height'].map((k) => Number(bar.attrs[k])) as number[];
          const barBox = { x: box[0]!, y: box[1]!, width: box[2]!, height: box[3]! };
          if (barBox.width <= 0) continue;
          for (const mk of markers.filter((m) => m.key !== `event-${id}`)) {
            // Along the lane a clear gap, so a bar and the next marker never read as one smear.
            if (touches(barBox, mk, 6, 1)) problems.add(`${viewKey(view)}: ${mk.key} touches the span of ${id}`);
          }
        }
      }
      expect([...problems]).toEqual([]);
    });

    it(`no marker sits on the axis line: ${layout}`, () => {
      const problems: string[] = [];
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const axisY = Number(scene.marks.find((m) => m.key === 'axis')!.attrs['y1']);
        for (const mk of timelineMarkers(scene)) {
          if (mk.y + mk.height + 1 > axisY) problems.push(`${viewKey(view)}: ${mk.key} reaches the axis`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`every marker stands within the axis's ends: ${layout}`, () => {
      const problems: string[] = [];
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const axis = scene.marks.find((m) => m.key === 'axis')!;
        const [x1, x2] = [Number(axis.attrs['x1']), Number(axis.attrs['x2'])];
        for (const mk of timelineMarkers(scene)) {
          if (mk.x < x1 - 0.5 || mk.x + mk.width > x2 + 0.5) {
            problems.push(
              `${viewKey(view)}: ${mk.key} (${mk.x.toFixed(1)}–${(mk.x + mk.width).toFixed(1)}) past ${x1}–${x2}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/** The timeline's date scale, read back from its ticks: x of an ISO date. */
function dateScale(scene: Scene): (iso: string) => number {
  const ticks = scene.marks
    .filter((m) => /^tick-\d/.test(m.key))
    .map((m) => ({ t: Date.parse(m.key.slice('tick-'.length)), x: Number(m.attrs['x1']) }));
  const [a, b] = [ticks[0]!, ticks.at(-1)!];
  return (iso) => a.x + ((Date.parse(iso) - a.t) * (b.x - a.x)) / (b.t - a.t);
}

describe('the story: timeline markers stand at their dates', () => {
  for (const layout of LAYOUT_NAMES) {
    // Where markers crowd, they stack in rows of their lane, never sideways (on phones up to three rows; a
    // marker could move along a row only if a lane ran out of them).
    const limit = 1;
    it(`every marker's centre is within a day of its date: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const xOf = dateScale(scene);
        const pxPerDay = xOf('2022-01-02') - xOf('2022-01-01');
        for (const mk of timelineMarkers(scene)) {
          const date = eventDate.get(mk.key.slice('event-'.length))!;
          const off = Math.abs(mk.x + mk.width / 2 - xOf(date));
          const days = off / pxPerDay;
          // On a scale of years a day is a fraction of a unit: there, within half a marker's width.
          if (days > limit && off > 4)
            problems.add(`${viewKey(view)}: ${mk.key} (${date}) drawn ${days.toFixed(1)} days off`);
        }
      }
      expect([...problems]).toEqual([]);
    });

    it(`no marker of an event after the rule's day is drawn left of its line, nor one before it right of it: ${layout}`, () => {
      const timeline = content.charts.charts['timeline'];
      const day = content.events.find((e) => e.id === (timeline?.kind === 'timeline' ? timeline.rule : ''))?.date;
      expect(day).toBeDefined();
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const rule = scene.marks.find((m) => m.key === 'rule' && visible(m));
        if (!rule) continue;
        const ruleX = segments(String(rule.attrs['d']))[0]!.x;
        for (const mk of timelineMarkers(scene)) {
          const date = eventDate.get(mk.key.slice('event-'.length))!;
          const centre = mk.x + mk.width / 2;
          if (date > day! && centre <= ruleX) problems.add(`${viewKey(view)}: ${mk.key} (${date}) left of the rule`);
          if (date < day! && centre >= ruleX) problems.add(`${viewKey(view)}: ${mk.key} (${date}) right of the rule`);
        }
      }
      expect([...problems]).toEqual([]);
    });

    it(`no two markers come within 2 units of each other, in any lane: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const markers = timelineMarkers(sceneFor('timeline', content, view, layout));
        markers.forEach((a, i) => {
          for (const b of markers.slice(i + 1)) {
            if (touches(a, b, 2)) problems.add(`${viewKey(view)}: ${a.key} touches ${b.key}`);
          }
        });
      }
      expect([...problems]).toEqual([]);
    });

    it(`no leader runs through another event's marker or bar: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const bars = scene.marks
          .filter((m) => m.tag === 'rect' && /^(event-span|span-end)-/.test(m.key) && visible(m))
          .map((m) => {
            const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(m.attrs[k])) as number[];
            return { key: m.key, x: x!, y: y!, width: width!, height: height! };
          })
          .filter((b) => b.width > 0);
        for (const leader of scene.marks.filter((m) => m.key.startsWith('leader-'))) {
          const id = leader.key.slice('leader-'.length);
          for (const s of segments(String(leader.attrs['d']))) {
            for (const mark of [...timelineMarkers(scene), ...bars]) {
              if (mark.key === `event-${id}` || mark.key.endsWith(`-${id}`)) continue;
              if (crossesX(s.x, Math.min(s.y1, s.y2), Math.max(s.y1, s.y2), mark)) {
                problems.add(`${viewKey(view)}: the leader of "${id}" runs through ${mark.key}`);
              }
            }
          }
        }
      }
      expect([...problems]).toEqual([]);
    });

    it(`no marker touches a word (top labels, lane names, keys, dates): ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const words = textBoxes(scene);
        for (const mk of timelineMarkers(scene)) {
          for (const w of words)
            if (touches(mk, w.box, 1)) problems.add(`${viewKey(view)}: ${mk.key} touches "${w.text}"`);
        }
      }
      expect([...problems]).toEqual([]);
    });

    it(`a lane is drawn only where the view has an event in it: ${layout}`, () => {
      const problems: string[] = [];
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const sides = new Set(timelineMarkers(scene).map((m) => m.side));
        for (const name of scene.marks.filter((m) => m.key.startsWith('lane-label-') && visible(m))) {
          const side = name.key.slice('lane-label-'.length);
          if (!sides.has(side as never)) problems.push(`${viewKey(view)}: the lane "${name.text}" is empty`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`an event's bar starts past its marker's edge, and a key says what a bar means: ${layout}`, () => {
      const problems: string[] = [];
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const markers = new Map(timelineMarkers(scene).map((m) => [m.key, m]));
        const bars = scene.marks.filter(
          (m) => m.key.startsWith('event-span-') && visible(m) && Number(m.attrs['width']) > 0,
        );
        for (const bar of bars) {
          const mk = markers.get(`event-${bar.key.slice('event-span-'.length)}`)!;
          if (Number(bar.attrs['x']) < mk.x + mk.width - 1.5)
            problems.push(`${viewKey(view)}: ${bar.key} starts inside its marker`);
        }
        const key = scene.marks.find((m) => m.key === 'legend-span' && visible(m));
        if (bars.length > 0 && !key) problems.push(`${viewKey(view)}: bars and no key`);
      }
      expect(problems).toEqual([]);
    });

    // The steps a reader scrolls through (one to three labels each); a state that labels a whole lane can leave
    // a date with leaders close on both sides, where the leader stops short of it. So can a step whose two
    // leaders (or a leader and the next date, or the chart's edge) stand either side of a date with less than
    // its width between them (then it stays centred).
    it(`no step's leader passes through a date under the axis: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of stepViews(content, 'timeline')) {
        const scene = sceneFor('timeline', content, view, layout);
        const dates = textBoxes(scene).filter((t) => t.key.startsWith('tick-label-'));
        const leaders = scene.marks
          .filter((m) => m.key.startsWith('leader-'))
          .map((m) => ({ key: m.key, segs: segments(String(m.attrs['d'])) }))
          .filter((l) => l.segs.length > 0);
        const xs = leaders.map((l) => l.segs[0]!.x);
        for (const d of dates) {
          const tick = Number(scene.marks.find((m) => m.key === d.key.replace('tick-label-', 'tick-'))!.attrs['x1']);
          // Its room: between the nearest leaders, or the dates beside it, or the chart's edges.
          const others = dates.filter((o) => o !== d).map((o) => o.box);
          const before = Math.max(
            0,
            ...xs.filter((x) => x <= tick),
            ...others.filter((b) => b.x < d.box.x).map((b) => b.x + b.width),
          );
          const after = Math.min(
            scene.width,
            ...xs.filter((x) => x > tick),
            ...others.filter((b) => b.x > d.box.x).map((b) => b.x),
          );
          if (after - before < d.box.width + 8) continue;
          for (const { key, segs } of leaders) {
            // The run from the marker down past the dates (a jog, if any, comes below them).
            const x = segs[0]!.x;
            const run = segs.filter((s) => s.x === x);
            const [top, bottom] = [Math.min(...run.map((s) => s.y1)), Math.max(...run.map((s) => s.y2))];
            if (crossesX(x, top, bottom, d.box)) problems.add(`${viewKey(view)}: ${key} runs through "${d.text}"`);
          }
        }
      }
      expect([...problems]).toEqual([]);
    });
  }
});

/** Every straight piece of a path written as M x,y V y or M x,y H x, as a thin box. */
const pieces = (d: string): Box[] =>
  [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)([VH])(-?[\d.]+)/g)]
    .map((m) => {
      const [x, y, to] = [Number(m[1]), Number(m[2]), Number(m[4])];
      return m[3] === 'V'
        ? { x, y: Math.min(y, to), width: 0, height: Math.abs(to - y) }
        : { x: Math.min(x, to), y, width: Math.abs(to - x), height: 0 };
    })
    .filter((b) => b.width + b.height > 0.5)
    // A run cut around what it passes still reads as one line through it: each straight run whole, gaps included.
    .reduce<Box[]>((runs, b) => {
      const same = runs.find((r) => (b.width === 0 ? r.width === 0 && r.x === b.x : r.height === 0 && r.y === b.y));
      if (!same) return [...runs, b];
      const [x0, y0] = [Math.min(same.x, b.x), Math.min(same.y, b.y)];
      const [x1, y1] = [Math.max(same.x + same.width, b.x + b.width), Math.max(same.y + same.height, b.y + b.height)];
      Object.assign(same, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
      return runs;
    }, []);
/** How far apart two boxes are, across or down, whichever is more. */
const apartBy = (a: Box, b: Box) =>
  Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));

describe('the story: timeline leaders keep clear of everything else', () => {
  // A phone's dotted leader read as going through a marker or a word it stopped a unit short of: each leader
  // keeps 3 units (less the file's rounding) from every other marker, bar, word and leader along its whole way.
  const CLEARANCE = 3 - 0.15;
  // No exception left: the Intel step, where a leader passed Apple's triangle 2.4 units off, now lights one event.
  const KNOWN_TIGHT = new Set<string>([]);
  const timelineConfig = content.charts.charts['timeline'] as { states: Record<string, { labelAll?: boolean }> };
  for (const layout of LAYOUT_NAMES) {
    it(`no leader comes within 3 units of another marker, bar, text or leader: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews.filter((v) => !timelineConfig.states[v.state]?.labelAll)) {
        const scene = sceneFor('timeline', content, view, layout);
        const leaders = scene.marks
          .filter((m) => m.key.startsWith('leader-') && visible(m))
          .map((m) => ({ id: m.key.slice('leader-'.length), pieces: pieces(String(m.attrs['d'])) }));
        const bars = scene.marks
          .filter((m) => m.tag === 'rect' && /^(event-span|span-end)-/.test(m.key) && visible(m))
          .map((m) => {
            const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(m.attrs[k])) as number[];
            return { key: m.key, box: { x: x!, y: y!, width: width!, height: height! } };
          })
          .filter((b) => b.box.width > 0);
        const markers = timelineMarkers(scene).map((m) => ({ key: m.key, box: m as Box }));
        const texts = textBoxes(scene).map((t) => ({ key: t.key, box: t.box, text: t.text }));
        for (const { id, pieces: own } of leaders) {
          const others = [
            ...markers.filter((m) => m.key !== `event-${id}`),
            ...bars.filter((b) => !b.key.endsWith(`-${id}`)),
            ...texts.filter((t) => !t.key.startsWith(`label-${id}-`)),
            ...leaders
              .filter((l) => l.id !== id)
              .flatMap((l) => l.pieces.map((box) => ({ key: `leader-${l.id}`, box }))),
          ];
          for (const piece of own) {
            for (const o of others) {
              const gap = apartBy(piece, o.box);
              if (gap < CLEARANCE && !KNOWN_TIGHT.has(`${layout} ${viewKey(view)} ${id} ${o.key}`))
                problems.add(`${viewKey(view)}: the leader of "${id}" comes ${gap.toFixed(1)} from ${o.key}`);
            }
          }
        }
      }
      expect([...problems]).toEqual([]);
    });
  }
});

describe('the story: timeline dates under the axis', () => {
  for (const layout of LAYOUT_NAMES) {
    // Dates that came and went from step to step took the readers' bearings (11 hidden across the steps at 720,
    // 20 at 360): a leader steps aside from a date where a short step does, and hides it only where none does.
    it(`across all the steps, at most three dates are hidden: ${layout}`, () => {
      const hidden = stepViews(content, 'timeline').flatMap((view) =>
        sceneFor('timeline', content, view, layout)
          .marks.filter((m) => m.key.startsWith('tick-label-') && !visible(m))
          .map((m) => `${viewKey(view)}: ${m.text}`),
      );
      expect(hidden.length, hidden.join('; ')).toBeLessThanOrEqual(3);
    });

    // A leader stepping sideways just under the axis ran over the dates' tops (6 May over "May" in the first step).
    it(`no leader runs sideways between the axis and its dates: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const axisY = Number(scene.marks.find((m) => m.key === 'axis')!.attrs['y1']);
        const baseline = Number(scene.marks.find((m) => m.key.startsWith('tick-label-'))!.attrs['y']);
        for (const m of scene.marks.filter((k) => k.key.startsWith('leader-') && visible(k))) {
          for (const b of pieces(String(m.attrs['d'])).filter((p) => p.height === 0)) {
            if (b.y > axisY && b.y < baseline) problems.add(`${viewKey(view)}: ${m.key} at y ${b.y}`);
          }
        }
      }
      expect([...problems]).toEqual([]);
    });

    // A tick left standing where its date was hidden read as a date the chart would not say.
    it(`no tick stands without its date: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        for (const tick of scene.marks.filter((m) => /^tick-\d/.test(m.key) && visible(m))) {
          const date = scene.marks.find((m) => m.key === `tick-label-${tick.key.slice('tick-'.length)}`);
          if (!date || !visible(date)) problems.add(`${viewKey(view)}: ${tick.key} without its date`);
        }
      }
      expect([...problems]).toEqual([]);
    });

    // A date moved aside to dodge a leader read as another date (Jul 2022 left of June's marker): a date stands
    // centred on its tick or is hidden, and never leaves the axis's ends.
    it(`every date shown is centred on its tick (or held inside the axis's ends), in order: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const axis = scene.marks.find((m) => m.key === 'axis')!;
        const [x1, x2] = [Number(axis.attrs['x1']), Number(axis.attrs['x2'])];
        const shown = textBoxes(scene).filter((t) => t.key.startsWith('tick-label-'));
        shown.forEach((d, i) => {
          const tick = Number(scene.marks.find((m) => m.key === d.key.replace('tick-label-', 'tick-'))!.attrs['x1']);
          const centre = d.box.x + d.box.width / 2;
          const held = d.box.x <= x1 + 0.5 || d.box.x + d.box.width >= x2 - 0.5;
          if (Math.abs(centre - tick) > 0.5 && !held) problems.add(`${viewKey(view)}: "${d.text}" is off its tick`);
          if (d.box.x < x1 - 0.5 || d.box.x + d.box.width > x2 + 0.5)
            problems.add(`${viewKey(view)}: "${d.text}" stands past the axis's ends`);
          const before = shown[i - 1];
          if (before && before.box.x + before.box.width > d.box.x)
            problems.add(`${viewKey(view)}: "${d.text}" meets or precedes "${before.text}"`);
        });
      }
      expect([...problems]).toEqual([]);
    });
  }
});

describe("the story: the timeline's invasion label reads apart from the band's", () => {
  // "Invasion of Ukraine, 24 Feb" ran right from its rule into the grey band, over "Shanghai lockdown", and the
  // two read as one two-line label. On desktops it ends at its rule; the band's label starts right of the band's edge.
  for (const layout of LAYOUT_NAMES)
    it(`the rule label ends left of its rule, and no band label stands under or over it: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const rule = scene.marks.find((m) => m.key === 'rule');
        if (!rule) continue;
        const ruleX =
          segments(String(rule.attrs['d']))[0]?.x ?? Number(/M(-?[\d.]+)/.exec(String(rule.attrs['d']))![1]);
        const texts = textBoxes(scene);
        const ruleLines = texts.filter((t) => t.key.startsWith('rule-label'));
        const bands = texts.filter((t) => t.key.startsWith('band-label'));
        for (const l of ruleLines) {
          if (l.box.x + l.box.width > ruleX) problems.add(`${viewKey(view)}: "${l.text}" runs right of its rule`);
          for (const band of bands)
            if (band.box.x < l.box.x + l.box.width + 24)
              problems.add(`${viewKey(view)}: "${band.text}" stands within 24 units of "${l.text}"`);
        }
      }
      expect([...problems]).toEqual([]);
    });
});

describe('the story: timeline labels wrap evenly', () => {
  for (const layout of LAYOUT_NAMES) {
    // "…China as a / country": a lone last word under a line that could spare one.
    it(`no label's last line is a lone word under a line of three or more that could spare one: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const lines = new Map<string, string[]>();
        for (const m of scene.marks.filter((k) => k.key.startsWith('label-') && k.attrs['data-label'])) {
          const id = String(m.attrs['data-label']);
          lines.set(id, [...(lines.get(id) ?? []), m.text!]);
        }
        for (const [id, ls] of lines) {
          const [before, last] = [ls.at(-2), ls.at(-1)!];
          const width = (t: string) => textBox(t, 14, 0, 0).width;
          const fits = (b: string) => width(`${b.split(' ').at(-1)} ${last}`) <= Math.max(...ls.map(width));
          if (before && !last.includes(' ') && before.split(' ').length >= 3 && fits(before))
            problems.add(`${viewKey(view)}: ${id} ends "${before} / ${last}"`);
        }
      }
      expect([...problems]).toEqual([]);
    });
  }
});

describe('the story: highlighted timeline markers stand clear at their drawn size', () => {
  // A highlighted marker is drawn larger and outlined (stroke 1.2, scaled with it): two of them touched at 390 px,
  // and two overlapped the invasion rule. At their drawn size, strokes included, markers keep 2 units apart, and the
  // rule stops short of every marker it passes.
  const STROKE = 1.2;
  const drawn = (scene: Scene) =>
    scene.marks
      .filter((m) => m.key.startsWith('event-') && !m.key.startsWith('event-span-') && visible(m))
      .map((m) => {
        const b = markerBox(m);
        const lit = String(m.attrs['class']).includes('is-highlighted');
        const scale = Number(/scale\(([\d.]+)\)/.exec(String(m.attrs['transform']))?.[1] ?? 1);
        const grow = lit ? (STROKE * scale) / 2 : 0;
        return {
          key: m.key,
          lit,
          x: b.x - grow,
          y: b.y - grow,
          width: b.width + 2 * grow,
          height: b.height + 2 * grow,
        };
      });
  for (const layout of LAYOUT_NAMES) {
    it(`no highlighted marker comes within 2.5 units of another marker, nor the rule runs through one: ${layout}`, () => {
      const problems = new Set<string>();
      for (const view of timelineViews) {
        const scene = sceneFor('timeline', content, view, layout);
        const markers = drawn(scene);
        markers.forEach((a, i) => {
          for (const b of markers.slice(i + 1)) {
            if ((a.lit || b.lit) && touches(a, b, 2.5 - 0.15))
              problems.add(`${viewKey(view)}: ${a.key} touches ${b.key}`);
          }
        });
        const rule = scene.marks.find((m) => m.key === 'rule' && visible(m));
        for (const s of rule ? segments(String(rule.attrs['d'])) : []) {
          for (const mk of markers) {
            if (crossesX(s.x, Math.min(s.y1, s.y2), Math.max(s.y1, s.y2), mk))
              problems.add(`${viewKey(view)}: the rule runs through ${mk.key}`);
          }
        }
      }
      expect([...problems]).toEqual([]);
    });
  }
});
