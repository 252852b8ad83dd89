#!/usr/bin/env node
// @ts-check
// Serves dist/ the way a CDN would, with sirv: brotli or gzip by Accept-Encoding, ETag and 304, Range,
// plus the headers from dist/_headers. Prints its local URL. Used by `npm start`, the e2e tests, the
// benchmark and the fuzzer.
//   node tools/serve.mjs [--dir dist] [--port 4321] [--base /]
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Text types get their charset, which sirv leaves out for all but HTML. */
const TEXT_TYPES = /** @type {Record<string, string>} */ ({
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
});
const COMPRESSIBLE = new Set([...Object.keys(TEXT_TYPES), '.html', '.svg', '.webmanifest']);

/** @typedef {{ pattern: string, headers: Record<string, string> }} HeaderRule */

/** Parses a Netlify/Cloudflare-style _headers file: a path pattern line, then indented "Name: value" lines. */
export function parseHeaders(/** @type {string} */ text) {
  /** @type {HeaderRule[]} */
  const rules = [];
  /** @type {HeaderRule | undefined} */
  let current;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), headers: {} };
      rules.push(current);
    } else if (current) {
      const i = line.indexOf(':');
      if (i > 0) current.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** Whether a _headers pattern (`*` matches anything) matches a URL path. */
function matches(/** @type {string} */ pattern, /** @type {string} */ path) {
  const literal = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`).test(path);
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A copy of `root` with a .br and a .gz beside every text file, compressed once at start as a CDN's
 * edge would (so no reader, and no benchmark run, waits on compression). dist/ itself stays as built.
 */
async function edgeCopy(/** @type {string} */ root) {
  const edge = mkdtempSync(join(tmpdir(), 'quiet-exit-serve-'));
  cpSync(root, edge, { recursive: true, preserveTimestamps: true });
  const files = readdirSync(edge, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name)))
    .map((e) => join(e.parentPath, e.name));
  await Promise.all(
    files.map(async (file) => {
      const body = readFileSync(file);
      const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
      writeFileSync(`${file}.br`, await brotli(body, { params }));
      writeFileSync(`${file}.gz`, await gzipAsync(body, { level: 9 }));
    }),
  );
  return edge;
}

/**
 * Starts a server for `dir`; resolves to { url, warm, close }.
 * @param {{ dir?: string, port?: number, host?: string, base?: string }} [options]
 */
export async function serve({ dir = 'dist', port = 4321, host = '127.0.0.1', base = '/' } = {}) {
  const root = resolve(dir);
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const edge = await edgeCopy(root);
  const files = sirv(edge, {
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      const type = TEXT_TYPES[extname(pathname)];
      if (type) res.setHeader('Content-Type', type);
    },
  });
  const notFoundPage = join(root, '404.html');

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Bad request');
    }
    // sirv only serves files it listed at start, so nothing outside dist/ can be named; refuse ".." anyway.
    if (!path.startsWith(base) || path.split(/[/\\]/).includes('..')) return notFound(res);
    const rel = path.slice(base.length);
    if (rel && !rel.endsWith('/') && existsSync(join(edge, rel, 'index.html'))) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      return res.end();
    }
    for (const rule of rules) {
      if (matches(rule.pattern, path))
        for (const [name, value] of Object.entries(rule.headers)) res.setHeader(name, value);
    }
    req.url = `/${url.pathname.slice(base.length)}${url.search}`;
    files(req, res, () => notFound(res));
  });

  function notFound(/** @type {import('node:http').ServerResponse} */ res) {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}${base}`,
    /** Every file is compressed before the server starts; kept for callers that wait for a warm CDN. */
    warm: () => Promise.resolve(),
    close: () =>
      new Promise((ok) =>
        server.close(() => {
          rmSync(edge, { recursive: true, force: true });
          ok(undefined);
        }),
      ),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
  };
  const server = await serve({
    dir: arg('dir', 'dist'),
    port: Number(arg('port', process.env['PORT'] ?? '4321')),
    base: arg('base', process.env['BASE'] ?? '/'),
  });
  console.log(`Quiet Exit is being served at ${server.url}  (Ctrl+C to stop)`);
  process.once('SIGINT', () => server.close().then(() => process.exit(0)));
}
