/** A file an exporter produces; the CLI writes it (atomically) under its output directory. */
export interface OutputFile {
  /** Relative path with `/` separators. */
  path: string;
  /** Bytes, or text the CLI writes as UTF-8. */
  data: Uint8Array | string;
}

/** Something an exporter skipped or changed in one record. */
export interface ExportWarning {
  recordId: string;
  /** kebab-case, e.g. `image-not-found`. */
  ruleId: string;
  message: string;
}

/** What every exporter returns. */
export interface ExportResult {
  files: OutputFile[];
  summary: Record<string, number>;
  warnings: ExportWarning[];
}
