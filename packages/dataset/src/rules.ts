/** The problems the build over a folder adds to the parser's RULES: across files, on disk, in the dataset. */
export const DATASET_RULES = {
  'duplicate-id': 'two notes or two questions with the same id',
  'duplicate-question': 'two questions with the same text',
  'retired-id-reused': 'a record whose id is listed as retired in mianjing.json (retired ids are never reused)',
  'unknown-merge-target': 'a retired id in mianjing.json whose `mergedInto` names no record',
  'invalid-record': 'a record the dataset schema rejects (it is left out of the dataset)',
  'unreadable-file': 'a file or folder that cannot be read (permissions, a broken or outside symlink, vanished)',
  'invalid-encoding': 'a file that is not UTF-8 text (invalid bytes, UTF-16, binary)',
} as const;
