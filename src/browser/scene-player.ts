/**
 * The browser side of every chart: joins a precomputed scene's marks to the SVG by key (d3-selection)
 * and tweens their attributes (GSAP). No scales or shapes here: the build computed all geometry.
 */
import { select } from 'd3-selection';
import { gsap } from 'gsap';
import type { ChartData, ChartHandle, LayoutName, Mark, Scene, UpdateOptions } from '../shared/chart-types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LAYERS: Mark['layer'][] = ['grid', 'data', 'annotation', 'label'];
const MOVE_SECONDS = 0.55;
const FADE_SECONDS = 0.3;
/** Below this rendered width the narrow layout's larger type stays legible. */
const NARROW_BELOW = 560;

/** Attributes that are words, not numbers: set at once rather than tweened (data-* included). */
const WORD_ATTRS = new Set(['class', 'text-anchor']);
const isWords = (name: string): boolean => WORD_ATTRS.has(name) || name.startsWith('data-');

function setWords(el: Element, mark: Mark): void {
  for (const [name, value] of Object.entries(mark.attrs)) {
    if (isWords(name)) el.setAttribute(name, String(value));
  }
  el.setAttribute('data-key', mark.key);
  if (mark.text !== undefined && el.textContent !== mark.text) el.textContent = mark.text;
}

function setAll(el: Element, mark: Mark): void {
  for (const [name, value] of Object.entries(mark.attrs)) el.setAttribute(name, String(value));
  setWords(el, mark);
}

/** The numeric attributes whose value differs from what the element has now: only these are tweened. */
function changedAttrs(el: Element, mark: Mark): Record<string, string | number> | undefined {
  let out: Record<string, string | number> | undefined;
  for (const [name, value] of Object.entries(mark.attrs)) {
    if (isWords(name) || el.getAttribute(name) === String(value)) continue;
    (out ??= {})[name] = value;
  }
  return out;
}

export function createChart(svg: SVGSVGElement, data: ChartData): ChartHandle {
  const container = svg.closest<HTMLElement>('[data-chart-host]');
  // The build may draw the chart in both layouts side by side (CSS shows one): keep each in step.
  const drawn = new Map<string, SVGSVGElement>();
  for (const el of svg.closest('figure')?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [svg]) {
    drawn.set(el.dataset['layout'] ?? '', el);
  }
  let layout: LayoutName = pickLayout();
  /** The SVG for the current layout: its own if the build drew one, else the one given. */
  const target = (): SVGSVGElement => drawn.get(layout) ?? svg;
  let current: string | undefined;
  let running: gsap.core.Timeline | undefined;

  function pickLayout(): LayoutName {
    const width = (container ?? svg.parentElement)?.clientWidth ?? 0;
    return width > 0 && width < NARROW_BELOW ? 'narrow' : 'wide';
  }

  function settle(): void {
    running = undefined;
    container?.removeAttribute('data-tweening');
  }

  function sceneOf(key: string): Scene | undefined {
    const scenes = data.scenes[layout];
    return scenes[key] ?? scenes[key.split('@')[0] ?? ''];
  }

  function apply(key: string, animate: boolean): void {
    const scene = sceneOf(key);
    if (!scene) return;
    // Interrupt: stop running tweens where they are; new tweens start from there. Finish pending exits.
    running?.kill();
    const svg = target();
    svg.querySelectorAll('[data-exiting]').forEach((n) => n.remove());
    current = key;
    svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
    svg.dataset['view'] = key;
    svg.dataset['layout'] = layout;
    const title = svg.querySelector('title');
    const desc = svg.querySelector('desc');
    if (title) title.textContent = scene.title;
    if (desc) desc.textContent = scene.description;
    const figure = svg.closest('figure');
    const caption = figure?.querySelector('.chart-title');
    const subtitle = figure?.querySelector('.chart-subtitle');
    if (caption) caption.textContent = scene.title;
    if (subtitle) subtitle.textContent = scene.subtitle;

    const tl = animate ? gsap.timeline({ onComplete: settle }) : undefined;
    for (const layer of LAYERS) {
      const group = svg.querySelector<SVGGElement>(`g[data-layer="${layer}"]`);
      if (!group) continue;
      select(group)
        .selectAll<SVGElement, Mark>('[data-key]')
        .data(
          scene.marks.filter((m) => m.layer === layer),
          function (d) {
            // Marks rendered at build have no bound datum yet: join them by their data-key.
            return (d as Mark | undefined)?.key ?? (this as Element).getAttribute('data-key') ?? '';
          },
        )
        .join(
          (enter) =>
            enter
              .append((d) => document.createElementNS(SVG_NS, d.tag) as SVGElement)
              .each(function (d) {
                setAll(this, d);
                if (tl) {
                  this.setAttribute('opacity', '0');
                  tl.to(
                    this,
                    { attr: { opacity: d.attrs['opacity'] ?? 1 }, duration: MOVE_SECONDS, ease: 'power2.out' },
                    0,
                  );
                }
              }),
          (update) =>
            update.each(function (d) {
              setWords(this, d);
              const changed = changedAttrs(this, d);
              if (!changed) return;
              if (tl) tl.to(this, { attr: changed, duration: MOVE_SECONDS, ease: 'power2.inOut' }, 0);
              else for (const [name, value] of Object.entries(changed)) this.setAttribute(name, String(value));
            }),
          (exit) =>
            exit.each(function () {
              if (!tl) return this.remove();
              this.setAttribute('data-exiting', '');
              tl.to(
                this,
                { attr: { opacity: 0 }, duration: FADE_SECONDS, ease: 'power1.in', onComplete: () => this.remove() },
                0,
              );
            }),
        );
    }
    if (tl && tl.getChildren().length > 0) {
      running = tl;
      container?.setAttribute('data-tweening', 'true');
    } else {
      tl?.kill();
      settle();
    }
  }

  return {
    update(key: string, { animate }: UpdateOptions) {
      if (key === current && !running) return;
      // The first state replaces what the build drew (usually the same): never animate it.
      apply(key, animate && current !== undefined);
    },
    resize() {
      const next = pickLayout();
      if (next !== layout && current !== undefined) {
        layout = next;
        apply(current, false);
      }
    },
    destroy() {
      running?.kill();
      settle();
    },
  };
}
