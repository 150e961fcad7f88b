import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the "@mianjing/source" export condition). Some also
// run compiled code (worker threads, the CLI, the bundled data): the global setup refuses to start when dist/ is stale.
export default defineConfig({
  resolve: { conditions: ['@mianjing/source'] },
  ssr: { resolve: { conditions: ['@mianjing/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
