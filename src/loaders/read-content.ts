import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, type Content, type RawContent, type RawFile } from '../lib/content/check-content.ts';
import { ContentError } from '../lib/content/errors.ts';

/** Where the content lives. Tests point CONTENT_DIR at broken fixtures to prove the build refuses them. */
export function contentDir(): string {
  return process.env['CONTENT_DIR'] ?? join(process.cwd(), 'content');
}

function read(dir: string, path: string): RawFile {
  const full = join(dir, path);
  const file = relative(process.cwd(), full) || full;
  try {
    return { file, text: readFileSync(full, 'utf8') };
  } catch {
    throw new ContentError([
      { file, entry: '(file)', field: '(file)', expected: 'this file to exist and be readable', got: 'no such file' },
    ]);
  }
}

/** Reads every content file from disk. All checking is done by the pure checkContent. */
export function readRawContent(dir = contentDir()): RawContent {
  let sectionNames: string[];
  try {
    sectionNames = readdirSync(join(dir, 'story'))
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch {
    sectionNames = [];
  }
  return {
    article: read(dir, 'article.yaml'),
    updates: read(dir, 'updates.yaml'),
    sources: read(dir, 'sources.yaml'),
    events: read(dir, 'events.yaml'),
    sections: sectionNames.map((n) => read(dir, join('story', n))),
    series: read(dir, 'data/china-exports-to-russia-monthly.csv'),
    categories: read(dir, 'data/category-drops.csv'),
    yearOnYear: read(dir, 'data/year-on-year-exports.csv'),
    teach: read(dir, 'teach.md'),
  };
}

/** The checked content. Read afresh each time: checking takes milliseconds, and dev reloads stay current. */
export function loadContent(): Content {
  return checkContent(readRawContent(contentDir()));
}
