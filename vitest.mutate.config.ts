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
    // Tests that only show scale (a 100,000-row table, a 5 MB line, thousands of files) take a minute per mutant: left out.
    testNamePattern: '^(?!.*(worker threads|may not read|100,000-row table|5 MB single line|thousands of files)).*$',
  },
});
