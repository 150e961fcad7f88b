// `pnpm mutate`: StrykerJS mutation testing of the parser, the dataset build and the exporters (and the Markdown path
// and schema they rely on). Too slow for CI (about three hours on two cores for all of it, half an hour for the
// exporters alone); the score and the surviving mutants are reported in reports/mutation/. `pnpm mutate --mutate 'packages/exporters/src/csv.ts'` narrows it down.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/parser/src/**/*.ts',
    'packages/dataset/src/**/*.ts',
    'packages/exporters/src/**/*.ts',
    'packages/markdown/src/html.ts',
    'packages/schema/src/*.ts',
    '!**/*.test.ts',
    '!packages/*/src/index.ts',
    '!packages/*/src/index.cts',
    '!packages/dataset/src/bundle.ts',
    '!packages/schema/src/emit-schema.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
