/** The local server (tools/serve.mjs): only dist/, no error text, the _headers rules, caching and ranges. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../tools/serve.mjs';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: the path goes out exactly as written (fetch would normalise it). */
function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.path = path;
    req.on('error', fail);
    req.end();
  });
}

const SECRET = 'secret from a sibling folder';
const PAGE = `<!doctype html><title>Home</title>${'<p>Quiet Exit</p>'.repeat(50)}`;
let server: { url: string; close: () => Promise<void> };
let origin: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, '_astro'), { recursive: true });
  mkdirSync(join(dist, 'teach'), { recursive: true });
  mkdirSync(join(root, 'dist-secret'));
  writeFileSync(join(root, 'dist-secret', 'x.txt'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(dist, 'index.html'), PAGE);
  writeFileSync(join(dist, 'teach', 'index.html'), '<!doctype html><title>Teach</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>Not here</title>');
  writeFileSync(join(dist, '_astro', 'app.js'), 'console.log("0123456789");');
  writeFileSync(
    join(dist, '_headers'),
    '/*\n  X-Content-Type-Options: nosniff\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/\n  X-Frame-Options: DENY\n',
  );
  server = (await serve({ dir: dist, port: 0 })) as typeof server;
  origin = new URL(server.url).origin;
});
afterAll(() => server.close());

describe('the local server', () => {
  it.each([
    '/..%2Fdist-secret%2Fx.txt',
    '/../dist-secret/x.txt',
    '/%2e%2e/dist-secret/x.txt',
    '/..%5Cdist-secret%5Cx.txt',
    '/..%2Fsecret.txt',
  ])('serves nothing outside its folder: %s', async (path) => {
    const reply = await get(origin, path);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).not.toContain(SECRET);
  });

  it.each(['/%E0%A4%A', '/%', '/a%ZZ'])(
    'answers a malformed URI %s with 400 or 404 and no error text',
    async (path) => {
      const reply = await get(origin, path);
      expect([400, 404]).toContain(reply.status);
      expect(reply.body.toString()).not.toMatch(/URIError|Error|at .*\.mjs/);
    },
  );

  it('applies the headers from _headers', async () => {
    const page = await get(origin, '/');
    expect(page.status).toBe(200);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const asset = await get(origin, '/_astro/app.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['x-frame-options']).toBeUndefined();
  });

  it('serves brotli when asked, and the same bytes once decompressed', async () => {
    const reply = await get(origin, '/', { 'accept-encoding': 'gzip, br' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(reply.body).toString()).toBe(PAGE);
  });

  it('answers 304 to a request that has the current ETag', async () => {
    const first = await get(origin, '/_astro/app.js');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/"/);
    const again = await get(origin, '/_astro/app.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves a byte range', async () => {
    const reply = await get(origin, '/_astro/app.js', { range: 'bytes=13-22' });
    expect(reply.status).toBe(206);
    expect(reply.body.toString()).toBe('0123456789');
    expect(reply.headers['content-range']).toBe(`bytes 13-22/${'console.log("0123456789");'.length}`);
  });

  it('redirects a folder without its slash, and answers unknown paths with the 404 page', async () => {
    const folder = await get(origin, '/teach');
    expect(folder.status).toBe(301);
    expect(folder.headers['location']).toBe('/teach/');
    const missing = await get(origin, '/nope.html');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Not here');
  });
});
