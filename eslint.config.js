// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', '.debug/', 'node_modules/', 'bench/results*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'd3', message: 'Import the d3 submodule you need (d3-scale, d3-shape, d3-selection, ...).' }],
        },
      ],
    },
  },
  {
    // Only the scroll controller may talk to scrollama.
    files: ['**/*.ts', '**/*.astro', '**/*.js', '**/*.mjs'],
    ignores: ['src/scroll/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'd3', message: 'Import the d3 submodule you need (d3-scale, d3-shape, d3-selection, ...).' },
            { name: 'scrollama', message: 'Only src/scroll/ imports scrollama; use its controller.' },
          ],
        },
      ],
    },
  },
);
