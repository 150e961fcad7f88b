// Builds the bundled notes into data/ (this package's `build` script). Fails on any content error.
import { formatMessage } from '@mianjing/parser';
import { buildDataset } from './build.js';
import { datasetFiles } from './outputs.js';
import { bundledContentDir, bundledDatasetInfo, dataDir } from './paths.js';
import { writeFilesAtomic } from './write.js';

const result = await buildDataset(bundledContentDir, bundledDatasetInfo());
for (const file of result.files) {
  for (const message of file.messages) console.error(formatMessage(`content/${file.path}`, message));
}
if (result.summary.errors > 0) {
  console.error(`${result.summary.errors} error(s) in content/: run \`pnpm mianjing check\` for details.`);
  process.exit(1);
}
await writeFilesAtomic(dataDir, datasetFiles(result.dataset));
console.log(`@mianjing/dataset: ${result.summary.questions} questions (${result.summary.answered} answered) from ${result.summary.files} notes`);
