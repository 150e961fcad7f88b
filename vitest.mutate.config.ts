import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Mutation testing runs the source tests of the mutated packages only: no test that runs compiled code (worker
// threads, the CLI's bin, packed packages), which would test dist/ rather than the mutant.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    include: ['packages/{parser,dataset,exporters,markdown,schema}/src/**/*.test.ts', 'packages/exporters/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/exporters/test/anki-import.test.ts'],
    testNamePattern: '^(?!.*(worker threads|may not read)).*$',
  },
});
