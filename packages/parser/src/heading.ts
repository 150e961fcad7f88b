import { QUESTION_ID } from '@mianjing/markdown';

export { QUESTION_ID };
/** What a question or section heading says, split into its parts. */
export interface HeadingParts {
  /** Numbering written before the text ("2.1", "一", "Q3"), without its trailing punctuation; "" when none. */
  number: string;
  text: string;
  /** The explicit id from a trailing `{#id}`, or undefined. */
  id: string | undefined;
}

// "2.1 ", "3. ", "1) ", "一、", "Q1 ", "Q01 · ", "1-1 ": a digit-only number must be followed by punctuation or a space,
// so that "1x1 卷积" or "3D 卷积" keep their leading digit.
const NUMBERING = /^(?:(\d+(?:[.．]\d+)*)(?:[.．、)）:：]\s*|\s+|$)|([一二三四五六七八九十百]+)[、.．]\s*|[（(]([一二三四五六七八九十\d]+)[)）]\s*|(Q\d+)\s*[.:：、·•|\-–—]?\s*|(\d+-\d+)\s+)/i;
const TRAILING_ID = /\s*\{#([^}\s]*)\}\s*$/;

export function splitHeading(plain: string): HeadingParts {
  let text = plain.trim();
  let id: string | undefined;
  // The text is trimmed, so a trailing `{#id}` ends it: the test spares the regex its scan of every other heading.
  const idMatch = text.endsWith('}') ? TRAILING_ID.exec(text) : null;
  if (idMatch) {
    id = idMatch[1];
    text = text.slice(0, idMatch.index).trim();
  }
  let number = '';
  const numberMatch = NUMBERING.exec(text);
  if (numberMatch) {
    number = numberMatch.slice(1).find((group) => group !== undefined) ?? '';
    text = text.slice(numberMatch[0].length).trim();
  }
  return { number, text, id };
}

const REFERENCE_TITLE = /^(?:参考|参考文献|参考资料|参考链接|引用|references?|further reading)$/i;

export function isReferenceTitle(text: string): boolean {
  return REFERENCE_TITLE.test(splitHeading(text).text.replace(/[:：]$/, ''));
}

const PLACEHOLDER =
  /^(?:todo|tbd|tbc|fixme|wip|solution|to be (?:added|done|written|completed)|work in progress|coming soon|待补充|待完善|待更新|待续|未完待续|暂无|略|敬请期待|\.\.\.|…+|（?待补充）?|(?:点击)?查看答案|答案见链接)[.。!！]*$/i;

/** "Todo", "[TBD]", "待补充", "(to be added)": text that stands where an answer should be. */
export function isPlaceholder(text: string): boolean {
  const bare = text
    .trim()
    .replace(/^[-*]\s*\[ \]\s*/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/^([*_]{1,2})(.+)\1$/, '$2')
    .replace(/^[(（](.*)[)）]$/, '$1')
    .trim();
  return PLACEHOLDER.test(bare);
}
