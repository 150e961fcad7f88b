import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkMianjing, type MianjingOptions } from './plugin.js';

/** The whole pipeline: Markdown with GFM, math, YAML front matter and CJK-friendly emphasis, then extraction. */
export function createProcessor(options: MianjingOptions = {}) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkCjkFriendly)
    .use(remarkMianjing, options)
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

/** Parse one note; the result's `data.records` holds its records and `messages` its problems. */
export function parseNote(input: NoteInput, options: MianjingOptions = {}, processor = createProcessor(options)): VFile {
  const file = new VFile({ path: input.path, value: input.value.replace(/^\uFEFF/, ''), cwd: input.cwd });
  processor.runSync(processor.parse(file), file);
  return file;
}
