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
import { init as lexerReady, parse as parseModule } from 'es-module-lexer';
import { parse as parseHtml } from 'parse5';
import { htmlFiles } from './headers.mjs';

await lexerReady;

/** Inline no loader bigger than this: past it, the HTML grows more than the saved request is worth. */
export const INLINE_LIMIT = 4096;

const isRelative = (/** @type {string | undefined} */ spec) => spec !== undefined && /^\.\.?\//.test(spec);

/** Relative static imports of a bundled module (`import{a}from"./x.js"`, `import"./y.js"`), read by es-module-lexer. */
export function staticImports(/** @type {string} */ code) {
  const [imports] = parseModule(code);
  return imports.filter((i) => i.d === -1 && isRelative(i.n)).map((i) => i.n ?? '');
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

/**
 * @typedef {{ start: number, end: number, text: string }} Edit
 * Applies edits to `text`, given as [start, end) offsets into it that do not overlap.
 */
function applyEdits(/** @type {string} */ text, /** @type {Edit[]} */ edits) {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

/** Makes a module's relative import specifiers, static and dynamic, absolute, so its code can run inline in any page. */
export function absoluteSpecifiers(/** @type {string} */ code, /** @type {string} */ src) {
  const [imports] = parseModule(code);
  /** @type {Edit[]} */
  const edits = [];
  for (const i of imports) {
    if (!isRelative(i.n)) continue;
    const target = resolveChunk(i.n ?? '', src);
    // A static import's range is the bare specifier; a dynamic one's includes its quotes or backticks.
    const quote = i.d === -1 ? '' : code[i.s];
    edits.push({ start: i.s, end: i.e, text: `${quote}${target}${quote}` });
  }
  return applyEdits(code, edits);
}

/**
 * @typedef {import('parse5').DefaultTreeAdapterMap['element']} Element
 * @typedef {import('parse5').DefaultTreeAdapterMap['parentNode']} ParentNode
 */

/** Every element of an HTML document named `tag`, with its place in the source. */
function elements(/** @type {string} */ html, /** @type {string} */ tag) {
  /** @type {Element[]} */
  const found = [];
  const visit = (/** @type {ParentNode} */ node) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === tag) found.push(child);
      visit('content' in child ? child.content : child);
    }
  };
  visit(parseHtml(html, { sourceCodeLocationInfo: true }));
  return found;
}

const attribute = (/** @type {Element} */ el, /** @type {string} */ name) =>
  el.attrs.find((a) => a.name === name)?.value;

const escapeAttribute = (/** @type {string} */ value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Adds a script hash to the page's CSP <meta> tag (integrations/headers.mjs copies it to _headers).
 * A page with a policy that this cannot extend fails the build: its inline script would be refused.
 */
export function allowInlineScript(/** @type {string} */ html, /** @type {string} */ code) {
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  /** @type {Edit[]} */
  const edits = [];
  for (const meta of elements(html, 'meta')) {
    if (attribute(meta, 'http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    const directives = (attribute(meta, 'content') ?? '').split(';');
    const i = directives.findIndex((d) => d.trim().split(/\s+/)[0] === 'script-src');
    const sources = directives[i]?.split(' ') ?? [];
    const self = sources.indexOf("'self'");
    if (self < 0)
      throw new Error(`script-priority: cannot allow an inlined script: the page's CSP has no "script-src 'self'"`);
    sources.splice(self + 1, 0, hash);
    directives[i] = sources.join(' ');
    const at = meta.sourceCodeLocation?.attrs?.['content'];
    if (!at) throw new Error('script-priority: the CSP <meta> tag has no content attribute');
    edits.push({
      start: at.startOffset,
      end: at.endOffset,
      text: `content="${escapeAttribute(directives.join(';'))}"`,
    });
  }
  return applyEdits(html, edits);
}

/**
 * @param {string} html
 * @param {(path: string) => string | undefined} read
 */
export function lowerScriptPriority(html, read = () => undefined) {
  /** @type {string[]} */
  const inlined = [];
  /** @type {Edit[]} */
  const edits = [];
  for (const script of elements(html, 'script')) {
    const src = attribute(script, 'src');
    const where = script.sourceCodeLocation;
    if (attribute(script, 'type') !== 'module' || !src || attribute(script, 'fetchpriority') || !where) continue;
    const code = read(src);
    const edit = (/** @type {string} */ text) => edits.push({ start: where.startOffset, end: where.endOffset, text });
    if (code !== undefined && code.length <= INLINE_LIMIT && staticImports(code).length === 0) {
      const inline = absoluteSpecifiers(code.trim(), src);
      if (!/<\/script/i.test(inline)) {
        inlined.push(inline);
        edit(`<script type="module">${inline}</script>`);
        continue;
      }
    }
    const preloads = chunkGraph(src, read)
      .map((dep) => `<link rel="modulepreload" href="${escapeAttribute(dep)}" fetchpriority="low">`)
      .join('');
    edit(`${preloads}<script type="module" fetchpriority="low" src="${escapeAttribute(src)}"></script>`);
  }
  return inlined.reduce(allowInlineScript, applyEdits(html, edits));
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
