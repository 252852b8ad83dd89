/** The build pass that keeps scripts out of the first paint's way (integrations/script-priority.mjs). */
import { describe, expect, it } from 'vitest';
import {
  absoluteSpecifiers,
  allowInlineScript,
  chunkGraph,
  lowerScriptPriority,
  staticImports,
} from '../../integrations/script-priority.mjs';

const files: Record<string, string> = {
  '/_astro/entry.js': 'import{a as e}from"./shared.js";import"./side.js";e()',
  '/_astro/shared.js': 'import{b}from"./deep.js";export const a=()=>b',
  '/_astro/side.js': 'console.log(1)',
  '/_astro/deep.js': 'export const b=1',
  '/_astro/loader.js': 'requestAnimationFrame(()=>import(`./story.js`))',
};
const read = (path: string) => files[path];
const page = (body: string) =>
  `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-x'; style-src 'self'"></head><body>${body}</body>`;

describe('staticImports', () => {
  it('finds bundled static imports, named and bare, but not dynamic ones', () => {
    expect(staticImports(files['/_astro/entry.js'] ?? '')).toEqual(['./shared.js', './side.js']);
    expect(staticImports(files['/_astro/loader.js'] ?? '')).toEqual([]);
  });
});

describe('chunkGraph', () => {
  it('walks static imports depth first, each chunk once', () => {
    expect(chunkGraph('/_astro/entry.js', read)).toEqual(['/_astro/shared.js', '/_astro/deep.js', '/_astro/side.js']);
  });
});

describe('absoluteSpecifiers', () => {
  it('rewrites relative chunk specifiers against the script URL, under any base', () => {
    expect(absoluteSpecifiers('import(`./story.js`)', '/quiet-exit/_astro/loader.js')).toBe(
      'import(`/quiet-exit/_astro/story.js`)',
    );
  });
});

describe('allowInlineScript', () => {
  it("adds the code's SHA-256 to script-src and nothing else", () => {
    const out = allowInlineScript(page(''), 'x()');
    expect(out).toContain("script-src 'self' 'sha256-");
    expect(out).toContain("'sha256-x'; style-src 'self'");
    expect(out.match(/sha256-/g)).toHaveLength(2);
  });

  it('refuses a policy it cannot extend, rather than ship a script the page would block', () => {
    const strict = page('').replace("script-src 'self' 'sha256-x'", "script-src 'none'");
    expect(() => allowInlineScript(strict, 'x()')).toThrow(/script-src 'self'/);
  });
});

describe('lowerScriptPriority', () => {
  it('inlines a small loader with no static imports and allows it by hash', () => {
    const out = lowerScriptPriority(page('<script type="module" src="/_astro/loader.js"></script>'), read);
    expect(out).not.toContain('src="/_astro/loader.js"');
    expect(out).toContain('<script type="module">requestAnimationFrame(()=>import(`/_astro/story.js`))</script>');
    expect(out.match(/sha256-/g)).toHaveLength(2);
  });

  it('keeps a script with static imports external, low priority, its chunks preloaded at low priority', () => {
    const out = lowerScriptPriority(page('<script type="module" src="/_astro/entry.js"></script>'), read);
    expect(out).toContain(
      '<link rel="modulepreload" href="/_astro/shared.js" fetchpriority="low">' +
        '<link rel="modulepreload" href="/_astro/deep.js" fetchpriority="low">' +
        '<link rel="modulepreload" href="/_astro/side.js" fetchpriority="low">' +
        '<script type="module" fetchpriority="low" src="/_astro/entry.js"></script>',
    );
    expect(out.match(/sha256-/g)).toHaveLength(1);
  });

  it('leaves a script it cannot read external and low priority', () => {
    const out = lowerScriptPriority(page('<script type="module" src="/_astro/missing.js"></script>'), read);
    expect(out).toContain('<script type="module" fetchpriority="low" src="/_astro/missing.js"></script>');
  });

  it('reads the HTML, not its spelling: attribute order, quotes and case do not matter', () => {
    const out = lowerScriptPriority(page("<SCRIPT src='/_astro/entry.js' type=module></SCRIPT>"), read);
    expect(out).toContain('<script type="module" fetchpriority="low" src="/_astro/entry.js"></script>');
    expect(out).not.toContain('<SCRIPT');
  });

  it('leaves a script alone that already has a priority, and anything that only looks like a script', () => {
    const html = page(
      '<script type="module" fetchpriority="high" src="/_astro/entry.js"></script>' +
        '<pre>&lt;script type="module" src="/_astro/loader.js"&gt;&lt;/script&gt;</pre>',
    );
    expect(lowerScriptPriority(html, read)).toBe(html);
  });
});
