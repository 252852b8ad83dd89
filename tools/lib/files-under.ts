import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder, at any depth, as paths that start with `dir` (forward slashes), optionally
 * only those whose name matches. Node's recursive readdir does the walking; the one definition the tests,
 * tools and the headers integration share.
 */
export function filesUnder(dir: string, name: RegExp = /./): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).replace(/\\/g, '/'))
    .sort();
}
