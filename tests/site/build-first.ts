/**
 * The site project reads the built site, so it builds it first: `vitest run --project site` works on a
 * fresh clone. `npm test` has just built dist/ and says so (QUIET_EXIT_BUILT=1); DIST_DIR names a
 * site built elsewhere. Either way, nothing is rebuilt.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export default function buildFirst() {
  if (process.env['QUIET_EXIT_BUILT'] === '1' || process.env['DIST_DIR']) return;
  // astro's exports map hides its bin/ folder: find the package through its package.json and its "bin" field.
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('astro/package.json');
  const astro = join(dirname(manifest), (require(manifest) as { bin: { astro: string } }).bin.astro);
  const build = spawnSync(process.execPath, [astro, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    throw Object.assign(new Error('The build failed: the site tests read dist/ and were not run.'), { stack: '' });
  }
}
