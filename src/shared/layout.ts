/**
 * The story's two layouts, defined once. Below the breakpoint (phones held upright) the graphic is pinned
 * above the step cards; at or above it the text and the graphic sit side by side. The CSS uses this query
 * as `@media (--side-by-side)` (astro.config.mjs hands it to postcss-custom-media); the story script, the
 * fuzzer and the tests import it from here.
 */
export const SIDE_BY_SIDE = '(min-width: 900px) or ((min-width: 600px) and (orientation: landscape))';

/** Where a step counts as read: a line this far down the viewport (phones read lower, under the graphic). */
export const triggerLine = (sideBySide: boolean): number => (sideBySide ? 0.55 : 0.78);
