/**
 * The story's corrections (issue "The story, second edition", content/updates.yaml) held against the
 * built site: every page, embed, chart JSON and data file. Each wrong wording that was published once
 * is named here, so that it cannot come back. The updates log itself is left out: it names the errors
 * it corrects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSUPPORTED_VERBS } from '../story-rules.ts';
import { filesUnder } from '../../tools/lib/files-under.ts';

const DIST = process.env['DIST_DIR'] ?? 'dist';

const files = (dir: string): string[] => filesUnder(dir, /\.(html|json|csv|xml|txt)$/);

/** What a reader can read in a built file: tags, the updates log and entities out, quotes straightened. */
function readable(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/<section class="updates"[\s\S]*?<\/section>/g, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;|&rsquo;|[‘’]/g, "'")
    .replace(/&quot;|[“”]/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const site = files(DIST).map((file) => ({ file, text: readable(file) }));

/** Each correction: the wrong words (a pattern) and why they are wrong. */
const WRONG: { what: string; pattern: RegExp }[] = [
  { what: 'Yellen named China on 13 April 2022 (E11)', pattern: /(did not|didn't|without) nam(e|ing) China/i },
  {
    what: 'MOFCOM was asked about firms pressed to condemn Russia, not about pulling back (E12)',
    pattern: /(statements|quiet|silent) about pulling back|should not talk about it/i,
  },
  {
    what: 'consumer devices were neither banned nor simply covered (E2, E33)',
    pattern: /could still count as covered|(phones|laptops)[^.]{0,40}\b(were|was) (banned|exempt)\b/i,
  },
  {
    what: 'Price (3 February) warned companies too, not only Raimondo',
    pattern: /warnings aimed at companies came from Commerce Secretary/i,
  },
  { what: 'no source says the steepest falls were in electronics', pattern: /steepest falls were in electronics/i },
  {
    what: 'year-on-year growth from July 2022 held until early 2024, or through June 2023 in our data',
    pattern: /every month's exports were higher than in the same month a year earlier/i,
  },
  { what: 'the 42% Xiaomi share is MTS data via Kommersant (F14)', pattern: /one industry count/i },
  {
    what: '"a complete fake" was a named commentator (E16), not unnamed Russian commentators',
    pattern: /Some Russian commentators dismissed/i,
  },
  { what: 'the 8 March Raimondo fact has a stronger source than a partisan outlet', pattern: /theepochtimes\.com/i },
];

describe('corrections stay corrected in the built site', () => {
  it('builds pages to check', () => {
    expect(site.filter((f) => f.file.endsWith('.html')).length).toBeGreaterThan(4);
  });

  for (const { what, pattern } of WRONG) {
    it(what, () => {
      const hits = site.filter((f) => pattern.test(f.text)).map((f) => `${f.file}: ${f.text.match(pattern)?.[0]}`);
      expect(hits).toEqual([]);
    });
  }

  it('names the commentator who called the report fake, and says he is not an official', () => {
    const story = site.find((f) => f.file === join(DIST, 'index.html'))!.text;
    const at = story.indexOf('a complete fake');
    expect(at).toBeGreaterThan(-1);
    const around = story.slice(Math.max(0, at - 200), at + 300);
    expect(around).toMatch(/Sergey Vilianov/);
    expect(around).toMatch(/not an official/);
  });

  it('says where a rounded number comes from: April 2022 in our data beside Reuters’ “about $3.8bn”', () => {
    const story = site.find((f) => f.file === join(DIST, 'index.html'))!.text;
    expect(story).toMatch(/\$3\.77bn[^.]*Reuters rounded it|\$3\.77bn in our data and about \$3\.8bn/);
  });
});

describe('reader-facing titles say what the firms did', () => {
  const titles = site
    .filter((f) => f.file.endsWith('.html'))
    .flatMap(({ file }) => {
      const html = readFileSync(file, 'utf8');
      const found = [
        ...html.matchAll(/<title>([^<]*)<\/title>/g),
        ...html.matchAll(/<meta (?:property|name)="(?:og:title|twitter:title|og:site_name|author)" content="([^"]*)"/g),
        ...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g),
        ...html.matchAll(/"(?:headline|name)":"([^"]*)"/g),
      ];
      return found.map((m) => ({ file, title: (m[1] ?? '').replace(/<[^>]+>/g, '').trim() }));
    });

  it('finds the titles of every page and embed', () => {
    expect(titles.length).toBeGreaterThan(10);
  });

  it('no title, headline, site name or credit says the firms exited, left or quit', () => {
    expect(titles.filter((t) => UNSUPPORTED_VERBS.test(t.title))).toEqual([]);
  });

  it('the verb list catches the old headline', () => {
    expect(UNSUPPORTED_VERBS.test('The quiet exit')).toBe(true);
    expect(UNSUPPORTED_VERBS.test('Chinese firms leave Russia')).toBe(true);
    expect(UNSUPPORTED_VERBS.test('The quiet cutback')).toBe(false);
  });
});
