/**
 * Every timeline view's labels, measured in Chromium with the page's own styles and fonts (not the
 * estimator the layout uses): each label fits the box it was allotted and the viewBox, is set in full,
 * and overlaps no other label, no other text and no marker; no leader or rule runs through text.
 * Both layouts, at the widths they are shown at.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sceneFor, stepViews } from '../../src/build/charts/build.ts';
import { chartStates } from '../../src/build/charts/registry.ts';
import { renderSvg } from '../../src/build/charts/render-svg.ts';
import { viewKey, type LayoutName, type View } from '../../src/shared/chart-types.ts';
import { loadContent } from '../../src/build/content/read-content.ts';
import { launch } from './harness.ts';

const content = loadContent();
const css = ['tokens', 'base', 'charts'].map((name) => readFileSync(`src/styles/${name}.css`, 'utf8')).join('\n');
/** The width each layout is drawn at: a 390 px phone's column, and the desktop graphic. */
const WIDTHS: Record<LayoutName, number> = { narrow: 358, wide: 720 };
const timelineStates = (content.charts.charts['timeline'] as { states: Record<string, { labelAll?: boolean }> }).states;
const views: View[] = [
  ...chartStates(content.charts, 'timeline').map((state) => ({ state })),
  ...stepViews(content, 'timeline'),
];

interface Measured {
  problems: string[];
  labelled: number;
}

