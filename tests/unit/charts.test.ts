import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildChartData, sceneFor, stepViews } from '../../src/build/charts/build.ts';
import { shownCount } from '../../src/build/charts/categories.ts';
import { FAINT_OPACITY } from '../../src/build/charts/comparison.ts';
import { firstYearOnYearRise, seriesFigures, seriesStateSpecs } from '../../src/build/charts/exports.ts';
import { estimateTextWidth, polylinePath, wrapLabel } from '../../src/build/charts/marks.ts';
import { chartNames, chartStates, stateLabel } from '../../src/build/charts/registry.ts';
import { FADED_OPACITY, highlightedBy, labelDate, spanOf, windowOf } from '../../src/build/charts/timeline.ts';
import type { SeriesChart, TimelineChart } from '../../src/build/content/charts-schema.ts';
import { formatShortDate } from '../../src/build/format/dates.ts';
import { LAYOUTS, type LayoutName, type Scene } from '../../src/shared/chart-types.ts';
import type { MonthlyPoint } from '../../src/build/content/csv.ts';
import { themeTokens } from '../../src/build/theme-tokens.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const content = loadContent();
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];
const CHART_NAMES = chartNames(content.charts);
const CHART_STATES = Object.fromEntries(CHART_NAMES.map((c) => [c, chartStates(content.charts, c)])) as Record<
  string,
  string[]
> & { timeline: string[]; exports: string[] };
const timeline = content.charts.charts['timeline'] as TimelineChart;
const exportsChart = content.charts.charts['exports'] as SeriesChart;

describe('the story: seriesStateSpecs(series, exports)', () => {
  const specs = seriesStateSpecs(content.series, exportsChart);
  it('finds the April low and the July rebound from the data', () => {
    expect(specs['april-low']?.focus).toBe('2022-04-01');
    expect(specs['rebound']?.focus).toBe('2022-07-01');
    expect(specs['march-drop']?.focus).toBe('2022-03-01');
  });
  it('follows the data when it changes: a lower May becomes the low', () => {
    const series = content.series.map((p) => (p.date === '2022-05-01' ? { ...p, value: 1 } : p));
    expect(seriesStateSpecs(series, exportsChart)['april-low']?.focus).toBe('2022-05-01');
  });
});

describe('the story: seriesFigures(series, exports, state)', () => {
  it('gives the March drop month on month (about -27%) and year on year (about -7.7%)', () => {
    const march = seriesFigures(content.series, exportsChart, 'march-drop');
    expect(march.monthOnMonth).toBeCloseTo(-26.75, 1);
    expect(march.yearOnYear).toBeLessThan(-7);
    expect(march.yearOnYear).toBeGreaterThan(-9);
  });
  it('throws on a state the chart does not have', () => {
    expect(() => seriesFigures(content.series, exportsChart, 'nope')).toThrow(/no state "nope"/);
  });
});

describe('firstYearOnYearRise(series, from)', () => {
  const series: MonthlyPoint[] = [
    { date: '2021-01-01', value: 10 },
    { date: '2021-02-01', value: 10 },
    { date: '2022-01-01', value: 9 },
    { date: '2022-02-01', value: 11 },
  ];
  it('returns the first month above the same month a year before', () => {
    expect(firstYearOnYearRise(series, '2022-01-01')).toBe('2022-02-01');
  });
  it('returns undefined when no month qualifies', () => {
    expect(firstYearOnYearRise(series.slice(0, 3), '2022-01-01')).toBeUndefined();
  });
});

