/** Story markdown may hold markdown and a few harmless elements, never raw HTML or script links. */
import { describe, expect, it } from 'vitest';
import { unsafeMarkdown } from '../../src/build/content/markdown-safety.ts';

const file = 'content/story/01-x.md';
const fields = (text: string) => unsafeMarkdown(file, 'x', text).map((p) => `${p.field} ${p.got}`);

describe('unsafeMarkdown', () => {
  it('accepts markdown, step markers, comments and the allowed elements', () => {
    const text = [
      '---',
      'title: "<script>in YAML is not markdown</script>"',
      '---',
      'Intro with a [source](#source-S4), a [site](https://example.org/a) and <https://example.org>.',
      '',
      '<!-- step: first -->',
      'CO<sub>2</sub>, 10<sup>3</sup>, <abbr title="Bureau of Industry and Security">BIS</abbr>,<br>',
      '[example.org](https://www.example.org/page) and [mail](mailto:desk@example.org).',
    ].join('\n');
    expect(fields(text)).toEqual([]);
  });

  it.each([
    ['a script', '<script>alert(1)</script>', '<script>'],
    ['an event handler', 'A picture <img src=x onerror=alert(1)> here.', 'onerror'],
    ['a javascript: link', 'A [link](javascript:alert(1)).', 'javascript:'],
    ['a javascript: link hidden by a tab', 'A [link](java&#9;script:alert(1)).', 'script:'],
    ['a javascript: reference link', '[r]: javascript:alert(1)\n\nA [link][r].', 'javascript:'],
    ['an iframe', '<iframe src="https://example.org"></iframe>', '<iframe'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://example.org">', 'refresh'],
    ['an allowed element with a handler', '<sup onclick="x()">1</sup>', 'onclick'],
    ['a look-alike link', 'See [www.gov.uk](https://example.org/phish).', 'gov.uk'],
  ])('refuses %s, naming the file and line', (_, markdown, shown) => {
    const problems = unsafeMarkdown(file, 'x', `---\ntitle: T\n---\nFirst line.\n\n${markdown}\n`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file, entry: 'x', field: 'line 6' });
    expect(problems.map((p) => p.got).join(' ')).toContain(shown);
  });
});
