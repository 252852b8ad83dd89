// @ts-check
/**
 * A PostCSS plugin that declares the layouts' breakpoint (src/shared/layout.ts) as the custom media query
 * --side-by-side in every stylesheet that uses it; postcss-custom-media then writes it out. Each CSS file
 * is processed on its own, so the declaration has to reach each one.
 */
import { SIDE_BY_SIDE } from '../src/shared/layout.ts';

/** @returns {import('postcss').Plugin} */
export default function layoutMedia() {
  return {
    postcssPlugin: 'layout-media',
    Once(root, { AtRule }) {
      let used = false;
      root.walkAtRules('media', (rule) => {
        if (rule.params.includes('(--side-by-side)')) used = true;
      });
      if (used) root.prepend(new AtRule({ name: 'custom-media', params: `--side-by-side ${SIDE_BY_SIDE}` }));
    },
  };
}