describe('the story: shownCount(drops, state)', () => {
  it('adds one bar a state, in the CSV order', () => {
    expect(content.categories.map((d) => shownCount(content.categories, d.id))).toEqual([1, 2, 3, 4]);
  });

  it('names a row only once its bar is drawn (a name over an empty row reads as a bar that failed)', () => {
    const unnamedBars = LAYOUT_NAMES.flatMap((layout) =>
      CHART_STATES['categories']!.flatMap((state) => {
        const marks = sceneFor('categories', content, { state }, layout).marks;
        return content.categories
          .filter((d) => {
            const shown = Number(marks.find((m) => m.key === `bar-${d.id}`)!.attrs['width']) > 0;
            const named = Number(marks.find((m) => m.key === `name-${d.id}`)!.attrs['opacity'] ?? 1) > 0;
            return shown !== named;
          })
          .map((d) => `${state} ${layout}: ${d.id}`);
      }),
    );
    expect(unnamedBars).toEqual([]);
  });
});

describe('the story: highlightedBy(timeline, state, events) and spanOf(timeline, collapse, events)', () => {
  it('highlights the sanctions of 24 February in the sanctions state', () => {
    expect(highlightedBy(timeline, 'sanctions', content.events).map((e) => e.date)).toContain('2022-02-24');
  });
  it('highlights only US warnings in the warnings state', () => {
    const warned = highlightedBy(timeline, 'warnings', content.events);
    expect(warned.length).toBeGreaterThanOrEqual(3);
    expect(warned.every((e) => e.side === 'us' && e.kind === 'warning')).toBe(true);
  });
  it('spans from a US warning to the last spring data point', () => {
    const span = spanOf(timeline, 'collapse', content.events);
    expect(span?.from.side).toBe('us');
    expect(span?.to.kind).toBe('data');
    expect(span!.to.date > span!.from.date).toBe(true);
  });
  it('shows a later window for the aftermath', () => {
    expect(windowOf(timeline, 'aftermath')[1] > windowOf(timeline, 'collapse')[1]).toBe(true);
  });
});

describe('marks', () => {
  it('polylinePath writes every point the same way, rounded to 0.1', () => {
    expect(
      polylinePath([
        [0, 0],
        [1.234, 5.678],
      ]),
    ).toBe('M0,0L1.2,5.7');
  });
  it('wrapLabel breaks at spaces within the limit', () => {
    expect(wrapLabel('Ministry of Commerce warns firms', 12)).toEqual(['Ministry of', 'Commerce', 'warns firms']);
  });
  it('estimateTextWidth grows with the text', () => {
    expect(estimateTextWidth('-98%', 12)).toBeGreaterThan(estimateTextWidth('-9', 12));
  });
});

