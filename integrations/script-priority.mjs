// @ts-check
/**
 * Marks the page's module scripts fetchpriority="low" after the build. The page is complete without
 * them (they only animate what the HTML already shows), so the browser should never let them compete
 * with the document on a slow network, and they are not counted as render-blocking. Astro does not
 * let a processed <script> carry attributes, hence this small pass over dist/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './headers.mjs';

/** @param {string} html */
export function lowerScriptPriority(html) {
  return html.replace(/<script type="module" src=/g, '<script type="module" fetchpriority="low" src=');
}

/** @returns {import('astro').AstroIntegration} */
export default function scriptPriority() {
  return {
    name: 'quiet-exit:script-priority',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const lowered = lowerScriptPriority(html);
          if (lowered !== html) writeFileSync(file, lowered);
        }
      },
    },
  };
}
