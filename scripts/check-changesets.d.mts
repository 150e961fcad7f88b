// Types of check-changesets.mjs, for the tests that import it.
export function changesetPackages(text: string): string[];
export function missingDatasetChangeset(changedFiles: readonly string[], changesets: readonly string[]): string | undefined;
export function changedSinceRelease(root: string): string[];
export function pendingChangesets(root: string): string[];
