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

interface CoverageEntry {
  seed: string;
  question: string;
  id: string;
}

const coverage = parse(readFileSync(join(contentDir, 'coverage.yml'), 'utf8')) as CoverageEntry[];
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
