/**
 * Engine tests on a second, invented story (tests/fixtures/ferry-story/content): other events, other data,
 * other lanes, another mix of chart kinds (a timeline with three lanes, ranked bars), no teaching page.
 * The engine must check it, draw every state of its charts in both layouts, and refuse it broken with
 * messages naming the file, entry and field.
 */
import { describe, expect, it } from 'vitest';
import { buildChartData, sceneFor, stepViews } from '../../src/build/charts/build.ts';
import { estimateTextWidth } from '../../src/build/charts/marks.ts';
import { chartNames, chartStates, stateLabel } from '../../src/build/charts/registry.ts';
import { renderSvg } from '../../src/build/charts/render-svg.ts';
import { chartSourceIds } from '../../src/build/charts/sources.ts';
import { LAYOUTS, type LayoutName, type Scene } from '../../src/shared/chart-types.ts';
import { checkContent, type RawContent } from '../../src/build/content/check-content.ts';
import { loadContent, readRawContent } from '../../src/build/content/read-content.ts';

const DIR = 'tests/fixtures/ferry-story/content';
const content = loadContent(DIR);
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];
const texts = (scene: Scene) => scene.marks.filter((m) => m.text).map((m) => m.text);

describe('engine: a second story loads through the same checks', () => {
  it('reads its charts, events, sections and data, and has no teaching page', () => {
    expect(chartNames(content.charts)).toEqual(['strike', 'routes']);
    expect(content.charts.charts['strike']?.kind).toBe('timeline');
    expect(content.charts.charts['routes']?.kind).toBe('ranked-bars');
    expect(content.events.map((e) => e.side)).toContain('operator');
    expect(content.sections.map((s) => s.id)).toEqual(['the-vote', 'the-strike', 'afterwards']);
    expect(content.categories.map((c) => c.id)).toEqual(['island-route', 'bay-route', 'night-route']);
    expect(content.series).toEqual([]);
    expect(content.teach).toBeUndefined();
  });
});

describe('engine: every state of the second story’s charts, in both layouts', () => {
  for (const chart of chartNames(content.charts)) {
    for (const state of chartStates(content.charts, chart)) {
      for (const layout of LAYOUT_NAMES) {
        it(`${chart} ${state} ${layout}`, () => {
          const scene = sceneFor(chart, content, { state }, layout);
          expect(scene.chart).toBe(chart);
          expect(scene.title.length).toBeGreaterThan(5);
          expect(scene.description.length).toBeGreaterThan(40);
          const keys = scene.marks.map((m) => m.key);
          expect(new Set(keys).size).toBe(keys.length);
          for (const m of scene.marks.filter((mk) => mk.text && Number(mk.attrs['opacity'] ?? 1) > 0)) {
            const size = Number(m.attrs['font-size']);
            const width = estimateTextWidth(m.text!, size);
            const anchor = m.attrs['text-anchor'];
            const x0 = Number(m.attrs['x']) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
            expect(x0, m.key).toBeGreaterThanOrEqual(-1);
            expect(x0 + width, m.key).toBeLessThanOrEqual(scene.width + 1);
          }
          const svg = renderSvg(scene, { id: `${chart}-${state}` });
          expect(svg).toContain(`<title id="${chart}-${state}-title">`);
          expect(svg).not.toMatch(/NaN|undefined/);
        });
      }
    }
  }

  it('ships every named state and every step view in the chart data', () => {
    for (const chart of chartNames(content.charts)) {
      const data = buildChartData(chart, content, stepViews(content, chart));
      expect(data.states).toEqual(chartStates(content.charts, chart));
      for (const layout of LAYOUT_NAMES) {
        for (const state of data.states) expect(data.scenes[layout][state]).toBeDefined();
      }
    }
    expect(stepViews(content, 'strike')).toContainEqual({ state: 'union', highlight: ['crew-ballot'] });
  });
});

describe('engine: the timeline follows its charts.yaml', () => {
  const scene = (state: string, layout: LayoutName = 'wide') => sceneFor('strike', content, { state }, layout);
  it('draws three lanes with their labels and marker shapes, the last lane above the axis', () => {
    const s = scene('overview');
    expect(s.marks.filter((m) => m.key.startsWith('lane-label-')).map((m) => m.text)).toEqual([
      'Town council',
      'Crews’ union',
      'Ferry operator',
    ]);
    const d = (id: string) => String(s.marks.find((m) => m.key === `event-${id}`)?.attrs['d']);
    expect(d('council-talks')).toMatch(/H.*V.*H/); // square
    expect(d('crew-ballot')).toMatch(/^M0,-[\d.]+L/); // diamond
    expect(d('operator-offer')).toMatch(/a/); // circle
    const laneYs = ['council', 'union', 'operator'].map((l) => s.marks.find((m) => m.key === `lane-${l}`)?.attrs['y1']);
    expect(laneYs).toEqual([...laneYs].sort((a, b) => Number(a) - Number(b)));
    expect(Number(s.marks.find((m) => m.key === 'axis')?.attrs['y1'])).toBeGreaterThan(Number(laneYs[2]));
  });
  it('draws its rule event and its band event across the chart, and its hollow kind with its legend', () => {
    const s = scene('overview');
    expect(s.marks.find((m) => m.key === 'rule-label')?.text).toBe('Strike begins, 1 Apr');
    expect(s.marks.find((m) => m.key === 'band-label')?.text).toBe('Storm week');
    expect(s.marks.find((m) => m.key === 'event-operator-silent')?.attrs['class']).toMatch(/is-hollow/);
    expect(s.marks.find((m) => m.key === 'legend-no-statement')?.text).toBe('said nothing');
    expect(s.description).toMatch(/Town council: 2, Crews’ union: 3, Ferry operator: 2/);
    expect(s.subtitle).toBe('Events of spring 2019, by who acted');
  });
  it('highlights by its own rules and shades its own span', () => {
    const union = scene('union');
    const lit = union.marks.filter((m) => String(m.attrs['class']).includes('is-highlighted')).map((m) => m.key);
    expect(lit.sort()).toEqual(['event-crew-ballot', 'event-deal-agreed', 'event-strike-begins']);
    const talks = scene('talks');
    expect(talks.marks.find((m) => m.key === 'span-label')?.text).toBe('20 Mar to 13 May: 54 days');
    expect(talks.description).toMatch(/Shaded: the 54 days from 20 March 2019 to 13 May 2019\./);
    expect(scene('overview').marks.some((m) => m.key === 'span')).toBe(false);
  });
  it('labels every event in its labelAll state', () => {
    const all = scene('all', 'narrow');
    const labelled = new Set(all.marks.map((m) => m.attrs['data-label']).filter(Boolean));
    expect(labelled).toEqual(
      new Set(['crew-ballot', 'council-talks', 'operator-silent', 'operator-offer', 'deal-agreed']),
    );
  });
});

