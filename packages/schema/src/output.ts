/**
 * A file the toolchain produces (a dataset file, an export, a page of the site), written by the CLI atomically
 * under its output folder. Its data is bytes, text (written as UTF-8), or pieces of either written one after
 * another as they are produced, so a large file never has to sit in memory whole; `fs.promises.writeFile(path,
 * data)` writes every form.
 */
export interface OutputFile {
  /** Relative to the output folder, with `/` separators. */
  path: string;
  data: string | Uint8Array | Iterable<string | Uint8Array>;
}

/**
 * Something an exporter or the site skipped or changed in one record (an image outside the content folder, a table
 * cut short). The CLI prints it at the record's note and line.
 */
export interface RecordWarning {
  recordId: string;
  /** kebab-case, e.g. `image-not-found`. */
  ruleId: string;
  message: string;
}
