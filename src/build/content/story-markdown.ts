import { parse as parseYaml } from 'yaml';
import { show, type ContentProblem } from './errors.ts';

/** A story section file split into its parts: frontmatter, intro prose and one block per step. */
export interface SplitSection {
  frontmatter: unknown;
  intro: string;
  blocks: { id: string; body: string }[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
/** A step's text starts at `<!-- step: <id> -->` on a line of its own and runs to the next one. */
const STEP_MARKER = /^<!--\s*step:\s*(\S+)\s*-->\s*$/gm;

export function splitSection(
  file: string,
  entry: string,
  source: string,
): { section?: SplitSection; problems: ContentProblem[] } {
  const fm = FRONTMATTER.exec(source);
  if (!fm) {
    return {
      problems: [{ file, entry, field: '(frontmatter)', expected: 'a YAML block between --- lines at the top' }],
    };
  }
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(fm[1] ?? '');
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { problems: [{ file, entry, field: '(frontmatter)', expected: 'valid YAML', got: show(why) }] };
  }
  const body = source.slice(fm[0].length);
  const markers = [...body.matchAll(STEP_MARKER)];
  const intro = body.slice(0, markers[0]?.index ?? body.length).trim();
  const blocks = markers.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = markers[i + 1]?.index ?? body.length;
    return { id: m[1] ?? '', body: body.slice(start, end).trim() };
  });
  return { section: { frontmatter, intro, blocks }, problems: [] };
}

/** Each step in the frontmatter needs exactly one text block in the body, in the same order, and vice versa. */
export function matchStepBlocks(
  file: string,
  entry: string,
  stepIds: readonly string[],
  blocks: readonly { id: string; body: string }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const blockIds = blocks.map((b) => b.id);
  stepIds.forEach((id, i) => {
    if (!blockIds.includes(id)) {
      problems.push({
        file,
        entry,
        field: `steps.${i}.id`,
        expected: `a text block in the body starting with <!-- step: ${id} -->`,
        got: 'no such block',
      });
    }
  });
  blocks.forEach((b) => {
    if (!stepIds.includes(b.id)) {
      problems.push({
        file,
        entry,
        field: `<!-- step: ${b.id} -->`,
        expected: 'a step with this id in the frontmatter',
        got: 'no such step',
      });
    } else if (b.body === '') {
      problems.push({
        file,
        entry,
        field: `<!-- step: ${b.id} -->`,
        expected: 'some text for the step',
        got: 'nothing',
      });
    }
  });
  if (problems.length === 0 && blockIds.join() !== stepIds.join()) {
    problems.push({
      file,
      entry,
      field: 'steps',
      expected: `the same order as the text blocks (${blockIds.join(', ')})`,
      got: show(stepIds.join(', ')),
    });
  }
  return problems;
}
