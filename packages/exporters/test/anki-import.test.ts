// A user's real upgrade, checked with Anki 2.1.15's own importer (../shared/anki): the deck built from the commit
// before records were made standalone (fixtures/mianjing-0.1.0.apkg) is imported into a fresh collection, then
// today's deck over it. Every old note must be updated in place (same GUID, same note type), the merged ids must be
// tagged retired, and nothing duplicated. Skipped where ../shared/anki or its Python modules are absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, Dataset as DatasetSchema } from '@mianjing/schema';
import { exportAnki } from '../src/anki/export.js';
import { outputBytes } from '../src/output.js';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const harness = join(root, '..', 'shared', 'anki', 'import_apkg.py');
const python = '/usr/bin/python3';
const ready = existsSync(harness) && spawnSync(python, ['-c', 'import decorator, requests, bs4, distro, markdown'], { stdio: 'ignore' }).status === 0;

interface Import {
  ok: boolean;
  added: number;
  updated: number;
  dupes: number;
  ignored_schema_changed: number;
}
interface Summary {
  notes: number;
  cards: number;
  dup_card_ords: number;
  tag_search_hits: Record<string, number>;
  note_types: Array<{ id: number; name: string; notes: number }>;
}

describe.skipIf(!ready)('upgrading a collection with the real Anki importer', () => {
  it('updates every note of the 0.1.0 deck in place, tags the retired ones, and duplicates nothing', async () => {
    const dataset: Dataset = DatasetSchema.parse(JSON.parse(readFileSync(join(root, 'packages', 'dataset', 'data', 'dataset.json'), 'utf8')));
    // Later than every note of the old deck (their mod is the time of their last commit before this change).
    const result = await exportAnki(dataset, { modTime: () => 1_796_515_200 });
    const work = mkdtempSync(join(tmpdir(), 'mianjing-upgrade-'));
    const deck = join(work, 'mianjing.apkg');
    writeFileSync(deck, outputBytes(result.files[0]!.data));
    const run = spawnSync(python, [harness, join(root, 'packages', 'exporters', 'test', 'fixtures', 'mianjing-0.1.0.apkg'), deck], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { import1: Import; import2: Import; after_import1: Summary; after_import2: Summary };

    const answered = dataset.questions.filter((q) => q.status === 'answered').length;
    expect(report.import1).toMatchObject({ ok: true, added: 101 });
    expect(report.after_import1.notes).toBe(101);
    // All 101 old notes (the two merged ones included) are updated; only the new questions are added.
    expect(report.import2).toMatchObject({ ok: true, updated: 101, dupes: 0, ignored_schema_changed: 0 });
    expect(report.import2.added).toBe(answered + dataset.retired.length - 101);
    expect(report.after_import2.notes).toBe(answered + dataset.retired.length);
    expect(report.after_import2.cards).toBe(report.after_import2.notes);
    expect(report.after_import2.dup_card_ords).toBe(0);
    expect(report.after_import2.note_types).toEqual([expect.objectContaining({ id: 1_718_361_902_117, name: 'mianjing 面经', notes: answered + dataset.retired.length })]);
    expect(report.after_import2.tag_search_hits['mianjing::retired']).toBe(dataset.retired.length);
    expect(dataset.retired.length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
