import { limitNesting, markdownProcessor, MAX_NESTING } from '@mianjing/markdown';
import { VFile } from 'vfile';
import { repairNestedFences } from './lenient/nested-fences.js';
import { remarkMianjing, type MianjingOptions } from './plugin.js';
import { emit, report, type ParseMode } from './rules.js';

declare module 'unified' {
  interface Data {
    /** The mode the processor reads notes in, so `runNote` can prepare lenient text. */
    mianjingMode?: ParseMode;
  }
}

/** The whole pipeline: mianjing's Markdown (see @mianjing/markdown) with YAML front matter, then extraction. */
export function createProcessor(options: MianjingOptions = {}) {
  return markdownProcessor({ frontMatter: true })
    .use(remarkMianjing, options)
    .data('mianjingMode', options.mode ?? 'canonical')
    .freeze();
}

export interface NoteInput {
  /** Path relative to the content root, with "/" separators: it names the note in ids and messages. */
  path: string;
  /** The note's text (a leading BOM is ignored). */
  value: string;
  /** The content root, so messages can be located on disk. */
  cwd?: string;
}

export type NoteProcessor = ReturnType<typeof createProcessor>;

/** Parse one note; the result's `data.records` holds its records and `messages` its problems. */
export function parseNote(input: NoteInput, options: MianjingOptions = {}, processor = createProcessor(options)): VFile {
  const file = new VFile({ path: input.path, value: input.value, cwd: input.cwd });
  runNote(processor, file);
  return file;
}

/**
 * Run the processor over a file whose `value` is the note's text. A leading BOM is dropped; containers nested
 * too deep to parse safely are neutralised first (and reported), and in lenient mode a fence nested in a fence of
 * the same length is read as nested (and reported), while records are still sliced from the text as written.
 */
export function runNote(processor: NoteProcessor, file: VFile): void {
  file.value = String(file.value).replace(/^\uFEFF/, '');
  const guarded = limitNesting(file.value);
  if (guarded.lines.length > 0) {
    report(
      file,
      'warning',
      'nesting-too-deep',
      `Unexpected nesting deeper than ${MAX_NESTING} levels on ${guarded.lines.length} line(s), expected at most ${MAX_NESTING}: the deeper \`>\` and list markers are read as text`,
      { line: guarded.lines[0]!, column: 1 },
    );
  }
  let text = guarded.text;
  if (processor.data('mianjingMode') === 'lenient') {
    const nested = repairNestedFences(text);
    text = nested.text;
    for (const fence of nested.repaired) {
      emit(
        file,
        'lenient',
        'nested-fence',
        `Unexpected fence “${fence.fence}” inside the fence opened at line ${fence.outer}, expected the outer fence to be longer than the inner one; read as nested`,
        { line: fence.line, column: 1 },
      );
    }
  }
  processor.runSync(processor.parse(text), file);
}
