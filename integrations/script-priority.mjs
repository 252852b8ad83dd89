// @ts-check
/**
 * After the build: keeps the pages' scripts out of the way of the first paint. The pages are complete
 * without them (they only animate what the HTML already shows), so on a slow network they must never
 * compete with the document, and none of them may count as render-blocking. Astro does not let a
 * processed <script> carry attributes or be inlined when it imports chunks, hence this pass over dist/.
 *
 * - A small loader script with no static imports (the story's: it imports the engine after the first
 *   paint) is inlined, and its hash added to the page's Content-Security-Policy: no request at all
 *   until the first screen is on show.
 * - Any other module script gets fetchpriority="low", plus a low-priority modulepreload for each chunk
 *   it imports statically (otherwise the browser finds the chunk only once the entry has arrived, and
 *   fetches it at high priority: module graph fetches do not inherit the script's priority).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './headers.mjs';

/** Inline no loader bigger than this: past it, the HTML grows more than the saved request is worth. */
export const INLINE_LIMIT = 4096;

/** Relative static imports at the top of a bundled module (`import{a}from"./x.js"`, `import"./y.js"`). */
export function staticImports(/** @type {string} */ code) {
  return [...code.matchAll(/\bimport\s*(?:[\w${}\s,*]+?\s*from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)].map(
    (m) => m[1] ?? '',
  );
}

/** The URL path a relative specifier in the module at `from` points to. */
const resolveChunk = (/** @type {string} */ spec, /** @type {string} */ from) =>
  new URL(spec, `http://x${from}`).pathname;

/**
 * Every chunk the module at `src` pulls in statically, in load order, as URL paths.
 * @param {string} src the entry's URL path, e.g. /_astro/index.abc.js
 * @param {(path: string) => string | undefined} read the code at a URL path, if it exists
 */
export function chunkGraph(src, read) {
  /** @type {string[]} */
  const seen = [];
  const visit = (/** @type {string} */ path) => {
    for (const spec of staticImports(read(path) ?? '')) {
      const dep = resolveChunk(spec, path);
      if (!seen.includes(dep)) {
        seen.push(dep);
        visit(dep);
      }
    }
  };
  visit(src);
  return seen;
}

/** Makes a module's relative chunk specifiers absolute, so its code can run inline in any page. */
export function absoluteSpecifiers(/** @type {string} */ code, /** @type {string} */ src) {
  return code.replace(/(["'`])(\.\.?\/[\w.-]+\.js)\1/g, (_, q, spec) => `${q}${resolveChunk(spec, src)}${q}`);
}

/**
 * Adds a script hash to the page's CSP <meta> tag (integrations/headers.mjs copies it to _headers).
 * A page with a policy that this cannot extend fails the build: its inline script would be refused.
 */
export function allowInlineScript(/** @type {string} */ html, /** @type {string} */ code) {
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  const policy = /(<meta http-equiv="content-security-policy" content="[^"]*?script-src 'self')/i;
  const hasPolicy = /<meta http-equiv="content-security-policy"/i.test(html);
  if (hasPolicy && !policy.test(html))
    throw new Error(`script-priority: cannot allow an inlined script: the page's CSP has no "script-src 'self'"`);
  return html.replace(policy, `$1 ${hash}`);
}

/**
 * @param {string} html
 * @param {(path: string) => string | undefined} read
 */
export function lowerScriptPriority(html, read = () => undefined) {
  /** @type {string[]} */
  const inlined = [];
  const out = html.replace(/<script type="module" src="([^"]+)"><\/script>/g, (_, src) => {
    const code = read(src);
    if (code !== undefined && staticImports(code).length === 0 && code.length <= INLINE_LIMIT) {
      const inline = absoluteSpecifiers(code.trim(), src);
      inlined.push(inline);
      return `<script type="module">${inline}</script>`;
    }
    const preloads = chunkGraph(src, read)
      .map((dep) => `<link rel="modulepreload" href="${dep}" fetchpriority="low">`)
      .join('');
    return `${preloads}<script type="module" fetchpriority="low" src="${src}"></script>`;
  });
  return inlined.reduce(allowInlineScript, out);
}

/** @returns {import('astro').AstroIntegration} */
export default function scriptPriority() {
  let base = '/';
  return {
    name: 'quiet-exit:script-priority',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const read = (/** @type {string} */ path) => {
          if (!path.startsWith(base)) return undefined;
          const file = join(root, path.slice(base.length));
          return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        };
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, 'utf8');
          let lowered;
          try {
            lowered = lowerScriptPriority(html, read);
          } catch (e) {
            throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          }
          if (lowered !== html) writeFileSync(file, lowered);
        }
      },
    },
  };
}