describe('engine: ranked bars follow their charts.yaml', () => {
  it('adds a bar a state, with the title, wording and sources its config and data give', () => {
    const night = sceneFor('routes', content, { state: 'night-route' }, 'wide');
    expect(night.title).toBe('Night route: almost half as planned');
    expect(night.subtitle).toBe('Ferry crossings, April against March 2019, fall in percent');
    expect(texts(night)).toContain('almost half as planned');
    const island = sceneFor('routes', content, { state: 'island-route' }, 'narrow');
    expect(island.marks.find((m) => m.key === 'bar-bay-route')?.attrs['width']).toBe(0);
    expect(chartSourceIds('routes', content)).toEqual(['S1', 'D1', 'S2']);
    expect(chartSourceIds('strike', content)).toEqual([]);
    expect(stateLabel(content.charts, 'routes', 'bay-route')).toBe('Bay');
  });
});

describe('engine: the second story, broken, is refused with file, entry and field', () => {
  const raw = readRawContent(DIR);
  const broken = (key: 'charts' | 'events', find: RegExp, replace: string): RawContent => {
    expect(raw[key].text).toMatch(find);
    return { ...raw, [key]: { ...raw[key], text: raw[key].text.replace(find, replace) } };
  };
  const brokenStory = (find: RegExp, replace: string): RawContent => {
    const [first, ...rest] = raw.sections;
    expect(first!.text).toMatch(find);
    return { ...raw, sections: [{ ...first!, text: first!.text.replace(find, replace) }, ...rest] };
  };
  const message = (c: RawContent) => {
    try {
      checkContent(c);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('accepted broken content');
  };

  it('a state is scoped to its chart: a timeline step may not name a bar chart’s state', () => {
    expect(message(brokenStory(/state: union/, 'state: island-route'))).toContain(
      'story/01-the-vote.md, entry "the-vote", field "steps.0.state": expected a state of the strike chart: overview, union, talks, all, got "island-route"',
    );
  });
  it('an event in a lane the timeline does not have', () => {
    expect(message(broken('events', /side: council\n {2}kind: talks/, 'side: harbour\n  kind: talks'))).toContain(
      'events.yaml, entry "council-talks", field "side": expected one of council, union, operator (the lanes of the timeline in',
    );
  });
  it('a lane with a marker the engine cannot draw', () => {
    expect(message(broken('charts', /marker: square/, 'marker: star'))).toContain(
      'charts.yaml, entry "strike", field "lanes.0.marker": expected one of circle, diamond, triangle, square, got "star"',
    );
  });
  it('a title with a placeholder the engine does not fill: one fault, one message (its steps are not reported too)', () => {
    const m = message(broken('charts', /title: '\{label\}: \{wording\}'/, "title: '{label}: {price}'"));
    expect(m).toMatch(/^Invalid content:\n/);
    expect(m).toMatch(
      /charts\.yaml, entry "routes", field "title": expected the title; placeholders allowed: \{label\}, \{wording\}, \{comparison\}, got "\{label\}: \{price\}"/,
    );
  });
  it('a chart of a kind the engine does not have', () => {
    expect(message(broken('charts', /kind: ranked-bars/, 'kind: pie'))).toContain(
      'charts.yaml, entry "routes", field "kind": expected a chart whose kind is one of timeline, series, ranked-bars, diverging-bars',
    );
  });
  it('a rule event that events.yaml does not list', () => {
    expect(message(broken('charts', /rule: strike-begins/, 'rule: strike-ends'))).toContain(
      'charts.yaml, entry "strike", field "rule": expected an event id listed in',
    );
  });
  it('a bars state that is no bar of the data', () => {
    expect(message(broken('charts', /night-route: \{ label: Night \}/, 'ferry-route: { label: Night }'))).toContain(
      'charts.yaml, entry "routes", field "states.ferry-route": expected a bar\'s id in',
    );
  });
  it('a share card on a chart that does not exist', () => {
    expect(message(broken('charts', /share: \{ chart: routes/, 'share: { chart: ferries'))).toContain(
      'charts.yaml, entry "share", field "chart": expected a chart: strike, routes, got "ferries"',
    );
  });
});
