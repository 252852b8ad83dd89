/**
 * SVG snapshots of every chart state in both layouts, rendered by the same code the build uses.
 * Deterministic: the same content gives byte-identical files. Update on purpose: npx vitest run -u
 */
import { describe, expect, it } from 'vitest';
import { sceneFor } from '../../src/build/charts/build.ts';
import { chartNames, chartStates } from '../../src/build/charts/registry.ts';
import { renderSvg } from '../../src/build/charts/render-svg.ts';
import { LAYOUTS, type LayoutName } from '../../src/shared/chart-types.ts';
import { loadContent } from '../../src/build/content/read-content.ts';

const content = loadContent();

/** One element a line, so a snapshot diff shows which mark moved. */
const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';

describe('the story: chart snapshots', () => {
  for (const chart of chartNames(content.charts)) {
    for (const state of chartStates(content.charts, chart)) {
      for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
        it(`${chart} ${state} ${layout}`, async () => {
          const svg = renderSvg(sceneFor(chart, content, { state }, layout), { id: `${chart}-${state}` });
          await expect(pretty(svg)).toMatchFileSnapshot(`__snapshots__/${chart}-${state}-${layout}.svg`);
        });
      }
    }
  }

  it('renders the same string twice', () => {
    const scene = () => sceneFor('exports', content, { state: 'march-drop' }, 'narrow');
    expect(renderSvg(scene(), { id: 'a' })).toBe(renderSvg(scene(), { id: 'a' }));
  });

  it('escapes text so content cannot break the markup', () => {
    const scene = { ...sceneFor('categories', content, { state: 'laptops' }, 'wide'), title: 'A <b> & "c"' };
    expect(renderSvg(scene, { id: 'x' })).toContain('<title id="x-title">A &lt;b&gt; &amp; &quot;c&quot;</title>');
  });
});