/** In the page: every visible text with an allotted box, measured against it, the viewBox and the markers. */
function measure(leadersPastLabels = true): Measured {
  const svg = document.querySelector('svg')!;
  const [, , vw, vh] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number) as number[];
  const problems: string[] = [];
  const visible = (el: Element) => Number(el.getAttribute('opacity') ?? 1) > 0 && (el.textContent ?? '') !== '';
  const texts = [...svg.querySelectorAll<SVGTextElement>('text[data-box]')].filter(visible);
  const groups = new Map<string, SVGTextElement[]>();
  for (const t of texts) {
    const id = t.dataset['label'] ?? t.dataset['key'] ?? '';
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  const boxes: { id: string; rect: DOMRect }[] = [];
  for (const [id, lines] of groups) {
    const [bx, by, bw, bh] = (lines[0]!.dataset['box'] ?? '').split(' ').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    for (const t of lines) {
      const b = t.getBBox();
      const length = t.getComputedTextLength();
      const out = b.x < bx - 0.5 || b.y < by - 0.5 || b.x + b.width > bx + bw + 0.5 || b.y + b.height > by + bh + 0.5;
      if (out || length > bw + 0.5) {
        problems.push(
          `${id} "${t.textContent}": text ${b.x.toFixed(1)},${b.y.toFixed(1)} ${b.width.toFixed(1)}x${b.height.toFixed(1)} outside its box ${bx},${by} ${bw}x${bh}`,
        );
      }
      if (b.x < 0 || b.y < 0 || b.x + b.width > vw! || b.y + b.height > vh!) {
        problems.push(`${id} "${t.textContent}": outside the viewBox 0 0 ${vw} ${vh}`);
      }
      boxes.push({ id, rect: t.getBoundingClientRect() });
    }
  }
  const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (a.id !== b.id && hit(a.rect, b.rect)) problems.push(`labels ${a.id} and ${b.id} overlap`);
    }
  });
  const markers = [...svg.querySelectorAll<SVGGraphicsElement>('.marker')].filter(
    (m) => Number(m.getAttribute('opacity') ?? 1) > 0,
  );
  for (const a of boxes) {
    for (const m of markers) {
      if (hit(a.rect, m.getBoundingClientRect())) problems.push(`label ${a.id} overlaps marker ${m.dataset['key']}`);
    }
  }
  // No text over other text (lane names, ticks, the rule's and the band's labels included)...
  const allTexts = [...svg.querySelectorAll<SVGTextElement>('text')].filter(visible);
  const rects = allTexts.map((t) => ({
    t,
    id: t.dataset['label'] ?? t.dataset['key'] ?? '',
    rect: t.getBoundingClientRect(),
  }));
  rects.forEach((a, i) => {
    for (const b of rects.slice(i + 1)) {
      if (a.id !== b.id && hit(a.rect, b.rect))
        problems.push(`text "${a.t.textContent}" overlaps "${b.t.textContent}"`);
    }
  });
  // ...and no leader or rule through text: each vertical segment checked against every text's box.
  const ctm = svg.getScreenCTM()!;
  for (const line of svg.querySelectorAll<SVGPathElement>('.leader-line, .context-rule')) {
    if (Number(line.getAttribute('opacity') ?? 1) === 0) continue;
    for (const m of (line.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)) {
      const [x, y1, y2] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (Math.abs(y2 - y1) < 0.5) continue;
      const sx = ctm.a * x + ctm.e;
      const [sy1, sy2] = [ctm.d * Math.min(y1, y2) + ctm.f, ctm.d * Math.max(y1, y2) + ctm.f];
      for (const r of rects) {
        // Inset by a pixel: a leader may meet its label's corner.
        if (sx > r.rect.left + 1 && sx < r.rect.right - 1 && sy1 < r.rect.bottom - 1 && sy2 > r.rect.top + 1) {
          problems.push(`${line.dataset['key']} runs through "${r.t.textContent}"`);
        }
      }
    }
  }
  // Markers of the timeline never touch one another (a pixel apart at least, strokes included).
  const events = markers.filter((m) => (m.dataset['key'] ?? '').startsWith('event-'));
  events.forEach((a, i) => {
    const ra = a.getBoundingClientRect();
    for (const b of events.slice(i + 1)) {
      const rb = b.getBoundingClientRect();
      if (
        ra.left < rb.right + 0.5 &&
        rb.left < ra.right + 0.5 &&
        ra.top < rb.bottom + 0.5 &&
        rb.top < ra.bottom + 0.5
      ) {
        problems.push(`markers ${a.dataset['key']} and ${b.dataset['key']} touch`);
      }
    }
  });
  // A leader passes behind other markers: none of its segments runs through one.
  for (const leader of svg.querySelectorAll<SVGPathElement>('.leader-line')) {
    for (const m of (leader.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)) {
      const [x, y1, y2] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (Math.abs(y2 - y1) < 0.5) continue;
      const sx = ctm.a * x + ctm.e;
      const [sy1, sy2] = [ctm.d * Math.min(y1, y2) + ctm.f, ctm.d * Math.max(y1, y2) + ctm.f];
      for (const marker of events) {
        const r = marker.getBoundingClientRect();
        if (sx > r.left + 1 && sx < r.right - 1 && sy1 < r.bottom - 1 && sy2 > r.top + 1) {
          problems.push(`${leader.dataset['key']} runs through ${marker.dataset['key']}`);
        }
      }
    }
  }
  // A leader runs from its mark to its own label past no other event label, not even stopping short of it.
  if (leadersPastLabels) {
    for (const leader of svg.querySelectorAll<SVGPathElement>('.leader-line')) {
      const ys = [...(leader.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)]
        .filter((m) => Math.abs(Number(m[3]) - Number(m[2])) > 0.5)
        .map((m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const);
      const own = (leader.dataset['key'] ?? '').replace(/^leader-/, '');
      // Each straight run of it, gaps included (a leader may jog sideways under the dates to reach its label).
      for (const x of new Set(ys.map((g) => g[0]))) {
        const run = ys.filter((g) => g[0] === x);
        const sx = ctm.a * x + ctm.e;
        const top = ctm.d * Math.min(...run.map((g) => g[1])) + ctm.f;
        const bottom = ctm.d * Math.max(...run.map((g) => g[2])) + ctm.f;
        for (const b of boxes.filter((b) => b.id !== own)) {
          if (sx > b.rect.left + 1 && sx < b.rect.right - 1 && top < b.rect.bottom - 1 && bottom > b.rect.top + 1) {
            problems.push(`the leader of ${own} passes the label of ${b.id}`);
          }
        }
      }
    }
  }
  return { problems, labelled: groups.size };
}

/**
 * In the page, a series chart: no text stands across the rule (the rule is never cut around a label in the
 * plot), no text sits on a dot or runs past the chart's edge, no muted (haloless) label sits on a gridline,
 * and the rule runs through no dot.
 */
