import { readFileSync } from 'node:fs';
import { report, runNote, severityFor, type NoteProcessor, type ParseMode } from '@mianjing/parser';
import { VFile } from 'vfile';
import { decodeNote } from './decode.js';
import type { NoteFile } from './walk.js';

/**
 * Read, decode and parse one note file. Problems (unreadable, not UTF-8) are messages on the file, never thrown.
 * The read is synchronous: parsing blocks the thread far longer than reading a note, so waiting would free nothing.
 */
export function parseNoteFile(note: NoteFile, contentRoot: string, mode: ParseMode, processor: NoteProcessor): VFile {
  const file = new VFile({ path: note.path, cwd: contentRoot });
  const severity = unreadableSeverity(mode);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(note.absolute);
  } catch (error) {
    report(file, severity, 'unreadable-file', `Cannot read the note (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it is skipped`, { line: 1, column: 1 });
    return file;
  }
  const decoded = decodeNote(bytes);
  if ('problem' in decoded) {
    report(file, severity, 'invalid-encoding', `${decoded.problem.reason}; the file is skipped`, decoded.problem);
    return file;
  }
  file.value = decoded.text;
  runNote(processor, file);
  return file;
}

/** A file that cannot be read is skipped and reported; in canonical mode that fails the build. */
export function unreadableSeverity(mode: ParseMode): 'error' | 'warning' {
  return severityFor(mode, 'unreadable-file') === 'error' ? 'error' : 'warning';
}
