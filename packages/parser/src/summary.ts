import type { Paragraph, RootContent } from 'mdast';
import { inlineText } from '@mianjing/markdown';

// The label of a short answer at the head of an answer: `**结论**：…` in canonical notes; other people also write
// 简答, 总结, TL;DR, Short answer or Answer.
const CANONICAL_LABEL = /^结论$/;
const LENIENT_LABEL = /^(?:结论|简答|简要回答|一句话(?:总结|回答)?|总结|答|答案|tl;?dr|short answer|in short|summary|answer)$/i;
const COLON = /^\s*[：:]\s*/;

/** Where the summary of an answer is: its paragraph and the offset its text starts at (after label and colon). */
export interface SummaryPlace {
  paragraph: Paragraph;
  start: number;
}

/**
 * The leading paragraph that labels itself as the short answer (`**结论**：…`, or `结论：…` in lenient notes), when
 * more of the answer follows it; a lone labelled paragraph is the whole answer, not a summary of one (`alone` finds
 * that case instead).
 */
export function findSummary(nodes: readonly RootContent[], source: string, lenient: boolean, alone = false): SummaryPlace | undefined {
  const [first, ...rest] = nodes;
  if (first?.type !== 'paragraph' || (rest.length === 0) !== alone) return undefined;
  const label = lenient ? LENIENT_LABEL : CANONICAL_LABEL;
  const start = first.position!.start.offset!;
  const end = first.position!.end.offset!;
  const head = first.children[0];
  let afterLabel: number | undefined;
  if (head?.type === 'strong') {
    const text = inlineText(head).trim();
    // `**结论**：` or `**结论：**`
    if (label.test(text)) afterLabel = head.position!.end.offset!;
    else if (label.test(text.replace(/[：:]$/, '')) && /[：:]$/.test(text)) return textAfter(first, head.position!.end.offset!, end, source);
  } else if (lenient && head?.type === 'text') {
    const match = /^([^：:\n]{1,16})[：:]/.exec(head.value);
    if (match && label.test(match[1]!.trim())) return textAfter(first, start + match[0].length, end, source);
  }
  if (afterLabel === undefined) return undefined;
  const colon = COLON.exec(source.slice(afterLabel, end));
  if (!colon) return undefined;
  return textAfter(first, afterLabel + colon[0].length, end, source);
}

function textAfter(paragraph: Paragraph, from: number, end: number, source: string): SummaryPlace | undefined {
  const skipped = source.slice(from, end).search(/\S/);
  return skipped === -1 ? undefined : { paragraph, start: from + skipped };
}

/** Sentences of a summary: runs ending in 。！？ or in . ! ? followed by a space. */
export function countSentences(text: string): number {
  const ends = text.match(/[。！？]+(?:[”’」』）)]*)|[.!?]+(?=\s|$)/g) ?? [];
  const trailing = /[。！？.!?][”’」』）)]*\s*$/.test(text) ? 0 : 1;
  return ends.length + trailing;
}
