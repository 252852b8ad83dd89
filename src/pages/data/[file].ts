/** The story's data files, downloadable as they are in content/data/ (CSV files and their provenance README). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { contentDir } from '../../build/content/read-content.ts';

const dataDir = () => join(contentDir(), 'data');

export const getStaticPaths = (() =>
  readdirSync(dataDir())
    .filter((name) => /\.(csv|md)$/.test(name))
    .map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = params['file'] ?? '';
  const type = file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8';
  return new Response(readFileSync(join(dataDir(), file), 'utf8'), { headers: { 'Content-Type': type } });
};
