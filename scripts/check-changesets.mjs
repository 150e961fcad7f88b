// Fails when the notes changed since the last release of @mianjing/dataset and no pending changeset names it:
// every edit to the data must reach its changelog and version. Run by the test suite (test/changesets.test.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DATASET = '@mianjing/dataset';

/** The packages a changeset file names in its front matter. */
export function changesetPackages(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!front) return [];
  return [...front[1].matchAll(/^\s*["']?(@?[\w./-]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((m) => m[1]);
}

/** The problem to report, or undefined: content/ changed, and no changeset names the dataset. */
export function missingDatasetChangeset(changedFiles, changesets) {
  const contentChanged = changedFiles.filter((file) => file.startsWith('content/'));
  if (contentChanged.length === 0) return undefined;
  if (changesets.some((text) => changesetPackages(text).includes(DATASET))) return undefined;
  return `content/ changed (${contentChanged.slice(0, 5).join(', ')}${contentChanged.length > 5 ? ', …' : ''}) but no changeset names ${DATASET}.\nRun \`pnpm changeset\`, pick ${DATASET} (new records: minor, answer edits: patch) and commit the file.`;
}

/** Files changed since the last dataset release tag (or since the first commit when there is none). */
export function changedSinceRelease(root) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let base;
  try {
    base = git('describe', '--tags', '--abbrev=0', '--match', `${DATASET}@*`);
  } catch {
    base = git('rev-list', '--max-parents=0', 'HEAD').split('\n').pop();
  }
  const committed = git('diff', '--name-only', base, 'HEAD').split('\n');
  const working = git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .map((line) => line.slice(3));
  return [...new Set([...committed, ...working, ...(base ? firstCommitFiles(git, base) : [])])].filter(Boolean);
}

// `git diff base HEAD` leaves out what the base commit itself added, when the base is the first commit.
function firstCommitFiles(git, base) {
  return git('rev-list', '--max-parents=0', 'HEAD').split('\n').includes(base) ? git('show', '--name-only', '--format=', base).split('\n') : [];
}

export function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = new URL('..', import.meta.url).pathname;
  const problem = missingDatasetChangeset(changedSinceRelease(root), pendingChangesets(root));
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.log('changesets: ok');
}
