import type { Blockquote } from 'mdast';
import { plainText } from '@mianjing/markdown';

const META_LINE = /^(又问|别名|标签)[：:]\s*(.*)$/;

/**
 * Read a meta quote (`> 又问：…` / `> 标签：a, b` lines) under a question. `none` when no line is a meta line
 * (the quote is answer content), `mixed` when only some are.
 */
export function readMetaQuote(quote: Blockquote): { aliases: string[]; tags: string[] } | 'none' | 'mixed' {
  const lines = plainText(quote.children)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const matches = lines.map((line) => META_LINE.exec(line));
  const metaCount = matches.filter(Boolean).length;
  if (metaCount === 0) return 'none';
  if (metaCount < lines.length) return 'mixed';
  const meta = { aliases: [] as string[], tags: [] as string[] };
  for (const match of matches) {
    const [, key, value = ''] = match!;
    if (key === '标签') meta.tags.push(...value.split(/[,，、;；\s]+/).filter(Boolean));
    else if (value) meta.aliases.push(value);
  }
  return meta;
}
