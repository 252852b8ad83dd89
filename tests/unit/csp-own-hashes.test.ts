/** The build pass that cuts each page's CSP hashes to its own inline scripts and styles (integrations/csp-own-hashes.mjs). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes, keepOwnHashes } from '../../integrations/csp-own-hashes.mjs';

const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
const policy = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
const page = (hashes: string[], body: string) =>
  `<head><meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' ${hashes.join(' ')}; style-src 'self' ${hashes.join(' ')};"></head><body>${body}</body>`;

describe('keepOwnHashes', () => {
  const mine = 'console.log("mine")';
  const style = 'body{margin:0}';
  const others = ['console.log("another page")', 'p{color:red}'];
  const html = page(
    [mine, style, ...others].map(hash),
    `<script>${mine}</script><style>${style}</style><script type="module" src="/x.js"></script>`,
  );

  it('hashes inline scripts and styles, not scripts loaded by URL', () => {
    expect([...inlineHashes(html)]).toEqual([hash(mine), hash(style)]);
  });

  it("keeps the page's own hashes and every other source, drops the other pages' hashes", () => {
    const kept = policy(keepOwnHashes(html));
    const own = `${hash(mine)} ${hash(style)}`;
    expect(kept).toBe(`default-src 'self';img-src 'self' data:; script-src 'self' ${own}; style-src 'self' ${own};`);
    for (const other of others) expect(kept).not.toContain(hash(other));
  });

  it('leaves a page without a policy alone', () => {
    expect(keepOwnHashes('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});
