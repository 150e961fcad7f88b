// The development corpus of other people's notes (corpus/): every question its manifest counts by hand is read, each
// hand-picked sample title among them, so a layout the lenient reader handles stays handled.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseNote } from './processor.js';

const root = new URL('../../../', import.meta.url);

interface Row {
  file: string;
  questions: { expected: number; found: number };
  answered: { expected: number; found: number; ok: boolean };
  samples: { missing: string[] };
}

// One test that reads and checks: mutation testing attributes the code a test runs to that test, and work done in a
// shared hook to none.
it('the layout corpus reads every file as its hand count says', async () => {
  // Scored as scripts/score-layouts.mjs scores the CLI's build, so the test and the scorer cannot disagree.
  const { score } = (await import(new URL('scripts/score-layouts.mjs', root).href)) as { score: (manifest: unknown, dataset: unknown) => { rows: Row[]; unexpected: string[] } };
  const manifest: unknown = JSON.parse(readFileSync(new URL('corpus/manifest.json', root), 'utf8'));
  const files = new URL('corpus/files/', root);
  const questions = readdirSync(files)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => parseNote({ path: name, value: readFileSync(new URL(name, files), 'utf8') }, { mode: 'lenient' }).data.records!);
  const { rows, unexpected } = score(manifest, { questions });

  expect(rows).toHaveLength(44);
  expect(unexpected).toEqual([]);
  expect(rows.filter((row) => row.questions.found !== row.questions.expected).map((row) => [row.file, row.questions])).toEqual([]);
  // Answered counts involve calls the manifest marks as borderline (a bold statement read as a question), so they are
  // held to the scorer's tolerance, |found − expected| ≤ max(2, 15 %).
  expect(rows.filter((row) => !row.answered.ok).map((row) => [row.file, row.answered])).toEqual([]);
  expect(rows.filter((row) => row.samples.missing.length > 0).map((row) => [row.file, row.samples.missing])).toEqual([]);
});
