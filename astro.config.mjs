// @ts-check
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import securityHeaders from './integrations/headers.mjs';
import scriptPriority from './integrations/script-priority.mjs';
import cspOwnHashes from './integrations/csp-own-hashes.mjs';
import layoutMedia from './integrations/layout-media.mjs';
import postcssCustomMedia from 'postcss-custom-media';

/** The one inline script (src/browser/early-mode.js, inlined by Base.astro): allowed by its hash. */
const earlyModeHash = `sha256-${createHash('sha256')
  .update(readFileSync(new URL('./src/browser/early-mode.js', import.meta.url), 'utf8'))
  .digest('base64')}`;

/**
 * SITE: the origin the story is published at (canonical URLs, share cards, sitemap).
 * BASE: the sub-path it lives under, e.g. /quiet-exit/ on GitHub Pages. Both are set at build time.
 */
// Without SITE (a preview build) the pages never name an origin: see src/build/site-url.ts.
const site = process.env.SITE;
const base = process.env.BASE ?? '/';

export default defineConfig({
  // Separate caches and outputs let several builds run side by side (tests, benchmark, sub-path check).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  ...(process.env.DIST_DIR ? { outDir: process.env.DIST_DIR } : {}),
  ...(site ? { site } : {}),
  base,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Inline all CSS: the first screen renders with no render-blocking request.
    inlineStylesheets: 'always',
  },
  // In this order: script-priority adds a hash, csp-own-hashes drops the ones a page has no use for, headers copies.
  integrations: [scriptPriority(), cspOwnHashes(), securityHeaders()],
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy: Astro hashes every script and style it emits into a <meta> tag,
  // so no 'unsafe-inline' is needed. The same policy goes into dist/_headers (integrations/headers.mjs).
  security: {
    csp: {
      algorithm: 'SHA-256',
      scriptDirective: { hashes: [/** @type {`sha256-${string}`} */ (earlyModeHash)] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  prefetch: false,
  vite: { css: { postcss: { plugins: [layoutMedia(), postcssCustomMedia()] } } },
});