function measureSeries(): string[] {
  const svg = document.querySelector('svg')!;
  const [, , vw] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number) as number[];
  const ctm = svg.getScreenCTM()!;
  const problems: string[] = [];
  const shown = (el: Element) => Number(el.getAttribute('opacity') ?? 1) > 0;
  const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => shown(t) && t.textContent);
  const dots = [...svg.querySelectorAll<SVGCircleElement>('circle')].filter(shown);
  const rule = svg.querySelector<SVGPathElement>('.context-rule');
  const segs = [...(rule?.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+),(-?[\d.]+)V(-?[\d.]+)/g)].map(
    (m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const,
  );
  if (segs.length > 0) {
    const sx = ctm.a * segs[0]![0] + ctm.e;
    const top = ctm.d * Math.min(...segs.map((g) => g[1])) + ctm.f;
    const bottom = ctm.d * Math.max(...segs.map((g) => g[2])) + ctm.f;
    for (const t of texts.filter((t) => !(t.dataset['key'] ?? '').startsWith('rule-label'))) {
      const r = t.getBoundingClientRect();
      if (sx > r.left && sx < r.right && top < r.bottom && bottom > r.top) {
        problems.push(`"${t.textContent}" stands across the rule`);
      }
    }
    for (const [x, y1, y2] of segs) {
      if (Math.abs(y2 - y1) < 0.5) continue;
      const [gx, gy1, gy2] = [ctm.a * x + ctm.e, ctm.d * y1 + ctm.f, ctm.d * y2 + ctm.f];
      for (const d of dots) {
        const r = d.getBoundingClientRect();
        if (gx > r.left && gx < r.right && gy1 < r.bottom && gy2 > r.top) {
          problems.push(`the rule runs through ${d.dataset['key']}`);
        }
      }
    }
  }
  for (const t of texts) {
    const r = t.getBoundingClientRect();
    for (const d of dots) {
      if (hit(r, d.getBoundingClientRect())) problems.push(`"${t.textContent}" sits on ${d.dataset['key']}`);
    }
    const b = t.getBBox();
    if (b.x < 0 || b.x + b.width > vw!) problems.push(`"${t.textContent}" runs past the chart's edge`);
  }
  for (const t of texts.filter(
    (t) => t.classList.contains('year-before-label') || t.classList.contains('note-label'),
  )) {
    const r = t.getBoundingClientRect();
    for (const g of svg.querySelectorAll('.grid-line')) {
      const gr = g.getBoundingClientRect();
      if (gr.top > r.top && gr.top < r.bottom && gr.left < r.right && gr.right > r.left) {
        problems.push(`"${t.textContent}" sits on a gridline`);
      }
    }
  }
  return problems;
}

describe('chart labels, measured in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => browser?.close());

  for (const layout of ['narrow', 'wide'] as const) {
    it(`every label fits its box and the chart, overlaps no text or marker, and no leader crosses text: ${layout}`, async () => {
      const problems: string[] = [];
      let labelled = 0;
      for (const view of views) {
        const scene = sceneFor('timeline', content, view, layout);
        await page.setContent(
          `<!doctype html><style>${css}</style><div style="width:${WIDTHS[layout]}px">${renderSvg(scene, { id: 't' })}</div>`,
        );
        // The every-label print state is not yet held to leaders that pass no other label.
        const everyLabel = timelineStates[view.state]?.labelAll === true;
        const result = await page.evaluate(measure, !everyLabel);
        labelled += result.labelled;
        problems.push(...result.problems.map((p) => `${viewKey(view)} ${layout}: ${p}`));
      }
      expect(problems).toEqual([]);
      expect(labelled).toBeGreaterThan(views.length);
    });
  }

  for (const layout of ['narrow', 'wide'] as const) {
    it(`exports and categories, every state: no text over text, no rule through text: ${layout}`, async () => {
      const problems: string[] = [];
      for (const [chart, state] of (['exports', 'categories'] as const).flatMap((c) =>
        chartStates(content.charts, c).map((s) => [c, s] as const),
      )) {
        const scene = sceneFor(chart, content, { state }, layout);
        await page.setContent(
          `<!doctype html><style>${css}</style><div style="width:${WIDTHS[layout]}px">${renderSvg(scene, { id: 'e' })}</div>`,
        );
        problems.push(...(await page.evaluate(measure, true)).problems.map((p) => `${chart} ${state} ${layout}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }

  for (const layout of ['narrow', 'wide'] as const) {
    it(`exports, every state: no label across the rule, on a dot, on a gridline or past the edge: ${layout}`, async () => {
      const problems: string[] = [];
      for (const state of chartStates(content.charts, 'exports')) {
        const scene = sceneFor('exports', content, { state }, layout);
        await page.setContent(
          `<!doctype html><style>${css}</style><div style="width:${WIDTHS[layout]}px">${renderSvg(scene, { id: 'e' })}</div>`,
        );
        problems.push(...(await page.evaluate(measureSeries)).map((p) => `exports ${state} ${layout}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }

  it('sets a step’s event labels in full: the text on the chart is the content’s label', async () => {
    const view = stepViews(content, 'timeline').find((v) => (v.highlight?.length ?? 0) > 0)!;
    const event = content.events.find((e) => e.id === view.highlight![0])!;
    await page.setContent(
      `<style>${css}</style>${renderSvg(sceneFor('timeline', content, view, 'narrow'), { id: 't' })}`,
    );
    const shown = await page.evaluate(
      (id) => [...document.querySelectorAll(`[data-label="${id}"]`)].map((t) => t.textContent).join(' '),
      event.id,
    );
    expect(shown.replace(/\u2019/g, "'")).toContain(event.label);
  });
});
