/**
 * A scene as SVG markup: the one renderer behind the page's static charts (ChartSvg.astro),
 * the SVG snapshot tests and the share card. Pure and deterministic: same scene, same string.
 */
import type { Mark, Scene } from '../../shared/chart-types.ts';

const LAYERS: Mark['layer'][] = ['grid', 'data', 'annotation', 'label'];

export function escapeXml(value: string | number): string {
  return String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

function renderMark(m: Mark): string {
  const attrs = attributes({ ...m.attrs, 'data-key': m.key });
  return m.tag === 'text' ? `<text${attrs}>${escapeXml(m.text ?? '')}</text>` : `<${m.tag}${attrs}/>`;
}

export interface RenderSvgOptions {
  /** Unique per page: ids for the title and description the SVG is labelled by. */
  id: string;
  className?: string | undefined;
  /** Extra attributes on the root, e.g. width and height for a standalone file. */
  rootAttrs?: Record<string, string | number>;
}

/** The scene's SVG: role img, labelled by its generated title and description, marks in layer order. */
export function renderSvg(scene: Scene, { id, className, rootAttrs = {} }: RenderSvgOptions): string {
  const root = attributes({
    ...rootAttrs,
    class: ['chart', `chart-${scene.chart}`, className].filter(Boolean).join(' '),
    viewBox: `0 0 ${scene.width} ${scene.height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    'data-chart': scene.chart,
    'data-layout': scene.layout,
    'data-view': scene.state,
  });
  const layers = LAYERS.map(
    (layer) =>
      `<g data-layer="${layer}" aria-hidden="true">${scene.marks
        .filter((m) => m.layer === layer)
        .map(renderMark)
        .join('')}</g>`,
  ).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${root}>` +
    `<title id="${escapeXml(id)}-title">${escapeXml(scene.title)}</title>` +
    `<desc id="${escapeXml(id)}-desc">${escapeXml(scene.description)}</desc>` +
    `${layers}</svg>`
  );
}
