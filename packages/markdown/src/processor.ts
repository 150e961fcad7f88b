import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkDisplayMathLines } from './display-math.js';
import { remarkGfmForReading } from './gfm.js';

export interface MarkdownOptions {
  /** Read a leading `---` block as YAML front matter (notes have it; answers do not). */
  frontMatter?: boolean;
}

/**
 * The Markdown every mianjing package reads: CommonMark with GFM (see gfm.ts), `$…$`/`$$…$$` math, CJK-friendly
 * emphasis (`**结论：**后文` closes), and `$$…$$` alone on a line read as display math. Not frozen, so the parser can
 * add its extraction plugin; run text through `limitNesting` first.
 */
export function markdownProcessor(options: MarkdownOptions = {}) {
  const processor = unified().use(remarkParse);
  if (options.frontMatter) processor.use(remarkFrontmatter, ['yaml']);
  return processor.use(remarkGfmForReading).use(remarkMath).use(remarkCjkFriendly).use(remarkDisplayMathLines);
}
