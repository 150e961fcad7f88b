import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { LanguageTag } from '@mianjing/schema';
import { z } from 'zod';
import { emit, type ParseMode } from './rules.js';

export const NOTE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** Front matter of a note in the canonical format: exactly these keys. */
export const CanonicalFrontMatter = z
  .object({
    id: z.string().regex(NOTE_ID, 'expected lower-case ASCII words joined by "-", e.g. "rnn-lstm"'),
    title: z.string().trim().min(1),
    tags: z.array(z.string().trim().min(1)),
    lang: LanguageTag.optional(),
  })
  .strict();

/**
 * Front matter as other people write it: every key optional, `tags:` may be empty or a single string. Blank tags
 * (`tags: [""]`, `tags: a,,b`) carry nothing and are dropped; the others are trimmed.
 */
export const LenientFrontMatter = z.object({
  id: z.string().regex(NOTE_ID, 'expected lower-case ASCII words joined by "-", e.g. "rnn-lstm"').optional(),
  title: z.union([z.string(), z.number()]).transform(String).optional(),
  tags: z
    .union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string(), z.null()])
    .transform((tags) => (tags === null ? [] : typeof tags === 'string' ? tags.split(/[,，\s]+/) : tags).map((tag) => tag.trim()).filter(Boolean))
    .optional(),
  lang: LanguageTag.optional(),
});

export interface NoteFrontMatter {
  id?: string | undefined;
  title?: string | undefined;
  tags?: string[] | undefined;
  lang?: string | undefined;
}

/**
 * Read the YAML front matter node: parse it with positions, validate it, and report every problem at the line
 * of the offending key (yaml's line counter gives lines relative to the YAML text, which starts one line below
 * the opening `---`). Returns what could be read; invalid keys are left out.
 */
export function readFrontMatter(file: VFile, node: Yaml, mode: ParseMode): NoteFrontMatter {
  const canonical = mode === 'canonical';
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      emit(file, mode, 'invalid-front-matter', `Unexpected YAML syntax: ${error.message.split('\n')[0]}; fix the front matter so it parses as YAML`, at(error.pos[0]));
    }
    return {};
  }
  if (doc.contents === null && node.value.trim() === '') {
    emit(file, mode, 'invalid-front-matter', 'Unexpected empty front matter, expected `id`, `title` and `tags` keys', node.position?.start);
    return {};
  }
  if (!isMap(doc.contents)) {
    emit(file, mode, 'invalid-front-matter', 'Unexpected front matter that is not a mapping, expected `key: value` lines', node.position?.start);
    return {};
  }
  const data = mapToObject(doc);
  const schema = canonical ? CanonicalFrontMatter : LenientFrontMatter;
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const invalid = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyNode = findKey(doc, key);
        invalid.add(key);
        emit(
          file,
          mode,
          'invalid-front-matter',
          `Unexpected front matter key \`${key}\`, expected only \`id\`, \`title\`, \`tags\` and \`lang\` (remove it)`,
          keyNode?.range ? at(keyNode.range[0]) : node.position?.start,
        );
      }
      continue;
    }
    const key = issue.path[0];
    const keyNode = typeof key === 'string' ? findKey(doc, key) : undefined;
    if (typeof key === 'string') invalid.add(key);
    const where = keyNode?.range ? at(keyNode.range[0]) : node.position?.start;
    emit(file, mode, 'invalid-front-matter', describeIssue(issue), where);
  }
  // Keep the keys that were fine, so one bad key does not also cost the title and tags.
  const partial: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!invalid.has(key)) partial[key] = value;
  const retry = LenientFrontMatter.safeParse(partial);
  return retry.success ? retry.data : {};
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `Missing front matter key \`${key}\`, expected it (${issue.expected})`;
  }
  return `Unexpected value for front matter key \`${key}\`: ${issue.message}`;
}

/** The mapping as a prototype-free object, so keys like `__proto__` stay plain data. */
function mapToObject(doc: Document): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value;
    out[key] = value && typeof value === 'object' && 'toJS' in value ? (value as { toJS(d: Document): unknown }).toJS(doc) : value;
  }
  return { ...out };
}

function findKey(doc: Document, key: string): { range?: [number, number, number] | null } | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}
