// How lenient reading recognises a question in other people's notes. Each rule is one small test, so the
// fixtures can pin what counts and what does not.

const ENDS_AS_QUESTION = /[？?][\s)）\]】"”'’]*$/;
const INTERROGATIVE = /什么|哪些|哪个|哪种|如何|怎么|怎样|为什么|为啥|为何|是否|有没有|能否|多少|几种|区别|异同|优缺点|吗[。.]?$|呢[。.]?$/;
const PROMPT_START =
  /^(?:请|简单|简要|详细|具体)?(?:介绍|讲讲|讲一下|讲解|解释|说说|说一下|谈谈|聊聊|描述|简述|阐述|手推|手撕|推导|写出|写一下|实现|比较|对比|分析|列举|总结一下)/;
const ENGLISH_PROMPT = /^(?:what|why|how|when|which|who|explain|describe|implement|derive|compare|write|define|list|name|is|are|can|does|do|should)\b/i;

/** Text phrased as a question or as a prompt to answer one. */
export function isQuestionLike(text: string): boolean {
  const t = text.trim();
  return ENDS_AS_QUESTION.test(t) || INTERROGATIVE.test(t) || PROMPT_START.test(t) || ENGLISH_PROMPT.test(t);
}

/** A bold line short and plain enough to be a topic question ("图卷积的基本原理"), not a bold sentence. */
export function isTopicLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && [...t].length <= 40 && !/[，。！；,;!:：]/.test(t);
}

/** `●`, `•`, `①`… at the start of a paragraph line: a bullet people type by hand. */
export const HAND_BULLET = /^\s*(?:[●•◆◇■□▪○◦►▶➤★☆]|[①-⑳])\s*/;
/** `Q:`, `Q1：`, `问：`, `问题：` at the start of a line. */
export const QUESTION_MARKER = /^\s*(?:Q\s*\d*|问|问题|题目)\s*[:：]\s*/i;
/** `A:`, `答：`, `答案：`, `回答：` at the start of a line. */
export const ANSWER_MARKER = /^\s*(?:A\s*\d*|答|答案|回答|解答)\s*[:：]\s*/i;

/** `#tag #tag/sub` alone on a line, as Obsidian writes tags. */
export const TAG_LINE = /^(?:#[\p{L}\p{N}_/-]+\s*)+$/u;

/** `[TOC]`, `[[toc]]`, `[toc]`: a renderer's table of contents marker. */
export const TOC_MARKER = /^\[\[?toc\]?\]$/i;