/** Label boxes, from the marks alone (no DOM): x, y, width, height in viewBox units. */
function labelBoxes(scene: Scene) {
  return scene.marks
    .filter((m) => m.tag === 'text' && Number(m.attrs['opacity'] ?? 1) > 0 && m.text)
    .map((m) => {
      const size = Number(m.attrs['font-size'] ?? 12);
      const width = estimateTextWidth(m.text ?? '', size);
      const anchor = m.attrs['text-anchor'] ?? 'start';
      const x0 = Number(m.attrs['x'] ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
      return { key: m.key, x: x0, y: Number(m.attrs['y'] ?? 0) - size * 0.8, width, height: size };
    });
}

describe('the story: every state of every chart, in both layouts', () => {
  for (const chart of CHART_NAMES) {
    for (const state of CHART_STATES[chart]!) {
      for (const layout of LAYOUT_NAMES) {
        const scene = sceneFor(chart, content, { state }, layout);
        it(`${chart} ${state} ${layout}: has a title, a description from the data and unique keys`, () => {
          expect(scene.title.length).toBeGreaterThan(10);
          expect(scene.description.length).toBeGreaterThan(40);
          const keys = scene.marks.map((m) => m.key);
          expect(new Set(keys).size).toBe(keys.length);
        });
        it(`${chart} ${state} ${layout}: no two labels overlap`, () => {
          const boxes = labelBoxes(scene);
          const clash = boxes.flatMap((a, i) =>
            boxes
              .slice(i + 1)
              .filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
              .map((b) => `${a.key} / ${b.key}`),
          );
          expect(clash).toEqual([]);
        });
        it(`${chart} ${state} ${layout}: keeps every label inside the chart`, () => {
          for (const box of labelBoxes(scene)) {
            expect(box.x, box.key).toBeGreaterThanOrEqual(-1);
            expect(box.x + box.width, box.key).toBeLessThanOrEqual(scene.width + 1);
          }
        });
      }
    }
  }
});

describe('the story: buildChartData(chart, content, views)', () => {
  it('ships every named state and every step view in both layouts', () => {
    const data = buildChartData('timeline', content, stepViews(content, 'timeline'));
    for (const layout of LAYOUT_NAMES) {
      for (const state of CHART_STATES.timeline) expect(data.scenes[layout][state]).toBeDefined();
    }
    expect(Object.keys(data.scenes.wide).length).toBeGreaterThan(CHART_STATES.timeline.length);
  });
  it('can leave out the named states the story does not use', () => {
    const data = buildChartData('exports', content, [], { namedStates: false });
    expect(Object.keys(data.scenes.wide)).toEqual([]);
  });
});

describe('the story: state labels', () => {
  it('names every state of every chart', () => {
    for (const chart of CHART_NAMES) {
      for (const state of CHART_STATES[chart]!) expect(stateLabel(content.charts, chart, state)).not.toBe(state);
    }
  });
});

describe('the story: chart titles read as written headlines in every view', () => {
  const SINGULAR = ['week', 'month', 'day', 'warning', 'event', 'firm', 'company', 'statement'];
  const plural = (w: string) => (w === 'company' ? 'companies' : `${w}s`);
  /** The faults of an assembled title: "1 US warnings", "one weeks", "2 warning", "a few week". */
  function grammarFaults(title: string): string[] {
    const faults: string[] = [];
    const one = /\b(?:1|one|a single)\s+(?:[A-Z]{2,}\s+)?([a-z]+)\b/g;
    const many =
      /\b(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|a few|several|many)\s+(?:[A-Z]{2,}\s+)?([a-z]+)\b/g;
    for (const m of title.matchAll(one)) if (SINGULAR.some((w) => plural(w) === m[1])) faults.push(m[0]);
    for (const m of title.matchAll(many)) if (SINGULAR.includes(m[1] ?? '')) faults.push(m[0]);
    return faults;
  }
  it('finds the faults it looks for', () => {
    expect(grammarFaults('1 US warnings in one weeks')).toEqual(['1 US warnings', 'one weeks']);
    expect(grammarFaults('2 US warning in a few week')).toEqual(['2 US warning', 'a few week']);
    expect(grammarFaults('Two warnings in one week')).toEqual([]);
  });
  const views = (chart: string) => [
    ...CHART_STATES[chart]!.map((state) => ({ state })),
    ...stepViews(content, chart),
    // Every event alone in every timeline state: the views a count-built title went wrong in.
    ...(chart === 'timeline'
      ? CHART_STATES.timeline.flatMap((state) => content.events.map((e) => ({ state, highlight: [e.id] })))
      : []),
  ];
  for (const chart of CHART_NAMES) {
    it(`${chart}: every state and step view, both layouts`, () => {
      for (const view of views(chart)) {
        for (const layout of LAYOUT_NAMES) {
          const { title } = sceneFor(chart, content, view, layout);
          expect(grammarFaults(title), `${chart} ${view.state} ${layout}: "${title}"`).toEqual([]);
          expect(title, `${chart} ${view.state}`).not.toMatch(/\b1 \S+ warnings\b|\bone weeks\b/);
          expect(title).toMatch(/^[A-Z]/);
        }
      }
      // A thousand timeline scenes, each routing its leaders: ~3.5 s here, more on a busy CI machine.
    }, 30_000);
  }
  it('a timeline title does not change with how many events a step lights', () => {
    const titles = new Set(
      content.events.map((e) => sceneFor('timeline', content, { state: 'warnings', highlight: [e.id] }, 'wide').title),
    );
    expect(titles.size).toBe(1);
  });
});

describe('the story: timeline labels', () => {
  const textOf = (scene: Scene, id: string) =>
    scene.marks
      .filter((m) => m.attrs['data-label'] === id)
      .map((m) => m.text)
      .join(' ');
  it('every event of the window is labelled in full in the all state, both layouts', () => {
    for (const layout of LAYOUT_NAMES) {
      const scene = sceneFor('timeline', content, { state: 'all' }, layout);
      const [start, end] = windowOf(timeline, 'all');
      const expected = content.events.filter(
        (e) => e.date >= start && e.date <= end && !['invasion', 'shanghai-lockdown'].includes(e.id),
      );
      for (const e of expected) {
        expect(textOf(scene, e.id), `${layout} ${e.id}`).toBe(
          `${formatShortDate(e.date)}: ${e.label}`.replace(/'/g, '\u2019'),
        );
      }
    }
  });
  it('labels a step’s highlighted events in full, from their chart labels', () => {
    for (const view of stepViews(content, 'timeline')) {
      for (const layout of LAYOUT_NAMES) {
        const scene = sceneFor('timeline', content, view, layout);
        for (const id of view.highlight ?? []) {
          const e = content.events.find((ev) => ev.id === id)!;
          expect(textOf(scene, id), `${view.state} ${layout} ${id}`).toBe(
            `${labelDate(e.date, windowOf(timeline, view.state))}: ${e.label}`.replace(/'/g, '\u2019'),
          );
        }
      }
    }
  });
  it('draws the invasion as a rule and the lockdown as a labelled band', () => {
    const scene = sceneFor('timeline', content, { state: 'overview' }, 'wide');
    const keys = scene.marks.map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['rule', 'rule-label', 'band', 'band-label']));
    expect(scene.marks.find((m) => m.key === 'band-label')?.attrs['opacity']).toBe(1);
    expect(scene.description).toMatch(/A line marks 24 February 2022/);
  });
  it('draws firms that said nothing as hollow markers, with the key shown and said', () => {
    const silent = {
      ...content.events.find((e) => e.side === 'company')!,
      id: 'firm-x-silent',
      kind: 'no-statement' as const,
      label: 'Firm X: no statement',
      date: '2022-05-06',
    };
    // The story's own silent firms are left out, so that Firm X is the only one and the key's absence can be seen.
    const spoken = content.events.filter((e) => e.kind !== 'no-statement');
    const events = [...spoken, silent].sort((a, b) => a.date.localeCompare(b.date));
    const scene = sceneFor('timeline', { ...content, events }, { state: 'companies' }, 'narrow');
    expect(scene.marks.find((m) => m.key === 'event-firm-x-silent')?.attrs['class']).toMatch(/is-hollow/);
    expect(scene.marks.find((m) => m.key === 'legend-no-statement')?.attrs['opacity']).toBe(1);
    expect(scene.description).toMatch(/Hollow markers, no statement: Firm X: no statement/);
    const plain = sceneFor('timeline', { ...content, events: spoken }, { state: 'companies' }, 'narrow');
    expect(plain.marks.find((m) => m.key === 'legend-no-statement')?.attrs['opacity']).toBe(0);
  });
});

describe('the story: faded timeline markers', () => {
  const { light, dark } = themeTokens(readFileSync('src/styles/tokens.css', 'utf8'));
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: number[], b: number[]) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name}: every lane's colour at the faded opacity still clears 3:1 on the background`, () => {
      const bg = rgb(theme['bg']!);
      const timeline = content.charts.charts['timeline'];
      const lanes = timeline?.kind === 'timeline' ? timeline.lanes.map((lane) => lane.colour) : [];
      expect(lanes.length).toBeGreaterThan(0);
      for (const side of lanes) {
        const fg = rgb(theme[side]!);
        const blended = fg.map((v, i) => bg[i]! + FADED_OPACITY * (v - bg[i]!));
        expect(ratio(blended, bg), `--${side} at ${FADED_OPACITY}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name}: the comparison's month not yet in the story stays in view (its bars and words 3:1)`, () => {
      const bg = rgb(theme['bg']!);
      const faint = (token: string) => rgb(theme[token]!).map((v, i) => bg[i]! + FAINT_OPACITY * (v - bg[i]!));
      const comparison = content.charts.charts['comparison'];
      const bars = comparison?.kind === 'diverging-bars' ? comparison.series.map((s) => s.colour) : [];
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) {
        expect(ratio(faint(bar), bg), `bar --${bar} at ${FAINT_OPACITY}`).toBeGreaterThanOrEqual(3);
      }
      expect(ratio(faint('text'), bg), `words --text at ${FAINT_OPACITY}`).toBeGreaterThanOrEqual(3);
    });
  }
  it('the timeline fades unlit markers to that opacity', () => {
    const scene = sceneFor('timeline', content, { state: 'warnings' }, 'wide');
    expect(scene.marks.find((m) => m.key === 'event-dji-suspends')?.attrs['opacity']).toBe(FADED_OPACITY);
  });
});

