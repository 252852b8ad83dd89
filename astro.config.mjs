// @ts-check
import { defineConfig } from 'astro/config';

/**
 * SITE: the origin the story is published at (canonical URLs, share cards, sitemap).
 * BASE: the sub-path it lives under, e.g. /quiet-exit/ on GitHub Pages. Both are set at build time.
 */
const site = process.env.SITE ?? 'http://localhost:4321';
const base = process.env.BASE ?? '/';

export default defineConfig({
  // Separate caches and outputs let several builds run side by side (tests, benchmark, sub-path check).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  ...(process.env.DIST_DIR ? { outDir: process.env.DIST_DIR } : {}),
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Inline all CSS: the first screen renders with no render-blocking request.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  prefetch: false,
});
