import type { z } from 'zod';
import { show, type ContentProblem } from './errors.ts';

/** Reads the value at a zod issue path from the raw entry, to show what was found. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Turns zod's issues for one entry into problems that name the file, entry and field. */
export function issuesToProblems(
  file: string,
  entry: string,
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    const field = issue.path.map(String).join('.') || '(entry)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        entry,
        field: field === '(entry)' ? key : `${field}.${key}`,
        expected: 'no such field (check the spelling against the schema)',
        got: show(valueAt(raw, [...issue.path, key])),
      }));
    }
    return [{ file, entry, field, expected: issue.message, got: show(valueAt(raw, issue.path)) }];
  });
}

/** Validates one entry against its schema: the parsed data, or the problems. */
export function validateEntry<S extends z.ZodType>(
  schema: S,
  file: string,
  entry: string,
  raw: unknown,
): { data?: z.infer<S>; problems: ContentProblem[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, problems: [] };
  return { problems: issuesToProblems(file, entry, raw, result.error.issues) };
}

/** Validates a list of entries that carry an `id`, also rejecting duplicate ids. */
export function validateList<S extends z.ZodType>(
  schema: S,
  file: string,
  raw: unknown,
): { data: z.infer<S>[]; problems: ContentProblem[] } {
  if (!Array.isArray(raw)) {
    return {
      data: [],
      problems: [{ file, entry: '(file)', field: '(top level)', expected: 'a list of entries', got: show(raw) }],
    };
  }
  const data: z.infer<S>[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    const entry = typeof id === 'string' ? id : `#${i + 1}`;
    if (typeof id === 'string') {
      if (seen.has(id)) problems.push({ file, entry, field: 'id', expected: 'an id used only once', got: show(id) });
      seen.add(id);
    }
    const r = validateEntry(schema, file, entry, item);
    problems.push(...r.problems);
    if (r.data !== undefined) data.push(r.data);
  });
  return { data, problems };
}
