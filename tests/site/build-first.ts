/**
 * The site project reads the built site, so it builds it first: `vitest run --project site` works on a
 * fresh clone. `npm test` has just built dist/ and says so (QUIET_EXIT_BUILT=1); DIST_DIR names a
 * site built elsewhere. Either way, nothing is rebuilt.
 */
import { astroBuild } from './astro-build.ts';

export default function buildFirst() {
  if (process.env['QUIET_EXIT_BUILT'] === '1' || process.env['DIST_DIR']) return;
  const build = astroBuild([], { stdio: 'inherit' });
  if (build.status !== 0) {
    throw Object.assign(new Error('The build failed: the site tests read dist/ and were not run.'), { stack: '' });
  }
}