describe('the story: the exports chart shows what its words compare', () => {
  const scene = (state: string, layout: LayoutName = 'wide') => sceneFor('exports', content, { state }, layout);
  const opacity = (s: Scene, key: string) => s.marks.find((m) => m.key === key)?.attrs['opacity'];
  it('marks 24 February 2022 with a labelled rule in every state', () => {
    for (const state of CHART_STATES.exports) {
      expect(
        scene(state).marks.some((m) => m.key === 'rule'),
        state,
      ).toBe(true);
      const words = scene(state).marks.filter((m) => m.key.startsWith('rule-label'));
      expect(words.map((m) => m.text).join(' '), state).toMatch(/Invasion of Ukraine,? 24 Feb/);
    }
  });
  it('shows the lockdown band in the April step and the all state only', () => {
    for (const state of CHART_STATES.exports) {
      expect(opacity(scene(state), 'band'), state).toBe(['april-low', 'all'].includes(state) ? 1 : 0);
    }
  });
  it('draws the year before where the text compares with it, and says the change', () => {
    for (const state of CHART_STATES.exports) {
      const compares = ['march-drop', 'april-low', 'rebound'].includes(state);
      expect(opacity(scene(state), 'year-before'), state).toBe(compares ? 1 : 0);
    }
    expect(scene('march-drop').marks.find((m) => m.key === 'focus-label-2')?.text).toBe('\u22127.7% year on year');
    expect(scene('april-low').marks.find((m) => m.key === 'focus-label-2')?.text).toBe('\u221225.9% year on year');
  });
  it('dashes the months China reports as one figure, and says so', () => {
    const s = scene('record-2023');
    const dashed = s.marks.find((m) => m.key === 'line-combined');
    expect(dashed?.attrs['class']).toMatch(/is-combined/);
    expect(String(dashed?.attrs['d']).match(/L/g)?.length).toBe(3 * 3 - 1);
    expect(
      s.marks
        .filter((m) => m.key.startsWith('combined-note'))
        .map((m) => m.text)
        .join(' '),
    ).toMatch(/January and February as one figure/);
  });
  it('says in the text alternative what the marks show', () => {
    expect(scene('march-drop').description).toMatch(/24 February 2022: Invasion of Ukraine/);
    expect(scene('march-drop').description).toMatch(/\u22127\.7%.*same months a year earlier/);
    expect(scene('april-low').description).toMatch(/Shaded: Shanghai lockdown, 28 March 2022 to 1 June 2022/);
    expect(scene('context').description).toMatch(/January and February: China reports those two months as one figure/);
  });
  it('the shape state carries one big number, the March fall', () => {
    expect(scene('shape').marks.find((m) => m.key === 'big-number')?.text).toBe('\u221227%');
  });
});
