// One measured step of bench/run.mjs, in a fresh process so its time and peak memory are its own. Prints one JSON line:
// { ms, maxRssMB, ... } where ms covers the work only, not starting Node and loading modules.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [step, input, output] = process.argv.slice(2);
const root = new URL('../', import.meta.url).pathname;
// The root package does not depend on the workspace packages: load them (built) from the packages that do.
const from = (pkg) => createRequire(join(root, 'packages', pkg, 'package.json'));
const load = (pkg, id) => import(pathToFileURL(from(pkg).resolve(id)).href);

function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const steps = {
  // The bare parse the build is compared with: remark-parse with GFM and math, nothing else.
  async bare() {
    const { unified } = await load('markdown', 'unified');
    const [parse, gfm, math] = await Promise.all(['remark-parse', 'remark-gfm', 'remark-math'].map(async (id) => (await load('markdown', id)).default));
    const processor = unified().use(parse).use(gfm).use(math).freeze();
    const files = markdownFiles(input);
    return time(() => {
      let nodes = 0;
      for (const file of files) nodes += processor.parse(readFileSync(file, 'utf8')).children.length;
      return { nodes };
    });
  },
  // The whole build as `mianjing build` does it: read, parse, check, validate, write dataset.json and .jsonl.
  async build1() {
    return build({ jobs: 1 });
  },
  async buildDefault() {
    return build({});
  },
  // `input` is a dataset.json and `output` a folder; NOTES copies of its records, with ids of their own, are exported.
  async anki() {
    const { exportAnki } = await load('exporters', '@mianjing/exporters');
    const { writeFilesAtomic } = await load('cli', '@mianjing/dataset/build');
    const dataset = replicate(JSON.parse(readFileSync(input, 'utf8')), Number(process.env.NOTES));
    return time(async () => {
      const result = await exportAnki(dataset, { timestamp: 1_700_000_000, compress: process.env.STORED !== '1' });
      await writeFilesAtomic(output, result.files);
      return { notes: result.summary.notes };
    });
  },
};

/** The dataset's answered records repeated to `count`, each with an id of its own and no links. */
export function replicate(dataset, count) {
  const answered = dataset.questions.filter((record) => record.status === 'answered');
  const questions = Array.from({ length: count }, (_, i) => ({ ...answered[i % answered.length], id: `bench/q-${i}`, related: [] }));
  return { ...dataset, retired: [], questions, meta: { ...dataset.meta, count, answered: count } };
}

async function build(options) {
  const { buildDataset, datasetFiles, writeFilesAtomic } = await load('cli', '@mianjing/dataset/build');
  return time(async () => {
    const result = await buildDataset(input, options);
    await writeFilesAtomic(output, datasetFiles(result.dataset));
    return { records: result.dataset.questions.length, errors: result.summary.errors };
  });
}

async function time(work) {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  return { ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...value };
}

if (!steps[step]) throw new Error(`unknown step ${step}`);
const result = await steps[step]();
if (process.argv[5]) writeFileSync(process.argv[5], JSON.stringify(result));
console.log(JSON.stringify(result));
