/**
 * Wires the story page: the scroll controller's step changes drive the sticky graphic's charts;
 * the URL hash follows the step; reading modes, the contents menu and step-through controls.
 */
import { createChart } from './scene-player.ts';
import { reducedMotion } from './motion.ts';
import { SIDE_BY_SIDE, triggerLine } from '../shared/layout.ts';
import type { ChartHandle } from '../shared/chart-types.ts';
import { unpackChartData, type PackedChartData } from '../shared/chart-pack.ts';
import { createScrollController, type ScrollController, type StepChange } from './scroll-controller.ts';
import { followBarHeight } from './bar-height.ts';
import { applyMode, isMode, rememberMode, storedMode, type Mode } from './reading-mode.ts';
import { fill } from '../shared/fill.ts';

/** Matches the CSS: the graphic sits on top (phones upright) rather than beside the text. */
const isPhone = () => !window.matchMedia(SIDE_BY_SIDE).matches;

export function startStory(): void {
  const root = document.documentElement;
  root.classList.add('js');
  applyMode(storedMode());

  const graphic = document.getElementById('graphic');
  const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
  const announcer = document.getElementById('announcer');
  // The words said here come from the page (content/ui.yaml, in the announcer's data-say-* attributes).
  const says = (name: 'sayStep' | 'sayChart' | 'sayMode', values: Record<string, string | number>) =>
    fill(announcer?.dataset[name] ?? '', values);
  let lastAnnounced = '';
  function announce(message: string): void {
    if (!announcer || message === lastAnnounced) return;
    lastAnnounced = message;
    announcer.textContent = message;
  }
  const charts = new Map<string, ChartHandle>();
  let pending: StepChange | undefined;

  /** Shows the step's state in the graphic; `instant` for the catch-up once chart data arrives. */
  function show(change: StepChange, instant = false): void {
    const step = steps[change.index];
    if (!graphic || !step) return;
    countStep(change.index);
    const chartName = step.dataset['chart'] ?? '';
    const view = step.dataset['view'] ?? '';
    performance.mark(`qe:step-enter:${change.id}`);
    const chart = charts.get(chartName);
    if (!chart) {
      pending = change;
      return;
    }
    if (graphic.dataset['chart'] !== chartName) {
      for (const el of graphic.querySelectorAll<HTMLElement>('.graphic-chart')) {
        el.toggleAttribute('data-active', el.dataset['chart'] === chartName);
      }
      graphic.dataset['chart'] = chartName;
    }
    chart.update(view, { animate: !instant && !reducedMotion() && root.dataset['mode'] !== 'article' });
    performance.mark(`qe:state-applied:${change.id}`);
    graphic.dataset['showing'] = change.id;
    announceChart(change.index);
  }

  // The tap-through view's counter ("4 of 17"); screen readers hear the step number from the announcer.
  const counter = document.querySelector<HTMLElement>('[data-step-count]');
  function countStep(index: number): void {
    if (counter)
      counter.textContent = fill(counter.dataset['stepCount'] ?? '', { step: index + 1, total: steps.length });
  }
  countStep(0);

  // Screen readers hear a polite note when what the graphic shows changes (not on first load, never twice).
  let shownTitle: string | undefined;
  function announceChart(index: number): void {
    const title = graphic?.querySelector('.graphic-chart[data-active] .chart-title')?.textContent?.trim() ?? '';
    const first = shownTitle === undefined;
    const changed = title !== shownTitle;
    shownTitle = title;
    if (first || root.dataset['mode'] === 'article') return;
    const where = root.dataset['mode'] === 'steps' ? says('sayStep', { step: index + 1, total: steps.length }) : '';
    if (changed || where) announce(`${where} ${changed ? says('sayChart', { title }) : ''}`.trim());
  }

  function followHash(change: StepChange): void {
    const step = steps[change.index];
    if (!step || root.dataset['mode'] === 'article') return;
    // Only once the reader has reached the steps: the top of the page keeps a clean URL.
    const reached = step.getBoundingClientRect().top <= window.innerHeight * triggerLine(!isPhone());
    const hash = reached ? `#${change.id}` : '';
    if (location.hash !== hash && (reached || steps.some((s) => `#${s.id}` === location.hash))) {
      history.replaceState(history.state, '', hash || location.pathname + location.search);
    }
  }

  // A deep link (#step or #section): land there before the controller first looks, so it starts on that step.
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView({ block: 'start' });

  let controller: ScrollController | undefined;
  if (steps.length > 0) {
    controller = createScrollController({
      steps,
      offset: () => triggerLine(!isPhone()),
      onStep: (change) => {
        show(change);
        followHash(change);
      },
    });
  }

  // Chart data is fetched once the page is idle or the reader scrolls, one chart per task, so loading
  // never blocks the first screen. Until then the graphic shows the first chart's first state, drawn at
  // build; a later chart is an empty frame until its data is in, and shows only then.
  const base = import.meta.env.BASE_URL;
  const names = [...new Set(steps.map((s) => s.dataset['chart'] ?? ''))].filter(Boolean);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  // After a frame: the page is laid out again, so the chart's set-up reads the graphic's width for free
  // instead of forcing a style and layout pass inside its own task (a low-end phone feels each long task).
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  let loading: Promise<void> | undefined;
  const loadCharts = () =>
    (loading ??= (async () => {
      for (const name of names) {
        const svg = graphic?.querySelector<SVGSVGElement>(`.graphic-chart[data-chart="${name}"] svg`);
        if (!svg) continue;
        const response = await fetch(`${base}charts/${name}.json`);
        if (!response.ok) throw new Error(`chart data ${name}: HTTP ${response.status}`);
        const packed = (await response.json()) as PackedChartData;
        await nextFrame();
        const chart = createChart(svg, unpackChartData(packed));
        await nextTask();
        // Bind the data to the marks the build drew, now while the page is idle, not on the first step
        // that brings this chart in (that first join is the costliest update, a long task at 4x CPU).
        const drawn = steps.find((s) => s.dataset['chart'] === name)?.dataset['view'];
        if (drawn) chart.update(drawn, { animate: false });
        charts.set(name, chart);
        await nextFrame();
      }
      const now = pending ?? controller?.current();
      pending = undefined;
      if (now) show(now, true);
    })().catch(() => {
      // Without chart data the sticky graphic cannot follow: show each step's own chart inline instead.
      applyMode('article');
    }));
  addEventListener('scroll', loadCharts, { once: true, passive: true });
  if ('requestIdleCallback' in window) requestIdleCallback(loadCharts, { timeout: 2500 });
  else setTimeout(loadCharts, 1200);

  const bar = document.querySelector<HTMLElement>('.reading-bar');
  if (bar) followBarHeight(root, bar);

  window.addEventListener('resize', () => {
    for (const chart of charts.values()) chart.resize();
  });

  // Reading modes.
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-mode]')) {
    button.addEventListener('click', () => {
      const mode = button.dataset['setMode'];
      if (!isMode(mode)) return;
      const current = controller?.current();
      applyMode(mode);
      rememberMode(mode);
      // Keep the reader's place: the layout changed under them.
      steps[current?.index ?? 0]?.scrollIntoView({ block: 'center' });
      controller?.refresh();
      announce(says('sayMode', { mode: button.textContent?.trim() ?? '' }));
    });
  }

  // Contents menu: a <details> disclosure (it works without JavaScript); a jump, Escape or a click elsewhere closes it.
  const menu = document.querySelector<HTMLDetailsElement>('[data-contents]');
  if (menu) {
    menu.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a')) menu.open = false;
    });
    document.addEventListener('click', (e) => {
      if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }
    });
  }

  // Step through: buttons and arrow keys move one step and put focus on it. Presses during the scroll
  // count from the step already asked for, so two quick presses move two steps.
  let asked: number | undefined;
  window.addEventListener('scrollend', () => (asked = undefined));
  function go(delta: number): void {
    const from = asked ?? controller?.current()?.index ?? 0;
    const to = Math.max(0, Math.min(steps.length - 1, from + delta));
    const step = steps[to];
    if (!step) return;
    asked = to;
    step.scrollIntoView({ block: isPhone() ? 'start' : 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    step.focus({ preventScroll: true });
  }
  document.querySelector('[data-step-prev]')?.addEventListener('click', () => go(-1));
  document.querySelector('[data-step-next]')?.addEventListener('click', () => go(1));
  document.addEventListener('keydown', (e) => {
    if ((root.dataset['mode'] as Mode) !== 'steps' || e.altKey || e.ctrlKey || e.metaKey) return;
    if ((e.target as Element).closest('input, textarea, select, [contenteditable]')) return;
    const delta = { ArrowDown: 1, ArrowRight: 1, PageDown: 1, ArrowUp: -1, ArrowLeft: -1, PageUp: -1 }[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    go(delta);
  });

  root.classList.add('story-ready');
}
