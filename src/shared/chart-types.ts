/**
 * The contract between the build-time chart code (src/build/charts), the SVG it renders for each step,
 * and the browser's scene player (src/browser/scene-player.ts) that animates between states.
 *
 * All geometry is computed at build time: a Scene is a flat list of keyed marks with final attributes.
 * The browser never runs scales or shapes; it joins marks by key (d3-selection) and tweens attributes (GSAP).
 */
/** A chart's name, as content/charts.yaml declares it. */
export type ChartName = string;

/** Layouts are computed for two widths; the browser picks one by the graphic's width (see resize()). */
export const LAYOUTS = {
  /** Phones: the graphic is about 320-480 px wide. */
  narrow: { width: 360, height: 300 },
  /** Tablets and desktops. */
  wide: { width: 720, height: 440 },
} as const;
export type LayoutName = keyof typeof LAYOUTS;

/** One SVG element. `key` is stable across states so a mark can move, grow or fade between them. */
export interface Mark {
  key: string;
  tag: 'path' | 'line' | 'rect' | 'circle' | 'text' | 'polygon';
  /** Final attributes in this state (numbers in viewBox units). Include opacity so marks can fade. */
  attrs: Record<string, string | number>;
  /** For text marks. */
  text?: string;
  /** Layer to draw in, back to front: grid, data, annotation, label. */
  layer: 'grid' | 'data' | 'annotation' | 'label';
}

export interface Scene {
  chart: ChartName;
  state: string;
  layout: LayoutName;
  width: number;
  height: number;
  /** States the finding, like a headline: "Sales fell by a quarter in a month". */
  title: string;
  /** Units and what the axis shows. */
  subtitle: string;
  /** Text alternative for screen readers, generated from the data and this state (never hand-written). */
  description: string;
  marks: Mark[];
}

/** Everything one chart needs in the browser: every state's scene in both layouts. Shipped as JSON. */
export interface ChartData {
  chart: ChartName;
  /** The named states, in order (for embeds and step-through buttons). */
  states: string[];
  /** Keyed by viewKey(view). */
  scenes: Record<LayoutName, Record<string, Scene>>;
}

export interface UpdateOptions {
  /** false: jump to the state (reduced motion, first paint, resize). */
  animate: boolean;
}

/** What src/browser/scene-player.ts returns from createChart(svg, data). */
export interface ChartHandle {
  update(state: string, options: UpdateOptions): void;
  resize(): void;
  destroy(): void;
}
export type CreateChart = (svg: SVGSVGElement, data: ChartData) => ChartHandle;

/** What a step asks a chart to show: a named state, and for the timeline the events to highlight. */
export interface View {
  state: string;
  highlight?: readonly string[] | undefined;
}

/** The key of a view's scene in ChartData.scenes: "some-state", or "overview@first-event+second-event". */
export function viewKey(view: View): string {
  return view.highlight && view.highlight.length > 0 ? `${view.state}@${view.highlight.join('+')}` : view.state;
}

/** Implemented in src/build/charts/build.ts: every named state, plus every view a story step uses. */
export type BuildChartData = (chart: ChartName, views: readonly View[]) => ChartData;
