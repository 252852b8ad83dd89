#!/usr/bin/env node
// Serves dist/ the way a CDN would: brotli or gzip by Accept-Encoding, long cache for hashed assets,
// the headers from dist/_headers. Prints its local URL. Used by `npm start`, the e2e tests and the benchmark.
//   node scripts/serve.mjs [--dir dist] [--port 4321] [--base /]
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.svg',
  '.csv',
  '.md',
  '.txt',
  '.xml',
  '.webmanifest',
]);

/** Parses a Netlify/Cloudflare-style _headers file: a path pattern line, then indented "Name: value" lines. */
export function parseHeaders(text) {
  const rules = [];
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

function matches(pattern, path) {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return re.test(path);
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compressed body of `file` in `enc`, computed once per version of the file (a CDN's edge cache). */
function compressed(cache, enc, file, mtimeMs) {
  const key = `${enc}:${file}:${mtimeMs}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      readFile(file).then((body) =>
        enc === 'br'
          ? brotli(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            })
          : gzipAsync(body, { level: 9 }),
      ),
    );
  }
  return cache.get(key);
}

/** Fills the cache in the background at start, so no reader (or benchmark run) waits on compression. */
async function warm(cache, dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(file))) continue;
    const { mtimeMs } = await stat(file);
    for (const enc of ['br', 'gzip']) await compressed(cache, enc, file, mtimeMs);
  }
}

/** Starts a server for `dir`; resolves to { url, close }. */
export async function serve({ dir = 'dist', port = 4321, host = '127.0.0.1', base = '/' } = {}) {
  const root = resolve(dir);
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const cache = new Map();
  const warming = warm(cache, root).catch(() => undefined);

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) return notFound(res);
      const rel = path.slice(base.length);
      let file = normalize(join(root, rel));
      if (!file.startsWith(root)) return notFound(res);
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: path + '/' + url.search });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file).catch(() => undefined);
      }
      if (!info) return notFound(res);
      const ext = extname(file);
      const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
      for (const rule of rules) if (matches(rule.pattern, path)) Object.assign(headers, rule.headers);
      const accept = String(req.headers['accept-encoding'] ?? '');
      const enc = !COMPRESSIBLE.has(ext)
        ? undefined
        : /\bbr\b/.test(accept)
          ? 'br'
          : /\bgzip\b/.test(accept)
            ? 'gzip'
            : undefined;
      if (enc) headers['Content-Encoding'] = enc;
      const body = enc ? await compressed(cache, enc, file, info.mtimeMs) : await readFile(file);
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    }
  });

  function notFound(res) {
    const page = join(root, '404.html');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(existsSync(page) ? readFileSync(page) : 'Not found');
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}${base}`,
    /** Resolves when every file is compressed (the benchmark waits for it, like a warm CDN). */
    warm: () => warming,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serve({
    dir: arg('dir', 'dist'),
    port: Number(arg('port', process.env.PORT ?? 4321)),
    base: arg('base', process.env.BASE ?? '/'),
  });
  console.log(`Quiet Exit is being served at ${url}  (Ctrl+C to stop)`);
}
