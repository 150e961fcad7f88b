// The bundled notes: they check clean, every record is answered, and every question of the seed documents
// the project started from is answered by a record (content/coverage.yml says which).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { severityOf } from '@mianjing/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDataset } from './build.js';
import { bundledContentDir } from './paths.js';

const contentDir = bundledContentDir;
// The seed documents sit beside the repository (../shared/seeds) on developer machines and in CI.
const seedsDir = join(contentDir, '..', '..', 'shared', 'seeds');

interface SeedEntry {
  seed: string;
  question: string;
  id: string;
}
interface CanonEntry {
  canon: string;
  id?: string;
  skip?: string;
}

const entries = parse(readFileSync(join(contentDir, 'coverage.yml'), 'utf8')) as Array<SeedEntry | CanonEntry>;
const coverage = entries.filter((entry): entry is SeedEntry => 'seed' in entry);
const canonCoverage = entries.filter((entry): entry is CanonEntry => 'canon' in entry);
// The canon sits beside the repository (../shared/canon) on developer machines and in CI.
const canonFile = join(contentDir, '..', '..', 'shared', 'canon', 'canon.json');
// The content issues done so far cover these groups of the canon.
const COVERED_GROUPS = ['dl-foundations', 'llm'];
let result: Awaited<ReturnType<typeof buildDataset>>;

beforeAll(async () => {
  result = await buildDataset(contentDir);
});

describe('content/', () => {
  it('is read in canonical mode and has no problems at all', () => {
    expect(result.mode).toBe('canonical');
    const problems = result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column}: ${severityOf(m)} ${m.reason} [${m.ruleId}]`));
    expect(problems).toEqual([]);
  });

  it('answers every question it asks', () => {
    expect(result.dataset.questions.filter((q) => q.status !== 'answered').map((q) => q.id)).toEqual([]);
  });

  it('maps every coverage entry to an existing record', () => {
    const ids = new Set(result.dataset.questions.map((q) => q.id));
    expect(coverage.filter((entry) => !ids.has(entry.id))).toEqual([]);
  });

  it('lists each seed question once in the coverage file', () => {
    const keys = coverage.map((entry) => `${entry.seed}: ${entry.question}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('tags every record that covers the interview list with 面经', () => {
    const byId = new Map(result.dataset.questions.map((q) => [q.id, q]));
    const untagged = coverage.filter((entry) => entry.seed === 'InterviewSumm.md' && !byId.get(entry.id)?.tags.includes('面经'));
    expect(untagged).toEqual([]);
  });
});

describe('the canon coverage in content/coverage.yml', () => {
  it('maps each item once, to an answered record or a reason to skip it', () => {
    const answered = new Set(result.dataset.questions.filter((q) => q.status === 'answered').map((q) => q.id));
    const keys = canonCoverage.map((entry) => entry.canon);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(canonCoverage.filter((entry) => (entry.id === undefined) === (entry.skip === undefined))).toEqual([]);
    expect(canonCoverage.filter((entry) => entry.id !== undefined && !answered.has(entry.id))).toEqual([]);
  });
});

describe.skipIf(!existsSync(canonFile))('the canon (../shared/canon/canon.json)', () => {
  const canon = existsSync(canonFile) ? (JSON.parse(readFileSync(canonFile, 'utf8')) as Array<{ id: string; group: string }>) : [];

  it.each(COVERED_GROUPS)('has every item of group %s listed, with under 15%% skipped', (group) => {
    const items = canon.filter((item) => item.group === group).map((item) => item.id);
    expect(items.length).toBeGreaterThan(100);
    const listed = new Map(canonCoverage.map((entry) => [entry.canon, entry]));
    expect(items.filter((id) => !listed.has(id))).toEqual([]);
    expect(items.filter((id) => listed.get(id)?.skip !== undefined).length / items.length).toBeLessThan(0.15);
  });

  it('lists no item that is not in the canon', () => {
    const ids = new Set(canon.map((item) => item.id));
    expect(canonCoverage.filter((entry) => !ids.has(entry.canon)).map((entry) => entry.canon)).toEqual([]);
  });
});

describe.skipIf(!existsSync(seedsDir))('the seed documents (../shared/seeds)', () => {
  it('have every question covered', () => {
    const covered = new Set(coverage.map((entry) => `${entry.seed}: ${entry.question}`));
    const seedQuestions = [
      ...tocLeaves(readFileSync(join(seedsDir, 'awesome_NLP-Interview-Notes-README.md'), 'utf8')).map((q) => `awesome_NLP-Interview-Notes-README.md: ${q}`),
      ...interviewQuestions(readFileSync(join(seedsDir, 'InterviewSumm.md'), 'utf8')).map((q) => `InterviewSumm.md: ${q}`),
    ];
    expect(seedQuestions.length).toBeGreaterThan(100);
    expect(seedQuestions.filter((q) => !covered.has(q))).toEqual([]);
    expect([...covered].filter((q) => !seedQuestions.includes(q))).toEqual([]);
  });
});

/** The leaves of the checklist table of contents: the questions (items with children only group them). */
function tocLeaves(markdown: string): string[] {
  const items = [...markdown.matchAll(/^( *)- \[x\] (.+)$/gm)].map((m) => ({ indent: m[1]!.length, text: m[2]!.replace(/\*\*/g, '').trim() }));
  return items.filter((item, index) => !(items[index + 1] && items[index + 1]!.indent > item.indent) && item.indent > 2).map((item) => item.text);
}

/** `●` questions and whole-line bold questions of the interview list. */
function interviewQuestions(markdown: string): string[] {
  const body = markdown.replace(/^---[\s\S]*?\n---\n/, '');
  const bullets = [...body.matchAll(/^●\s*(.+?)\s*$/gm)].map((m) => m[1]!);
  const bold = [...body.matchAll(/^\*\*(.+?)\*\*/gm)].map((m) => m[1]!.trim());
  return [...bold, ...bullets];
}
