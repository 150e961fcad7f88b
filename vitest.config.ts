import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the "@mianjing/source" export
// condition), so `vitest` runs without building first.
export default defineConfig({
  resolve: { conditions: ['@mianjing/source'] },
  ssr: { resolve: { conditions: ['@mianjing/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
