/**
 * One problem found in the content, precise enough for a writer to fix it:
 * which file, which entry in it, which field, what was expected and what was found.
 */
export interface ContentProblem {
  file: string;
  entry: string;
  field: string;
  expected: string;
  got?: string;
}

export function describeProblem(p: ContentProblem): string {
  const got = p.got === undefined ? '' : `, got ${p.got}`;
  return `${p.file}, entry "${p.entry}", field "${p.field}": expected ${p.expected}${got}`;
}

/**
 * Thrown when content is invalid. Its stack is cleared on purpose: Astro then prints
 * only the message, which is what a writer needs, and the build stops before any page is written.
 */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const lines = problems.map(describeProblem);
    const head = problems.length === 1 ? 'Invalid content:' : `Invalid content (${problems.length} problems):`;
    super(`${head}\n  ${lines.join('\n  ')}`);
    this.name = 'ContentError';
    this.problems = problems;
    this.stack = '';
  }
}

/** Shows a found value briefly and unambiguously in a message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
