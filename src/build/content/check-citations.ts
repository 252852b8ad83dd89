import { show, type ContentProblem } from './errors.ts';

/** Links in story markdown to the source list: [text](#source-S4). */
const SOURCE_LINK = /\]\(#source-([A-Za-z0-9-]+)\)/g;

export function citedSourceIds(markdown: string): string[] {
  return [...markdown.matchAll(SOURCE_LINK)].map((m) => m[1] ?? '');
}

/**
 * Every citation must name a listed source, and every step must cite at least one:
 * a step states facts, and each fact carries its source.
 */
export function checkCitations(
  file: string,
  section: string,
  blocks: { field: string; markdown: string; mustCite: boolean }[],
  sourceIds: ReadonlySet<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { field, markdown, mustCite } of blocks) {
    const cited = citedSourceIds(markdown);
    for (const id of cited) {
      if (!sourceIds.has(id)) {
        problems.push({ file, entry: section, field, expected: 'a link #source-<id> to a source listed in sources.yaml', got: show(`#source-${id}`) });
      }
    }
    if (mustCite && cited.length === 0) {
      problems.push({ file, entry: section, field, expected: 'at least one citation, a link like [publisher](#source-S4)', got: 'none' });
    }
  }
  return problems;
}
