/**
 * Runs `astro build` with the project's own astro, as the site tests need it: the site itself, a second story
 * from its own content folder, or a story with a pseudo-localised ui.yaml. Returns the finished run.
 */
import { spawnSync, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function astroBuild(
  args: readonly string[] = [],
  o: { env?: Record<string, string>; stdio?: StdioOptions } = {},
): SpawnSyncReturns<string> {
  // astro's exports map hides its bin/ folder: find the package through its package.json and its "bin" field.
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('astro/package.json');
  const astro = join(dirname(manifest), (require(manifest) as { bin: { astro: string } }).bin.astro);
  return spawnSync(process.execPath, [astro, 'build', ...args], {
    encoding: 'utf8',
    stdio: o.stdio,
    env: { ...process.env, ...o.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
