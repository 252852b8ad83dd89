import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../tools/serve.mjs';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../../tools/lib/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the built site once for every e2e file. */
export default async function setup(project: TestProject) {
  const dir = process.env['DIST_DIR'] ?? 'dist';
  if (!existsSync(`${dir}/index.html`)) {
    throw Object.assign(new Error(`${dir}/ is missing: run \`npm run build\` first (npm test does).`), { stack: '' });
  }
  if (!findChromium()) throw Object.assign(new Error(HOW_TO_GET_CHROMIUM), { stack: '' });
  const server = (await serve({ dir, port: 0 })) as { url: string; close: () => Promise<void> };
  project.provide('baseUrl', server.url);
  return () => server.close();
}
