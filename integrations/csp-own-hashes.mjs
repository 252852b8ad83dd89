// @ts-check
/**
 * After the build: each page's Content-Security-Policy <meta> tag keeps only the hashes of the inline
 * scripts and styles that page carries. Astro gives every page the hashes of every page (14 on the story
 * page, which carries 4 inline scripts and styles): the rest is incompressible base64, about 0.5 KB of
 * brotli in the one file the first paint waits for. Runs after script-priority (which adds the inlined
 * loader's hash) and before headers (which copies each page's policy into _headers).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './headers.mjs';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const HASHED = new Set(['script-src', 'style-src']);

/** The CSP hash of each inline script and style in a page, as a policy writes it ('sha256-...'). */
export function inlineHashes(/** @type {string} */ html) {
  const hashes = new Set();
  for (const m of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    if (/\ssrc=/i.test(m[2] ?? '')) continue;
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(m[3] ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

/** The page with its CSP's script and style hashes cut to those of its own inline scripts and styles. */
export function keepOwnHashes(/** @type {string} */ html) {
  const own = inlineHashes(html);
  return html.replace(CSP_META, (_, open, policy, close) => {
    const directives = String(policy)
      .split(';')
      .map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        if (!name || !HASHED.has(name)) return directive;
        const lead = /^\s*/.exec(directive)?.[0] ?? '';
        return lead + [name, ...sources.filter((s) => !/^'sha(256|384|512)-/.test(s) || own.has(s))].join(' ');
      });
    return `${open}${directives.join(';')}${close}`;
  });
}

/** @returns {import('astro').AstroIntegration} */
export default function cspOwnHashes() {
  return {
    name: 'quiet-exit:csp-own-hashes',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const trimmed = keepOwnHashes(html);
          if (trimmed !== html) writeFileSync(file, trimmed);
        }
      },
    },
  };
}
