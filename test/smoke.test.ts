// Packaging is checked, not hoped: pack every package, install the tarballs into an empty project with npm
// (no workspace links), and use them the way a user would. Needs the packages built (`pnpm test` does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const built = ['schema', 'parser', 'dataset', 'exporters', 'cli'].every((name) => existsSync(join(root, 'packages', name, 'dist')));
let project: string;
let count: number;
/** Records merged into others: the deck keeps their notes, tagged, so users' review history is not lost. */
let retired: number;

const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(!built)('the packed packages, installed with npm', () => {
  beforeAll(() => {
    const packs = mkdtempSync(join(tmpdir(), 'mianjing-packs-'));
    for (const name of readdirSync(join(root, 'packages'))) {
      execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: join(root, 'packages', name), stdio: 'ignore' });
    }
    project = mkdtempSync(join(tmpdir(), 'mianjing-consumer-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const tarballs = readdirSync(packs).map((file) => join(packs, file));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs]);
    const built = JSON.parse(readFileSync(join(root, 'packages', 'dataset', 'data', 'dataset.json'), 'utf8')) as { meta: { count: number }; retired: unknown[] };
    count = built.meta.count;
    retired = built.retired.length;
  }, 300_000);

  it('imports the dataset from ESM and requires it from CommonJS', () => {
    const esm = run('node', ['--input-type=module', '-e', "import { questions, meta } from '@mianjing/dataset'; console.log(questions.length, meta.count)"]);
    const cjs = run('node', ['--input-type=commonjs', '-e', "const { questions, meta } = require('@mianjing/dataset'); console.log(questions.length, meta.count)"]);
    expect(esm.trim()).toBe(`${count} ${count}`);
    expect(cjs.trim()).toBe(`${count} ${count}`);
  });

  it('resolves the raw files by subpath', () => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      "const paths = ['dataset.json', 'dataset.jsonl', 'schema.json', 'package.json'].map((f) => import.meta.resolve('@mianjing/dataset/' + f));",
      "const lines = readFileSync(new URL(paths[1]), 'utf8').trimEnd().split('\\n').length;",
      "const schema = JSON.parse(readFileSync(new URL(paths[2]), 'utf8'));",
      'console.log(lines, schema.$schema);',
    ].join('\n');
    expect(run('node', ['--input-type=module', '-e', script]).trim()).toBe(`${count} https://json-schema.org/draft/2020-12/schema`);
    expect(run('node', ['--input-type=commonjs', '-e', "console.log(require('@mianjing/dataset/package.json').name)"]).trim()).toBe('@mianjing/dataset');
  });

  it('type-checks a consumer under moduleResolution nodenext and bundler', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { dataset, meta, questions, type QuestionRecord } from '@mianjing/dataset';",
        "import { Dataset, validateWithJsonSchema } from '@mianjing/schema';",
        "import { exportCsv } from '@mianjing/exporters';",
        'const first: QuestionRecord | undefined = questions[0];',
        'const answered: number = questions.filter((q) => q.status === "answered").length;',
        'const version: string = meta.schemaVersion;',
        'const csv = exportCsv(Dataset.parse({ meta, questions }));',
        // The package's own readonly dataset goes straight into an exporter (TS4104 before ReadonlyDataset).
        'const direct = exportCsv(dataset);',
        'export const summary = [first?.id, answered, version, csv.files.length, direct.summary.rows, validateWithJsonSchema({}).length];',
      ].join('\n'),
    );
    writeFileSync(join(project, 'consumer-cjs.cts'), "import data = require('@mianjing/dataset');\nexport const n: number = data.questions.length + data.meta.count;\n");
    for (const [resolution, module, files] of [
      ['nodenext', 'nodenext', ['consumer.ts', 'consumer-cjs.cts']],
      ['bundler', 'esnext', ['consumer.ts']],
    ] as const) {
      const args = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', module, '--moduleResolution', resolution, ...files];
      expect(() => run(tsc, args), `tsc --moduleResolution ${resolution}`).not.toThrow();
    }
  });

  it('runs the installed CLI on the installed dataset', async () => {
    expect(run('npx', ['mianjing', 'check'])).toBe('');
    run('npx', ['mianjing', 'export', 'anki', '--dataset', 'node_modules/@mianjing/dataset/data/dataset.json', '--out', 'deck.apkg', '--no-cache']);
    // Info-ZIP's unzip checks the archive; sql.js (installed with the exporters) opens the collection.
    expect(run('unzip', ['-t', 'deck.apkg'])).toContain('No errors detected');
    run('unzip', ['-o', 'deck.apkg', 'collection.anki2']);
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import initSqlJs from 'sql.js';",
      'const SQL = await initSqlJs();',
      "const db = new SQL.Database(readFileSync('collection.anki2'));",
      "console.log(db.exec('select count(*) from notes')[0].values[0][0]);",
    ].join('\n');
    expect(Number(run('node', ['--input-type=module', '-e', script]).trim())).toBe(count + retired);
  });
});
