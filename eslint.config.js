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
    ignores: ['src/browser/scroll-controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'd3', message: 'Import the d3 submodule you need (d3-scale, d3-shape, d3-selection, ...).' },
            {
              name: 'scrollama',
              message: 'Only src/browser/scroll-controller.ts imports scrollama; use its controller.',
            },
          ],
        },
      ],
    },
  },
  {
    // Code in the reader's browser and code that runs at build meet only in src/shared/.
    files: ['src/browser/**'],
    ignores: ['src/browser/scroll-controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'scrollama', message: 'Only src/browser/scroll-controller.ts imports scrollama.' }],
          patterns: [{ group: ['**/build/**'], message: 'Browser code may import src/shared/, never src/build/.' }],
        },
      ],
    },
  },
  {
    files: ['src/browser/scroll-controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/build/**'], message: 'Browser code may import src/shared/, never src/build/.' }] },
      ],
    },
  },
  {
    files: ['src/build/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/browser/**'], message: 'Build code runs in Node: it may not import src/browser/.' }],
        },
      ],
    },
  },
);
