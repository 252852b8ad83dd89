import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/render/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Reads the built site (byte budgets, metadata): builds it first unless npm test just did.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/build-first.ts'],
          environment: 'node',
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: one browser at a time keeps runs steady.
          fileParallelism: false,
        },
      },
    ],
  },
});
