import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, type Content, type RawContent, type RawFile } from './check-content.ts';
import { parse as parseYaml } from 'yaml';
import type { ChartsConfig } from './charts-schema.ts';
import { checkCharts } from './check-charts.ts';
import { ContentError } from './errors.ts';
import { makeUi, uiSchema, type Ui } from './ui-schema.ts';
import { validateEntry } from './validate.ts';

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

/** The files in a folder of the content with a given ending, sorted by name (none if the folder is missing). */
function namesIn(dir: string, folder: string, ending: string): string[] {
  try {
    return readdirSync(join(dir, folder))
      .filter((n) => n.endsWith(ending))
      .sort();
  } catch {
    return [];
  }
}

/** Reads every content file from disk. All checking is done by the pure checkContent. */
export function readRawContent(dir = contentDir()): RawContent {
  return {
    article: read(dir, 'article.yaml'),
    updates: read(dir, 'updates.yaml'),
    sources: read(dir, 'sources.yaml'),
    events: read(dir, 'events.yaml'),
    charts: read(dir, 'charts.yaml'),
    ui: read(dir, 'ui.yaml'),
    sections: namesIn(dir, 'story', '.md').map((n) => read(dir, join('story', n))),
    data: namesIn(dir, 'data', '.csv').map((n) => read(dir, join('data', n))),
    // The teaching page is optional: a story without teach.md has none.
    ...(existsSync(join(dir, 'teach.md')) ? { teach: read(dir, 'teach.md') } : {}),
  };
}

/** The checked content of a story folder (content/, or CONTENT_DIR). Read afresh each time: checking takes milliseconds, and dev reloads stay current. */
export function loadContent(dir = contentDir()): Content {
  return checkContent(readRawContent(dir));
}

/** Only charts.yaml, checked: for components that need a chart's kind or download, not the whole story. */
export function loadChartsConfig(dir = contentDir()): ChartsConfig {
  const raw = read(dir, 'charts.yaml');
  const checked = checkCharts(raw.file, parseYaml(raw.text));
  if (!checked.charts || checked.problems.length > 0) throw new ContentError(checked.problems);
  return checked.charts;
}

/** Only ui.yaml, checked: the interface's words, for components that need no more of the story. */
export function loadUi(dir = contentDir()): Ui {
  const raw = read(dir, 'ui.yaml');
  let parsed: unknown;
  try {
    parsed = parseYaml(raw.text);
  } catch {
    throw new ContentError([{ file: raw.file, entry: '(file)', field: '(YAML)', expected: 'valid YAML' }]);
  }
  const checked = validateEntry(uiSchema, raw.file, 'ui', parsed);
  if (!checked.data) throw new ContentError(checked.problems);
  return makeUi(checked.data);
}
