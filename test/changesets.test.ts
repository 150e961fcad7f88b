import { describe, expect, it } from 'vitest';
import { changedSinceRelease, changesetPackages, missingDatasetChangeset, pendingChangesets } from '../scripts/check-changesets.mjs';

const root = new URL('..', import.meta.url).pathname;
const dataset = "---\n'@mianjing/dataset': minor\n---\n\nNew records.\n";
const cli = '---\n"@mianjing/cli": patch\n---\n\nA fix.\n';

describe('the changeset check', () => {
  it('reads the packages a changeset names', () => {
    expect(changesetPackages(dataset)).toEqual(['@mianjing/dataset']);
    expect(changesetPackages('---\n\'@mianjing/parser\': minor\n"@mianjing/cli": major\n---\n')).toEqual(['@mianjing/parser', '@mianjing/cli']);
    expect(changesetPackages('no front matter')).toEqual([]);
  });

  it('fails when content/ changed without a changeset for the dataset', () => {
    expect(missingDatasetChangeset(['content/cnn.md', 'README.md'], [cli])).toMatch(/content\/ changed \(content\/cnn\.md\) but no changeset names @mianjing\/dataset/);
    expect(missingDatasetChangeset(['content/cnn.md'], [cli, dataset])).toBeUndefined();
    expect(missingDatasetChangeset(['packages/cli/src/main.ts'], [])).toBeUndefined();
  });

  it('passes on this repository', () => {
    expect(missingDatasetChangeset(changedSinceRelease(root), pendingChangesets(root))).toBeUndefined();
  });
});
