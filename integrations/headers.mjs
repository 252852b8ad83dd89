// @ts-check
/**
 * Writes dist/_headers (Netlify, Cloudflare Pages; tools/serve.mjs applies it too) after the build:
 * each page's own Content-Security-Policy, the one Astro put in its <meta> tag, plus what a <meta> tag
 * cannot say (frame-ancestors); security headers for everything; long caching for hashed assets.
 * Embeds (/embed/...) may be framed by any site; every other page by none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../tools/lib/files-under.ts';

/** Every HTML file under `dir`. @param {string} dir @returns {string[]} */
export function htmlFiles(dir) {
  return filesUnder(dir, /\.html$/);
}

/** @param {string} html */
export function cspOf(html) {
  const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html);
  return m?.[1]?.trim().replace(/;\s*$/, '');
}

/** @param {string} distDir @param {string} base */
export function buildHeaders(distDir, base) {
  const lines = [
    '# Written at build by integrations/headers.mjs. Do not edit by hand.',
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
  ];
  for (const file of htmlFiles(distDir).sort()) {
    const rel = relative(distDir, file).split(sep).join('/');
    const path = base + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
    const embed = rel.startsWith('embed/');
    const csp = cspOf(readFileSync(file, 'utf8'));
    lines.push(path);
    if (csp) lines.push(`  Content-Security-Policy: ${csp}; frame-ancestors ${embed ? '*' : "'none'"}`);
    if (!embed) lines.push('  X-Frame-Options: DENY');
    lines.push('  Cache-Control: public, max-age=0, must-revalidate');
  }
  return lines.join('\n') + '\n';
}

/** @returns {import('astro').AstroIntegration} */
export default function securityHeaders() {
  let base = '/';
  return {
    name: 'quiet-exit:headers',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (!config.site) {
          logger.warn(
            'SITE is not set: canonical links are relative, share tags and the sitemap leave out URLs, and ' +
              'citations and embed codes take the address the page is read at. ' +
              'Set SITE=https://your.domain (and BASE=/sub/path/ if needed) when building for publication.',
          );
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        writeFileSync(join(distDir, '_headers'), buildHeaders(distDir, base));
        logger.info('wrote _headers');
      },
    },
  };
}
